// The memory search's pattern forms and its chunking: a word is found in the target's
// byte order; a match across a chunk boundary is found exactly once.
import { describe, expect, it } from 'vitest';
import { hexBytes, patternBytes, searchChunks } from './search-plan';

describe('memory search pattern', () => {
  it('a 32-bit word is searched in little-endian byte order', () => {
    expect(patternBytes('word', '0xcafef00d')).toEqual({ ok: true, bytes: [0x0d, 0xf0, 0xfe, 0xca] });
    expect(patternBytes('word', '16')).toEqual({ ok: true, bytes: [16, 0, 0, 0] });
    expect(patternBytes('word', '0x1_0000_0000')).toMatchObject({ ok: false, error: expect.stringContaining('not a 32-bit word') });
  });
  it('hex bytes take spaces, commas and 0x; a bad byte is named', () => {
    expect(patternBytes('hex', '0xde, 0xad beef')).toEqual({ ok: true, bytes: [0xde, 0xad, 0xbe, 0xef] });
    expect(patternBytes('hex', 'de a')).toEqual({ ok: false, error: "search: 'a' is not hex bytes (write them as de ad be ef)" });
  });
  it('text is UTF-8', () => {
    expect(patternBytes('text', 'µC')).toEqual({ ok: true, bytes: [0xc2, 0xb5, 0x43] });
    expect(hexBytes([0xc2, 0x5, 0x43])).toBe('c2 05 43');
  });
  it('an empty pattern says what to type', () => {
    expect(patternBytes('word', ' ')).toMatchObject({ ok: false, error: expect.stringContaining('32-bit word') });
  });
});

describe('search chunks', () => {
  it('cover the range, overlapping by the pattern length - 1', () => {
    const c = searchChunks(0x1000, 10, 4, 4);
    expect(c).toEqual([
      { address: 0x1000, length: 7, doneAfter: 4 },
      { address: 0x1004, length: 6, doneAfter: 10 },
    ]);
    // Every start offset 0..6 at which a 4-byte pattern fits lies in exactly one chunk's own part.
    const last = c[c.length - 1]!;
    expect(last.address + last.length).toBe(0x1000 + 10);
  });
  it('a range shorter than the pattern has nothing to search', () => {
    expect(searchChunks(0, 3, 4, 64)).toEqual([]);
  });
});
