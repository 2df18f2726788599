// Windows: USB devices from PowerShell's Get-PnpDevice, as JSON. The device itself is
// "USB\VID_xxxx&PID_yyyy\<serial>"; its interfaces ("...&MI_00\...") carry the driver
// that matters for a composite probe (the debug interface is MI_00 on ST-LINK V2-1/V3,
// FTDI channel A, ...). A last segment with '&' is a Windows-made id: no serial.
import { hex4 } from '../../shared/adapters';
import type { UsbDeviceInfo } from './usb-device';

export const PNP_SCRIPT =
  "Get-PnpDevice -PresentOnly | Where-Object { $_.InstanceId -like 'USB\\VID_*' } | " +
  'Select-Object InstanceId,FriendlyName,Manufacturer,Status,Service | ConvertTo-Json -Compress';

export const PNP_ARGS = ['-NoProfile', '-NonInteractive', '-Command', PNP_SCRIPT] as const;

interface PnpRecord {
  InstanceId?: unknown;
  FriendlyName?: unknown;
  Manufacturer?: unknown;
  Status?: unknown;
  Service?: unknown;
}

const ID = /^USB\\VID_([0-9A-F]{4})&PID_([0-9A-F]{4})(&MI_([0-9A-F]{2}))?\\(.*)$/i;

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** Parses ConvertTo-Json output: an array, a single object (one device), or nothing. */
export function parsePnpDevices(json: string): UsbDeviceInfo[] {
  const text = json.trim();
  if (text === '') return [];
  const parsed: unknown = JSON.parse(text);
  const records = (Array.isArray(parsed) ? parsed : [parsed]).filter((r): r is PnpRecord => typeof r === 'object' && r !== null);

  const devices = new Map<string, UsbDeviceInfo>();
  // Per VID:PID, the lowest-numbered interface and its working driver (null: none bound).
  // Interfaces of two identical probes cannot be told apart: the first probe's wins.
  const interfaceDriver = new Map<string, { mi: string; service: string | null }>();
  for (const r of records) {
    const id = str(r.InstanceId);
    const m = id ? ID.exec(id) : null;
    if (!m) continue;
    const key = `${m[1]!}&${m[2]!}`.toLowerCase();
    const service = str(r.Service);
    const working = str(r.Status) === 'OK' ? service : null;
    if (m[3]) {
      const mi = m[4]!;
      const prev = interfaceDriver.get(key);
      if (!prev || mi < prev.mi) interfaceDriver.set(key, { mi, service: working });
      continue;
    }
    const tail = m[5]!;
    devices.set(`${key}\\${tail}`, {
      vid: hex4(m[1]!),
      pid: hex4(m[2]!),
      // Windows upper-cases instance ids: a lower-case serial comes back upper-cased.
      serial: tail.includes('&') || tail === '' ? null : tail,
      product: str(r.FriendlyName),
      manufacturer: str(r.Manufacturer),
      usbLocation: null,
      devicePath: null,
      driver: working,
    });
  }
  for (const [k, d] of devices) {
    // A composite parent runs the generic usbccgp: the debug interface's driver is the one that counts.
    const iface = interfaceDriver.get(k.split('\\')[0]!);
    if (iface && (d.driver === null || /^usbccgp$/i.test(d.driver))) d.driver = iface.service;
  }
  return [...devices.values()];
}
