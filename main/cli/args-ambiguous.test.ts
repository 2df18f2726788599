import { describe, expect, it } from 'vitest';
import { parseAddress, parseNumber } from './args';
import { UsageError } from './command';

describe('parseNumber: leading zeros', () => {
  it('refuses "08000000" with the hex spelling offered', () => {
    expect(() => parseAddress('08000000')).toThrow(new UsageError("address '08000000' is ambiguous: write 0x08000000 for hex, or 8000000 for decimal"));
    expect(() => parseNumber('0_100', 'length')).toThrow(UsageError);
  });
  it('still takes 0, decimal and 0x hex', () => {
    expect(parseNumber('0', 'address')).toBe(0);
    expect(parseNumber('100', 'length')).toBe(100);
    expect(parseAddress('0x08000000')).toBe(0x08000000);
  });
});
