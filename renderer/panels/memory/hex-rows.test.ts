import { describe, expect, it } from 'vitest';
import { asciiOf, rowAt, rowCount, rowOf, visibleRows } from './hex-rows';

describe('hex view rows', () => {
  it('renders only the visible window plus overscan', () => {
    // 1 MiB = 65536 rows of 20 px; a 400 px viewport scrolled to row 1000.
    const r = visibleRows(20_000, 400, 20, rowCount(1024 * 1024), 4);
    expect(r).toEqual({ first: 996, end: 1024 });
    expect(r.end - r.first).toBeLessThan(40);
    expect(visibleRows(0, 400, 20, 3)).toEqual({ first: 0, end: 3 });
  });
  it('finds the row of an address and formats a row', () => {
    expect(rowOf(0x20000031, 0x20000000, 256)).toBe(3);
    expect(rowOf(0x20000100, 0x20000000, 256)).toBeUndefined();
    const data = Uint8Array.from([0xef, 0xbe, 0xad, 0xde, 0x41, 0x42, 0x00]);
    const row = rowAt(data, 0x20000000, 0);
    expect(row.address).toBe(0x20000000);
    expect(asciiOf(row.bytes)).toBe('....AB.');
  });
});
