// Debug adapter detection: what is plugged in, how to pick one, how to get access to it.
export { listAdapters, toDetectedAdapters, canOpenRW, type ListAdaptersOptions } from './list';
export { selectAdapter, rivalsOf, type AdapterSelection } from './select';
export { udevRule, udevRulesFile, udevInstallCommands, udevInstallScript, windowsDriverHint, UDEV_RULE_PATH } from './udev';
export { formatAdapters, adaptersToJson, NO_ADAPTER_MESSAGE } from './format';
export { openocdSerial } from './serial';
export { parseIoreg } from './ioreg';
export { parsePnpDevices } from './pnp';
export { readSysfsUsbDevices } from './sysfs';
export type { UsbDeviceInfo } from './usb-device';
