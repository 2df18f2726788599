// Serial numbers from a counter and a format: "SN-{n:06}" with n = 42 gives "SN-000042".
// Written to flash as ASCII, NUL-terminated, padded with 0xFF to a whole word (erased flash
// stays erased past it).

const FIELD = /\{n(?::0?(\d{1,2}))?\}/g;

export function validateSerialFormat(format: string): string | undefined {
  const n = [...format.matchAll(FIELD)].length;
  if (n !== 1) return 'the format must contain {n} (or {n:06}) exactly once';
  if (/[^\x20-\x7e]/.test(format)) return 'the format must be printable ASCII';
  return undefined;
}

export function formatSerial(format: string, n: number): string {
  return format.replace(FIELD, (_m, width: string | undefined) => String(n).padStart(width ? Number(width) : 0, '0'));
}

export const MAX_SERIAL_BYTES = 32;

export function serialBytes(serial: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,31}$/.test(serial)) throw new Error(`serial number '${serial}' must be 1 to 31 printable ASCII characters`);
  const len = Math.ceil((serial.length + 1) / 4) * 4;
  const out = new Uint8Array(len).fill(0xff);
  for (let i = 0; i < serial.length; i++) out[i] = serial.charCodeAt(i);
  out[serial.length] = 0;
  return out;
}
