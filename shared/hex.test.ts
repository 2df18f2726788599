import { describe, expect, it } from 'vitest';
import { formatAddress, hexDigits } from './hex';

describe('formatAddress (0x%08x)', () => {
  it('pads to eight digits', () => {
    expect(formatAddress(0x8010000)).toBe('0x08010000');
    expect(formatAddress(0)).toBe('0x00000000');
    expect(formatAddress(0x20000000)).toBe('0x20000000');
    expect(formatAddress(0xffffffff)).toBe('0xffffffff');
  });
  it('treats a negative 32-bit number as unsigned', () => {
    expect(formatAddress(-1)).toBe('0xffffffff');
    expect(formatAddress(0x80000000 | 0)).toBe('0x80000000');
  });
  it('keeps every digit of a 64-bit address', () => {
    expect(formatAddress(0x1_0000_0000)).toBe('0x100000000');
    expect(formatAddress(0xffff_ffff_0000n)).toBe('0xffffffff0000');
    expect(formatAddress(0x10n)).toBe('0x00000010');
  });
});

describe('hexDigits', () => {
  it('pads a value to its width', () => {
    expect(hexDigits(0xab, 2)).toBe('0xab');
    expect(hexDigits(5, 4)).toBe('0x0005');
    expect(hexDigits(0x12345, 4)).toBe('0x12345');
  });
});
