import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { formatBytes, parseAddress, parseLength, parseValue } from './numbers';

describe('parseAddress', () => {
  it('reads hex, h-suffixed hex and decimal', () => {
    expect(parseAddress('0x20000000')).toEqual({ ok: true, value: 0x20000000 });
    expect(parseAddress(' 0800_0000h ')).toEqual({ ok: true, value: 0x08000000 });
    expect(parseAddress('4096')).toEqual({ ok: true, value: 4096 });
  });
  it('names the bad address in the error', () => {
    const r = parseAddress('0x2000zz00');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("'0x2000zz00'");
    const big = parseAddress('0x100000000');
    expect(!big.ok && big.error).toMatch(/'0x100000000'.*32-bit/);
    expect(parseAddress('').ok).toBe(false);
  });
});

describe('parseLength / parseValue', () => {
  it('bounds the length', () => {
    expect(parseLength('0x100', 1024)).toEqual({ ok: true, value: 256 });
    expect(parseLength('0', 1024).ok).toBe(false);
    expect(parseLength('2048', 1024)).toEqual({ ok: false, error: 'length 2048 is over the 1024-byte limit of one read' });
  });
  it('checks the value fits the width', () => {
    expect(parseValue('0xff', 8)).toEqual({ ok: true, value: 255 });
    expect(parseValue('0x100', 8).ok).toBe(false);
    expect(parseValue('0xdeadbeef', 32)).toEqual({ ok: true, value: 0xdeadbeef });
  });
});

describe('helpers', () => {
  it('round-trips base64 across slice boundaries', () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4096)).toBe('4.0 KiB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16.0 MiB');
  });
});
