// The hex view's 8/16/32-bit grouping: a row's bytes as 1-, 2- or 4-byte units, each
// shown as one number in the chosen byte order (little-endian: how a Cortex-M stores a
// word, so 0x20000000 reads as the word the core loads). A short tail stays bytes.
export type GroupSize = 1 | 2 | 4;

export interface HexGroup {
  /** Offset of the unit's first byte in the row. */
  offset: number;
  size: number;
  text: string;
}

export function groupRow(bytes: Uint8Array, size: GroupSize, littleEndian: boolean): HexGroup[] {
  const out: HexGroup[] = [];
  for (let off = 0; off < bytes.length; ) {
    const n = off + size <= bytes.length ? size : 1;
    const unit = Array.from(bytes.subarray(off, off + n), (b) => b.toString(16).padStart(2, '0'));
    out.push({ offset: off, size: n, text: (littleEndian ? unit.reverse() : unit).join('') });
    off += n;
  }
  return out;
}
