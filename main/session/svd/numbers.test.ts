import { describe, expect, it } from 'vitest';
import { SVDError } from '../../openocd/errors';
import { parseAccess, parseBitRange, parseDimIndex, parseEnumValue, parseSvdBool, parseSvdInt } from './numbers';

describe('SVD scalars', () => {
  it('reads decimal, 0x hex, #binary and scaled integers', () => {
    expect(parseSvdInt('42', 'x')).toBe(42);
    expect(parseSvdInt(' 0x4001100C ', 'x')).toBe(0x4001100c);
    expect(parseSvdInt('0XFF', 'x')).toBe(255);
    expect(parseSvdInt('#1010', 'x')).toBe(10);
    expect(parseSvdInt('0xFFFFFFFF', 'x')).toBe(0xffffffff);
    expect(parseSvdInt('4k', 'x')).toBe(4096);
    expect(parseSvdInt('+7', 'x')).toBe(7);
  });

  it('names the element in the error for a bad number', () => {
    expect(() => parseSvdInt('0xZZ', 'GPIOA <baseAddress>')).toThrow(SVDError);
    expect(() => parseSvdInt('0xZZ', 'GPIOA <baseAddress>')).toThrow('GPIOA <baseAddress>: "0xZZ" is not a number');
  });

  it('reads enum values with x don-t-care bits', () => {
    expect(parseEnumValue('#1x0', 'v')).toEqual({ value: 0b100, dontCare: 0b010 });
    expect(parseEnumValue('#xx1', 'v')).toEqual({ value: 1, dontCare: 0b110 });
    expect(parseEnumValue('0x3', 'v')).toEqual({ value: 3, dontCare: 0 });
    expect(parseEnumValue('5', 'v')).toEqual({ value: 5, dontCare: 0 });
  });

  it('reads booleans, access and bit ranges', () => {
    expect(parseSvdBool('true', 'b')).toBe(true);
    expect(parseSvdBool('0', 'b')).toBe(false);
    expect(() => parseSvdBool('yes', 'b')).toThrow('not a boolean');
    expect(parseAccess('read-only', 'a')).toBe('read-only');
    expect(parseAccess('writeOnce', 'a')).toBe('writeOnce');
    expect(() => parseAccess('rw', 'reg X')).toThrow('reg X: access "rw" is not one of');
    expect(parseBitRange('[7:4]', 'r')).toEqual({ msb: 7, lsb: 4 });
    expect(() => parseBitRange('7:4', 'r')).toThrow('[msb:lsb]');
  });

  it('expands dimIndex ranges, letter ranges and lists, checking the count against dim', () => {
    expect(parseDimIndex('0-3', 4, 'd')).toEqual(['0', '1', '2', '3']);
    expect(parseDimIndex('2-4', 3, 'd')).toEqual(['2', '3', '4']);
    expect(parseDimIndex('A-D', 4, 'd')).toEqual(['A', 'B', 'C', 'D']);
    expect(parseDimIndex('A,B,C', 3, 'd')).toEqual(['A', 'B', 'C']);
    expect(parseDimIndex('tx, rx', 2, 'd')).toEqual(['tx', 'rx']);
    expect(parseDimIndex(undefined, 3, 'd')).toEqual(['0', '1', '2']);
    expect(() => parseDimIndex('0-3', 2, 'CH%s <dimIndex>')).toThrow('gives 4 indices but dim is 2');
  });
});
