// Shared by the Intel HEX and S-record parsers: hex digits to bytes, fast and strict.

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[65 + i] = 10 + i;
  NIBBLE[97 + i] = 10 + i;
}

/** Decodes pairs of hex digits; calls fail (which must throw) on odd length or a non-hex character. */
/** firstColumn: the 1-based column of digits[0] in the line, for messages. */
export function parseHexBytes(digits: string, firstColumn: number, fail: (message: string) => never): Uint8Array {
  if (digits.length % 2 !== 0) fail(`odd number of hex digits (${digits.length})`);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) {
    const c1 = digits.charCodeAt(2 * i);
    const c2 = digits.charCodeAt(2 * i + 1);
    const hi = c1 < 128 ? NIBBLE[c1]! : -1;
    const lo = c2 < 128 ? NIBBLE[c2]! : -1;
    if (hi < 0 || lo < 0) {
      const bad = hi < 0 ? digits[2 * i] : digits[2 * i + 1];
      fail(`"${bad}" at column ${firstColumn + 2 * i + (hi < 0 ? 0 : 1)} is not a hex digit`);
    }
    out[i] = (hi << 4) | lo;
  }
  return out;
}
