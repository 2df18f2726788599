// Comparing memory with an image: every differing byte counted, the first ones named.
import { describe, expect, it } from 'vitest';
import { compareBytes } from './compare';

describe('compare memory with an image', () => {
  it('identical bytes: nothing differs', () => {
    expect(compareBytes(0x08000000, Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toEqual({ compared: 3, differing: 0, first: [], short: false });
  });
  it('counts every difference and keeps the first ones by address', () => {
    const r = compareBytes(0x08000000, Uint8Array.of(1, 9, 3, 8), Uint8Array.of(1, 2, 3, 4), 1);
    expect(r).toEqual({ compared: 4, differing: 2, first: [{ address: 0x08000001, target: 9, file: 2 }], short: false });
  });
  it('a short read is said, not counted as differences', () => {
    expect(compareBytes(0, Uint8Array.of(1), Uint8Array.of(1, 2))).toMatchObject({ compared: 1, differing: 0, short: true });
  });
});
