import { describe, expect, it } from 'vitest';
import { parseAddress, parseLength } from './numbers';

describe('ambiguous leading zeros', () => {
  it('refuses "08000000" (decimal 8000000 to a parser, hex 0x08000000 to whoever typed it)', () => {
    expect(parseAddress('08000000')).toEqual({ ok: false, error: "address '08000000' is ambiguous: write 0x08000000 for hex, or 8000000 for decimal" });
    expect(parseLength('0100', 4096).ok).toBe(false);
  });
  it('still takes 0, decimal, 0x hex and h-suffixed hex', () => {
    expect(parseAddress('0')).toEqual({ ok: true, value: 0 });
    expect(parseAddress('4096')).toEqual({ ok: true, value: 4096 });
    expect(parseAddress('0x08000000')).toEqual({ ok: true, value: 0x08000000 });
    expect(parseAddress('08000000h')).toEqual({ ok: true, value: 0x08000000 });
  });
});
