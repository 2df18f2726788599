// Grouped as words, the bytes 0d f0 fe ca read as the word the core loads: cafef00d.
import { describe, expect, it } from 'vitest';
import { groupRow } from './hex-groups';

const row = Uint8Array.of(0x0d, 0xf0, 0xfe, 0xca, 0x01, 0x02);

describe('hex view grouping', () => {
  it('32-bit little-endian shows the word the core loads; a short tail stays bytes', () => {
    expect(groupRow(row, 4, true).map((g) => g.text)).toEqual(['cafef00d', '01', '02']);
  });
  it('big-endian keeps memory order; 16-bit halves', () => {
    expect(groupRow(row, 4, false).map((g) => g.text)).toEqual(['0df0feca', '01', '02']);
    expect(groupRow(row, 2, true).map((g) => [g.offset, g.text])).toEqual([[0, 'f00d'], [2, 'cafe'], [4, '0201']]);
  });
  it('bytes are bytes', () => {
    expect(groupRow(row, 1, true).map((g) => g.text).join(' ')).toBe('0d f0 fe ca 01 02');
  });
});
