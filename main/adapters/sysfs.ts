// Linux: USB devices from sysfs (/sys/bus/usb/devices/*). Device directories are those
// with an idVendor file; interfaces ("1-1.4:1.0") and attributes are skipped. The usbfs
// node OpenOCD (libusb) opens is /dev/bus/usb/BBB/DDD from busnum/devnum.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hex4 } from '../../shared/adapters';
import type { UsbDeviceInfo } from './usb-device';

export const DEFAULT_SYSFS_ROOT = '/sys/bus/usb/devices';
export const DEFAULT_USBFS_ROOT = '/dev/bus/usb';

/** A sysfs string attribute without its trailing newline, or null when absent/unreadable. */
async function attr(dir: string, name: string): Promise<string | null> {
  try {
    const text = await readFile(join(dir, name), 'utf8');
    return text.endsWith('\n') ? text.slice(0, -1) : text;
  } catch {
    return null;
  }
}

function usbfsPath(root: string, busnum: string | null, devnum: string | null): string | null {
  const bus = Number(busnum);
  const dev = Number(devnum);
  if (!busnum || !devnum || !Number.isInteger(bus) || !Number.isInteger(dev)) return null;
  return join(root, String(bus).padStart(3, '0'), String(dev).padStart(3, '0'));
}

/** Every USB device under sysfsRoot; [] when the folder does not exist (no USB, container). */
export async function readSysfsUsbDevices(sysfsRoot = DEFAULT_SYSFS_ROOT, usbfsRoot = DEFAULT_USBFS_ROOT): Promise<UsbDeviceInfo[]> {
  let names: string[];
  try {
    names = await readdir(sysfsRoot);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const devices: UsbDeviceInfo[] = [];
  for (const name of names.sort()) {
    if (name.includes(':')) continue; // an interface, not a device
    const dir = join(sysfsRoot, name);
    const vid = await attr(dir, 'idVendor');
    const pid = await attr(dir, 'idProduct');
    if (!vid || !pid) continue;
    const [serial, product, manufacturer, busnum, devnum] = await Promise.all(
      ['serial', 'product', 'manufacturer', 'busnum', 'devnum'].map((a) => attr(dir, a)),
    );
    devices.push({
      vid: hex4(vid.trim()),
      pid: hex4(pid.trim()),
      serial: serial ?? null,
      product: product?.trim() || null,
      manufacturer: manufacturer?.trim() || null,
      // Root hubs are "usbN"; real devices are "<bus>-<port>[.<port>...]", which is
      // exactly the form `adapter usb location` takes.
      usbLocation: /^\d+-[\d.]+$/.test(name) ? name : null,
      devicePath: usbfsPath(usbfsRoot, busnum ?? null, devnum ?? null),
      driver: null,
    });
  }
  return devices;
}
