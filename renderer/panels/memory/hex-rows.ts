// The hex view's arithmetic, kept out of React so it can be tested: which rows are
// visible for a scroll position (virtualization), and one row's text.
export const BYTES_PER_ROW = 16;

export function rowCount(length: number): number {
  return Math.ceil(length / BYTES_PER_ROW);
}

/** Rows [first, end) to render: the visible ones plus `overscan` on each side. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, rows: number, overscan = 4): { first: number; end: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(rows, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

export function byteHex(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** Printable ASCII as itself, everything else as '.'. */
export function asciiOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  return s;
}

export interface HexRow {
  index: number;
  address: number;
  bytes: Uint8Array;
}

export function rowAt(data: Uint8Array, base: number, index: number): HexRow {
  const start = index * BYTES_PER_ROW;
  return { index, address: base + start, bytes: data.subarray(start, start + BYTES_PER_ROW) };
}

/** The row holding `address`, or undefined when outside the block. */
export function rowOf(address: number, base: number, length: number): number | undefined {
  if (address < base || address >= base + length) return undefined;
  return Math.floor((address - base) / BYTES_PER_ROW);
}
