import { describe, expect, it } from 'vitest';
import { parseIoreg } from './ioreg';
import { toDetectedAdapters } from './list';

// Laid out as `ioreg -p IOUSB -l -w0` prints on macOS 12+ (IOUSBHostDevice nodes with both
// the kUSB* and the legacy "USB ..." keys; nested "|" prefixes; a composite node repeating
// idVendor/idProduct). Written from recorded output of other devices, with adapter ids.
const SAMPLE = `+-o Root  <class IORegistryEntry, id 0x100000100, retain 30>
  +-o AppleT8103USBXHCI@01000000  <class AppleT8103USBXHCI, id 0x1000002b5, registered, matched, active, busy 0 (32 ms), retain 77>
  | {
  |   "IOProviderClass" = "AppleT8103USBXHCIController"
  |   "locationID" = 16777216
  | }
  |
  | +-o STM32 STLink@01100000  <class IOUSBHostDevice, id 0x100005148, registered, matched, active, busy 0 (247 ms), retain 43>
  |     {
  |       "kUSBSerialNumberString" = "066DFF485550755187162538"
  |       "bDeviceClass" = 239
  |       "iSerialNumber" = 3
  |       "USB Serial Number" = "066DFF485550755187162538"
  |       "USB Vendor Name" = "STMicroelectronics"
  |       "IOPowerManagement" = {"PowerOverrideOn"=Yes,"DevicePowerState"=2,"CurrentPowerState"=2}
  |       "kUSBProductString" = "STM32 STLink"
  |       "kUSBVendorString" = "STMicroelectronics"
  |       "USB Product Name" = "STM32 STLink"
  |       "idVendor" = 1155
  |       "kUSBCurrentConfiguration" = 1
  |       "idProduct" = 14155
  |       "locationID" = 17825792
  |     }
  |     
  |     +-o AppleUSBHostCompositeDevice  <class AppleUSBHostCompositeDevice, id 0x10000514a, !registered>
  |       {
  |         "idVendor" = 1155
  |         "idProduct" = 14155
  |         "USB Product Name" = "an interface node that must not count as a device"
  |       }
  |     
  +-o J-Link@01200000  <class IOUSBHostDevice, id 0x100005200, registered, matched, active, busy 0 (12 ms), retain 30>
  |   {
  |     "USB Product Name" = "J-Link"
  |     "USB Vendor Name" = "SEGGER"
  |     "USB Serial Number" = "000683123456"
  |     "idVendor" = 4966
  |     "idProduct" = 4117
  |   }
  |
  +-o Debug Probe (CMSIS-DAP)@01300000  <class IOUSBHostDevice, id 0x100005300, registered, matched, active, busy 0 (9 ms), retain 25>
  |   {
  |     "kUSBProductString" = "Debugprobe on Pico (CMSIS-DAP)"
  |     "kUSBSerialNumberString" = "E6614C311B4C5A37"
  |     "idVendor" = 11914
  |     "idProduct" = 12
  |   }
  |
  +-o USB Receiver@01400000  <class IOUSBHostDevice, id 0x100005400, registered, matched, active, busy 0 (5 ms), retain 22>
      {
        "USB Product Name" = "USB Receiver"
        "idVendor" = 1133
        "idProduct" = 50475
      }
`;

describe('parseIoreg', () => {
  it('reads one record per USB device, not per composite/interface node', () => {
    const devices = parseIoreg(SAMPLE);
    expect(devices.map((d) => `${d.vid}:${d.pid}`)).toEqual(['0483:374b', '1366:1015', '2e8a:000c', '046d:c52b']);
    expect(devices[0]).toEqual({
      vid: '0483', pid: '374b', serial: '066DFF485550755187162538', product: 'STM32 STLink', manufacturer: 'STMicroelectronics',
      usbLocation: null, devicePath: null, driver: null,
    });
    expect(devices[1]).toMatchObject({ serial: '000683123456', product: 'J-Link', manufacturer: 'SEGGER' });
    expect(devices[2]).toMatchObject({ product: 'Debugprobe on Pico (CMSIS-DAP)', manufacturer: null });
  });

  it('accepts hex ids and the old IOUSBDevice class', () => {
    const old = `+-o ST-LINK@14100000  <class IOUSBDevice, id 0x100000abc, registered>
    {
      "idVendor" = 0x0483
      "idProduct" = 0x3748
      "USB Serial Number" = "ABC"
    }`;
    expect(parseIoreg(old)).toMatchObject([{ vid: '0483', pid: '3748', serial: 'ABC' }]);
  });

  it('gives nothing for empty output', () => {
    expect(parseIoreg('')).toEqual([]);
  });

  it('keeps only debug adapters once classified, without a permission verdict', async () => {
    const adapters = await toDetectedAdapters(parseIoreg(SAMPLE));
    expect(adapters.map((a) => a.name)).toEqual(['ST-LINK/V2-1', 'SEGGER J-Link', 'Raspberry Pi Debug Probe (CMSIS-DAP)']);
    expect(adapters.every((a) => a.permissionOk === null)).toBe(true);
  });
});
