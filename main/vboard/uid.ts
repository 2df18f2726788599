// The board's 96-bit unique id (UID at 0x1FFFF7E8). Printed and taken as 24 hex digits,
// most significant word first (as ST's tools and the check report show it); stored as
// the 12 bytes the chip holds, lowest address first.
import path from 'node:path';

export function parseUid(hex: string): number[] {
  if (!/^[0-9a-fA-F]{24}$/.test(hex)) throw new Error(`--uid takes 24 hex digits (96 bits), got '${hex}'`);
  const words = [hex.slice(0, 8), hex.slice(8, 16), hex.slice(16, 24)].map((w) => parseInt(w, 16) >>> 0).reverse();
  return words.flatMap((w) => [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24]);
}

export function formatUid(bytes: readonly number[]): string {
  const words = [0, 1, 2].map((i) => ((bytes[i * 4]! | (bytes[i * 4 + 1]! << 8) | (bytes[i * 4 + 2]! << 16) | (bytes[i * 4 + 3]! << 24)) >>> 0));
  return words
    .reverse()
    .map((w) => w.toString(16).padStart(8, '0'))
    .join('');
}

/** A stable UID for a board that was given none: from its port, or its socket's file name. */
export function derivedUid(key: { port?: number; socketPath?: string }): number[] {
  const text = key.socketPath ? `sock:${path.basename(key.socketPath)}` : `port:${key.port ?? 3335}`;
  // FNV-1a, then xorshift32 for the 12 bytes: distinct keys give distinct ids.
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const out: number[] = [];
  for (let i = 0; i < 12; i++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out.push(h & 0xff);
  }
  return out;
}
