// Scalar syntaxes of CMSIS-SVD: scaledNonNegativeInteger (decimal, 0x hex, #binary,
// optional k/M/G/T scale), enumerated values with x don't-care bits, booleans,
// access strings, bit ranges and dimIndex lists. Each parser names the element it
// was reading in its SVDError so a bad file points the user at the right line of XML.
import { SVDError } from '../../openocd/errors';
import type { SvdAccess, SvdEnumUsage, SvdModifiedWrite } from './types';

const SCALE: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** scaledNonNegativeInteger: "42", "0x1F", "#1010", "4k". `where` names the element for errors. */
export function parseSvdInt(text: string, where: string): number {
  let s = text.trim();
  if (s.startsWith('+')) s = s.slice(1);
  let scale = 1;
  const last = s.slice(-1).toLowerCase();
  // A trailing k/m/g/t is a scale, except for hex digits, which k..t are not.
  if (last in SCALE && s.length > 1) {
    scale = SCALE[last] ?? 1;
    s = s.slice(0, -1);
  }
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^#[01]+$/.test(s)) n = parseInt(s.slice(1), 2);
  else if (/^0[bB][01]+$/.test(s)) n = parseInt(s.slice(2), 2);
  else if (/^[0-9]+$/.test(s)) n = parseInt(s, 10);
  else throw new SVDError(`${where}: "${text}" is not a number (expected decimal, 0x hex or #binary)`);
  return n * scale;
}

/**
 * An enumeratedValue <value>: like parseSvdInt, but binary may contain x/X don't-care
 * bits ("#1x0"). Returns the value with don't-cares as 0 and the mask of don't-care bits.
 */
export function parseEnumValue(text: string, where: string): { value: number; dontCare: number } {
  const s = text.trim();
  const bin = /^(?:#|0[bB])([01xX]+)$/.exec(s);
  if (bin?.[1] !== undefined) {
    const digits = bin[1];
    const value = parseInt(digits.replace(/[xX]/g, '0'), 2);
    const dontCare = parseInt(digits.replace(/[01]/g, '0').replace(/[xX]/g, '1'), 2);
    return { value, dontCare };
  }
  return { value: parseSvdInt(s, where), dontCare: 0 };
}

export function parseSvdBool(text: string, where: string): boolean {
  const s = text.trim().toLowerCase();
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  throw new SVDError(`${where}: "${text}" is not a boolean (expected true or false)`);
}

const ACCESS: Record<string, SvdAccess> = {
  'read-only': 'read-only',
  'write-only': 'write-only',
  'read-write': 'read-write',
  writeonce: 'writeOnce',
  'read-writeonce': 'read-writeOnce',
  // Seen in vendor files though not in the schema.
  read: 'read-only',
  write: 'write-only',
};

export function parseAccess(text: string, where: string): SvdAccess {
  const a = ACCESS[text.trim().toLowerCase()];
  if (a === undefined) {
    throw new SVDError(`${where}: access "${text}" is not one of read-only, write-only, read-write, writeOnce, read-writeOnce`);
  }
  return a;
}

const MODIFIED: readonly SvdModifiedWrite[] = ['oneToClear', 'oneToSet', 'oneToToggle', 'zeroToClear', 'zeroToSet', 'zeroToToggle', 'clear', 'set', 'modify'];

export function parseModifiedWrite(text: string, where: string): SvdModifiedWrite {
  const m = MODIFIED.find((x) => x.toLowerCase() === text.trim().toLowerCase());
  if (m === undefined) throw new SVDError(`${where}: modifiedWriteValues "${text}" is not one of ${MODIFIED.join(', ')}`);
  return m;
}

export function parseEnumUsage(text: string, where: string): SvdEnumUsage {
  const u = text.trim();
  if (u === 'read' || u === 'write' || u === 'read-write') return u;
  throw new SVDError(`${where}: usage "${text}" is not one of read, write, read-write`);
}

/** bitRange "[msb:lsb]" -> { msb, lsb }. */
export function parseBitRange(text: string, where: string): { msb: number; lsb: number } {
  const m = /^\s*\[\s*(\w+)\s*:\s*(\w+)\s*\]\s*$/.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) throw new SVDError(`${where}: bitRange "${text}" is not of the form [msb:lsb]`);
  return { msb: parseSvdInt(m[1], where), lsb: parseSvdInt(m[2], where) };
}

/**
 * dimIndex: "0-3", "A-D" or "A,B,C" (a list of identifiers). Without dimIndex the
 * indices are 0..dim-1. The count must equal dim.
 */
export function parseDimIndex(text: string | undefined, dim: number, where: string): string[] {
  if (text === undefined) return Array.from({ length: dim }, (_, i) => String(i));
  const s = text.trim();
  let out: string[];
  const num = /^(\d+)\s*-\s*(\d+)$/.exec(s);
  const alpha = /^([A-Za-z])\s*-\s*([A-Za-z])$/.exec(s);
  if (num?.[1] !== undefined && num[2] !== undefined) {
    const a = parseInt(num[1], 10);
    const b = parseInt(num[2], 10);
    out = Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => String(a + i));
  } else if (alpha?.[1] !== undefined && alpha[2] !== undefined) {
    const a = alpha[1].charCodeAt(0);
    const b = alpha[2].charCodeAt(0);
    out = Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => String.fromCharCode(a + i));
  } else {
    out = s.split(',').map((x) => x.trim());
    if (out.some((x) => !/^[\w]+$/.test(x))) throw new SVDError(`${where}: dimIndex "${text}" is not a range (0-3, A-D) or a comma list`);
  }
  if (out.length !== dim) throw new SVDError(`${where}: dimIndex "${text}" gives ${out.length} indices but dim is ${dim}`);
  return out;
}
