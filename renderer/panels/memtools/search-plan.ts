// What the memory search sends: the pattern as bytes (hex bytes, text as UTF-8, or a
// 32-bit word in the target's little-endian order), and the range cut into chunks so
// the panel can show progress and stop between them. Chunks overlap by the pattern's
// length - 1, so a match across a chunk boundary is still found (and found once).
import { parseNumber } from '../../lib/numbers';

export type PatternKind = 'hex' | 'text' | 'word';

export type PatternResult = { ok: true; bytes: number[] } | { ok: false; error: string };

/** The longest pattern the host takes (contract: 512 characters of "xx " hex). */
export const MAX_PATTERN_BYTES = 170;

export function patternBytes(kind: PatternKind, text: string): PatternResult {
  const t = text.trim();
  if (!t) return { ok: false, error: kind === 'word' ? 'search: enter a 32-bit word (0xcafef00d)' : kind === 'text' ? 'search: enter the text to find' : 'search: enter bytes (de ad be ef)' };
  let bytes: number[];
  if (kind === 'text') bytes = [...new TextEncoder().encode(text)];
  else if (kind === 'word') {
    const v = parseNumber(t);
    if (v === undefined || v > 0xffff_ffff) return { ok: false, error: `search: '${t}' is not a 32-bit word (0x00000000..0xffffffff)` };
    bytes = [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  } else {
    const words = t.replace(/0x/gi, ' ').split(/[,\s]+/).filter(Boolean);
    bytes = [];
    for (const w of words) {
      if (!/^([0-9a-fA-F]{2})+$/.test(w)) return { ok: false, error: `search: '${w}' is not hex bytes (write them as de ad be ef)` };
      for (const pair of w.match(/../g)!) bytes.push(parseInt(pair, 16));
    }
  }
  if (bytes.length > MAX_PATTERN_BYTES) return { ok: false, error: `search: the pattern is ${bytes.length} bytes; at most ${MAX_PATTERN_BYTES}` };
  return { ok: true, bytes };
}

/** "de ad be ef": the form the host's memorySearch takes. */
export function hexBytes(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

export interface Chunk {
  address: number;
  length: number;
  /** Bytes of the range covered once this chunk is done (for the progress bar). */
  doneAfter: number;
}

export function searchChunks(address: number, length: number, patternLength: number, chunkBytes: number): Chunk[] {
  const out: Chunk[] = [];
  const overlap = Math.max(0, patternLength - 1);
  for (let off = 0; off < length; off += chunkBytes) {
    const len = Math.min(chunkBytes + overlap, length - off);
    if (len < patternLength) break;
    out.push({ address: address + off, length: len, doneAfter: Math.min(off + chunkBytes, length) });
  }
  // The tail too short to hold the pattern was searched by the last chunk's overlap.
  if (out.length > 0) out[out.length - 1]!.doneAfter = length;
  return out;
}
