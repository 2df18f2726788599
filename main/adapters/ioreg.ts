// macOS: USB devices from `ioreg -p IOUSB -l -w0`. Each node is a "+-o Name@loc  <class X, ...>"
// header followed by its properties ("key" = value, one per line with -w0). Composite and
// interface nodes repeat idVendor/idProduct, so only device classes are kept.
import { hex4 } from '../../shared/adapters';
import type { UsbDeviceInfo } from './usb-device';

export const IOREG_ARGS = ['-p', 'IOUSB', '-l', '-w0'] as const;

interface Node {
  cls: string;
  props: Map<string, string>;
}

const HEADER = /\+-o (.*?)\s+<class ([^,>]+)/;
const PROPERTY = /^"([^"]+)" = (.*)$/;

/** ioreg prints strings quoted; a product name may itself carry quotes ("\"HDC Device\""). */
function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function number(v: string | undefined): number | null {
  if (v === undefined) return null;
  const t = v.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  return Number.isFinite(n) ? n : null;
}

function isDeviceClass(cls: string): boolean {
  // IOUSBHostDevice (10.11+) or IOUSBDevice (older); never the composite/interface nodes.
  return /Device$/.test(cls) && !/Composite|Interface/.test(cls);
}

export function parseIoreg(text: string): UsbDeviceInfo[] {
  const nodes: Node[] = [];
  let current: Node | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const header = HEADER.exec(raw);
    if (header) {
      current = { cls: header[2]!.trim(), props: new Map() };
      nodes.push(current);
      continue;
    }
    const line = raw.replace(/^[\s|]*/, '');
    const prop = PROPERTY.exec(line);
    if (prop && current && !current.props.has(prop[1]!)) current.props.set(prop[1]!, prop[2]!.trim());
  }
  const out: UsbDeviceInfo[] = [];
  for (const n of nodes) {
    const vid = number(n.props.get('idVendor'));
    const pid = number(n.props.get('idProduct'));
    if (vid === null || pid === null || !isDeviceClass(n.cls)) continue;
    const str = (...keys: string[]): string | null => {
      for (const k of keys) {
        const v = n.props.get(k);
        if (v !== undefined && v.startsWith('"')) return unquote(v);
      }
      return null;
    };
    out.push({
      vid: hex4(vid),
      pid: hex4(pid),
      serial: str('kUSBSerialNumberString', 'USB Serial Number'),
      product: str('kUSBProductString', 'USB Product Name'),
      manufacturer: str('kUSBVendorString', 'USB Vendor Name'),
      usbLocation: null,
      devicePath: null,
      driver: null,
    });
  }
  return out;
}
