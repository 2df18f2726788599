// Which debug adapters are plugged in. Linux reads sysfs and checks the usbfs node's
// permissions (what udev rules grant); macOS parses ioreg; Windows asks PowerShell.
// The platform commands run only on their platform; their parsers are pure (tested on text).
import { access, constants } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { classifyUsbDevice, FAMILY_CFG, type DetectedAdapter } from '../../shared/adapters';
import { readSysfsUsbDevices, DEFAULT_SYSFS_ROOT, DEFAULT_USBFS_ROOT } from './sysfs';
import { parseIoreg, IOREG_ARGS } from './ioreg';
import { parsePnpDevices, PNP_ARGS } from './pnp';
import { openocdSerial } from './serial';
import type { UsbDeviceInfo } from './usb-device';

export interface ListAdaptersOptions {
  /** Linux: where the USB devices are listed (tests point it at a fake tree). */
  sysfsRoot?: string;
  /** Linux: the usbfs root whose BBB/DDD nodes OpenOCD opens. */
  usbfsRoot?: string;
  platform?: NodeJS.Platform;
  /** Linux: how to test read/write access to a device node (default: fs.access R_OK|W_OK). */
  canOpen?: (path: string) => Promise<boolean | null>;
}

const COMMAND_TIMEOUT_MS = 15_000;

/** R/W access to a usbfs node: true/false, or null when the node does not exist (cannot tell). */
export async function canOpenRW(path: string): Promise<boolean | null> {
  try {
    await access(path, constants.R_OK | constants.W_OK);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : false;
  }
}

function run(cmd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** Keeps the USB devices that are debug adapters and describes them. */
export async function toDetectedAdapters(devices: readonly UsbDeviceInfo[], canOpen?: (path: string) => Promise<boolean | null>): Promise<DetectedAdapter[]> {
  const out: DetectedAdapter[] = [];
  for (const d of devices) {
    const cls = classifyUsbDevice(d.vid, d.pid, d.product);
    if (!cls) continue;
    out.push({
      vid: d.vid,
      pid: d.pid,
      name: cls.name,
      family: cls.family,
      known: cls.known,
      serial: d.serial,
      openocdSerial: openocdSerial(cls.family, d.serial),
      product: d.product,
      manufacturer: d.manufacturer,
      usbLocation: d.usbLocation,
      devicePath: d.devicePath,
      permissionOk: canOpen && d.devicePath ? await canOpen(d.devicePath) : null,
      driver: d.driver,
      interfaceCfg: cls.known ? cls.known.interfaceCfg : FAMILY_CFG[cls.family],
    });
  }
  return out;
}

export async function listAdapters(opts: ListAdaptersOptions = {}): Promise<DetectedAdapter[]> {
  const platform = opts.platform ?? process.platform;
  if (platform === 'darwin') return toDetectedAdapters(parseIoreg(await run('ioreg', IOREG_ARGS)));
  if (platform === 'win32') return toDetectedAdapters(parsePnpDevices(await run('powershell.exe', PNP_ARGS)));
  const devices = await readSysfsUsbDevices(opts.sysfsRoot ?? DEFAULT_SYSFS_ROOT, opts.usbfsRoot ?? DEFAULT_USBFS_ROOT);
  return toDetectedAdapters(devices, opts.canOpen ?? canOpenRW);
}
