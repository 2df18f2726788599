// One USB device as an OS listing reports it, before we decide whether it is a debug
// adapter. Each platform reader (sysfs, ioreg, PnP) produces these.
export interface UsbDeviceInfo {
  /** Four lower-case hex digits. */
  vid: string;
  pid: string;
  serial: string | null;
  product: string | null;
  manufacturer: string | null;
  /** OpenOCD `adapter usb location` form (Linux: the sysfs device name, e.g. "1-1.4"). */
  usbLocation: string | null;
  /** Linux usbfs node, /dev/bus/usb/BBB/DDD. */
  devicePath: string | null;
  /** Windows driver service (WinUSB, FTDIBUS, ...). */
  driver: string | null;
}
