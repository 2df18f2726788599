// A byte is "changed" only where the last read saw the same address hold another value.
import { describe, expect, it } from 'vitest';
import { byteChanged, ReadHistory } from './changed-bytes';

describe('bytes changed since the last read', () => {
  it('compares the same address in the overlap of the two reads', () => {
    const prev = { address: 0x20000010, bytes: Uint8Array.of(1, 2, 3, 4) };
    expect(byteChanged(prev, 0x20000011, 2)).toBe(false);
    expect(byteChanged(prev, 0x20000011, 9)).toBe(true);
    expect(byteChanged(prev, 0x2000000f, 9)).toBe(false); // not read last time
    expect(byteChanged(prev, 0x20000014, 9)).toBe(false);
    expect(byteChanged(undefined, 0x20000011, 9)).toBe(false);
  });
  it('the previous read is the one before the block on screen, whatever the re-renders', () => {
    const h = new ReadHistory();
    const a = { address: 0, bytes: Uint8Array.of(1) };
    const b = { address: 0, bytes: Uint8Array.of(2) };
    expect(h.previousOf(a)).toBeUndefined();
    expect(h.previousOf(a)).toBeUndefined();
    expect(h.previousOf(b)).toBe(a);
    expect(h.previousOf(b)).toBe(a);
  });
});
