import { describe, expect, it } from 'vitest';
import { parseIntelHex } from '../images/ihex';
import { toIntelHex } from './ihex-write';

describe('Intel HEX export', () => {
  it('reads back to the same bytes at the same address, across a 64 KiB boundary', () => {
    const data = Uint8Array.from({ length: 70 }, (_, i) => (i * 7) & 0xff);
    const text = toIntelHex(0x2000ffe0, data);
    expect(text.startsWith(':020000042000DA')).toBe(true);
    expect(text.trimEnd().endsWith(':00000001FF')).toBe(true);
    const image = parseIntelHex(text, 'export.hex');
    const joined = image.segments.flatMap((s) => [...s.data]);
    expect(image.segments[0]!.address).toBe(0x2000ffe0);
    expect(joined).toEqual([...data]);
  });
});
