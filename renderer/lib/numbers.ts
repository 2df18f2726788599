// Parsing what users type into address/length/value fields. Errors name the text
// that was typed, so "bad address" always says which one.
import { formatAddress, hexDigits } from '../../shared/hex';

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

const HEX = /^0x[0-9a-f]+$/i;
const DEC = /^[0-9]+$/;

/** "0x20000000", "20000000h" or decimal "536870912"; "_" and spaces between digit groups are allowed. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/[_\s]/g, '');
  if (HEX.test(t)) return parseInt(t.slice(2), 16);
  if (/^[0-9a-f]+h$/i.test(t)) return parseInt(t.slice(0, -1), 16);
  if (DEC.test(t)) return Number(t);
  return undefined;
}

/** "08000000" is decimal 8000000 to a parser but hex 0x08000000 to whoever typed it: refused, both spellings offered. */
function ambiguous(what: string, text: string): string | undefined {
  const t = text.trim().replace(/[_\s]/g, '');
  if (!/^0[0-9]+$/.test(t)) return undefined;
  return `${what} '${text.trim()}' is ambiguous: write 0x${t} for hex, or ${t.replace(/^0+(?=[0-9])/, '')} for decimal`;
}

export function parseAddress(text: string): Parsed {
  const v = parseNumber(text);
  if (text.trim() === '') return { ok: false, error: 'address: enter an address, e.g. 0x20000000' };
  const amb = ambiguous('address', text);
  if (amb) return { ok: false, error: amb };
  if (v === undefined) return { ok: false, error: `bad address '${text.trim()}': use hex like 0x20000000 or a decimal number` };
  if (v > 0xffff_ffff) return { ok: false, error: `bad address '${text.trim()}': beyond the 32-bit address space (max 0xffffffff)` };
  return { ok: true, value: v };
}

export function parseLength(text: string, max: number): Parsed {
  const amb = ambiguous('length', text);
  if (amb) return { ok: false, error: amb };
  const v = parseNumber(text);
  if (v === undefined || v < 1) return { ok: false, error: `bad length '${text.trim()}': use a byte count like 256 or 0x100` };
  if (v > max) return { ok: false, error: `length ${v} is over the ${max}-byte limit of one read` };
  return { ok: true, value: v };
}

/** A value for a field `bits` wide (hex or decimal). */
export function parseValue(text: string, bits: number): Parsed {
  const v = parseNumber(text);
  if (v === undefined) return { ok: false, error: `bad value '${text.trim()}': use hex like 0xff or a decimal number` };
  if (v >= 2 ** bits) return { ok: false, error: `value '${text.trim()}' does not fit in ${bits} bits` };
  return { ok: true, value: v };
}

/** Addresses (the default) are 0x%08x, as everywhere (shared/hex.ts); values pass their width in digits. */
export function hex(n: number, digits = 8): string {
  return digits === 8 ? formatAddress(n) : hexDigits(n, digits);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
