// Text <-> bytes for OpenOCD 0.12's read_memory / write_memory (src/target/target.c):
//   read_memory ADDR WIDTH_BITS COUNT   -> "0x1 0xff 0x20000400" (one "0x%PRIx64" per element)
//   write_memory ADDR WIDTH_BITS {LIST} -> ""
// The reply for a 16 KB read is ~45 KB of text, so the parser is a hand-written scanner
// (no split/regex/parseInt per element): it is the library's share of a memory read.
import { TargetError } from '../openocd/errors';

export type Width = 8 | 16 | 32 | 64;

export function widthBytes(width: Width): number {
  return width / 8;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

/**
 * Decodes a read_memory reply of 8/16/32-bit elements into `out` (little-endian unless
 * `bigEndian`), returning the element count. Anything that is not a list of hex numbers
 * is OpenOCD's error text and is thrown as a TargetError carrying it.
 */
export function decodeElements(reply: string, width: 8 | 16 | 32, out: Uint8Array, offset: number, count: number, bigEndian = false): void {
  const size = width / 8;
  let n = 0;
  let i = 0;
  const len = reply.length;
  while (i < len) {
    let c = reply.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (c !== 48 || (reply.charCodeAt(i + 1) | 0x20) !== 120) throw badReply(reply, count);
    i += 2;
    let v = 0;
    let digits = 0;
    while (i < len) {
      c = reply.charCodeAt(i);
      const d = hexDigit(c);
      if (d < 0) break;
      v = v * 16 + d;
      digits++;
      i++;
    }
    if (digits === 0 || n >= count) throw badReply(reply, count);
    let p = offset + n * size;
    if (bigEndian) {
      for (let b = size - 1; b >= 0; b--) {
        out[p + b] = v & 0xff;
        v = Math.floor(v / 256);
      }
    } else {
      for (let b = 0; b < size; b++) {
        out[p++] = v & 0xff;
        v = Math.floor(v / 256);
      }
    }
    n++;
  }
  if (n !== count) throw badReply(reply, count);
}

/** Decodes a read_memory reply into numbers (8/16/32) or bigints (64). */
export function decodeValues(reply: string, width: Width, count: number): Array<number | bigint> {
  const words = reply.trim() === '' ? [] : reply.trim().split(/\s+/);
  if (words.length !== count || !words.every((w) => /^0x[0-9a-fA-F]+$/.test(w))) throw badReply(reply, count);
  return words.map((w) => (width === 64 ? BigInt(w) : Number.parseInt(w.slice(2), 16)));
}

function badReply(reply: string, count: number): TargetError {
  const text = reply.trim();
  return new TargetError(text === '' ? `memory read returned no data (expected ${count} values)` : text, {
    openocdText: text,
  });
}

/** Elements of `bytes` (little-endian unless bigEndian) as a Tcl list body for write_memory. */
export function encodeElements(bytes: Uint8Array, width: 8 | 16 | 32, bigEndian = false): string {
  const size = width / 8;
  const n = bytes.length / size;
  const parts: string[] = new Array<string>(n);
  for (let e = 0; e < n; e++) {
    let v = 0;
    const base = e * size;
    if (bigEndian) for (let b = 0; b < size; b++) v = v * 256 + (bytes[base + b] ?? 0);
    else for (let b = size - 1; b >= 0; b--) v = v * 256 + (bytes[base + b] ?? 0);
    parts[e] = '0x' + v.toString(16);
  }
  return parts.join(' ');
}
