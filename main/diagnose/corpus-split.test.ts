// The split is a pure function of the thread's address: stable across runs and machines,
// the same for every spelling of one thread, and about 40 % held out.
import { describe, expect, it } from 'vitest';
import { fnv1a32, normaliseSource, splitOf } from './corpus-split';

describe('corpus split', () => {
  it('is FNV-1a 32 (reference values)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('one thread, one set, however its address is written', () => {
    const base = 'https://github.com/openocd-org/openocd/issues/42';
    expect(normaliseSource('HTTPS://github.com/OpenOCD-org/openocd/issues/42/#issuecomment-1')).toBe(base);
    expect(splitOf(`${base}#issuecomment-99`)).toBe(splitOf(base));
    expect(splitOf(`${base}/`)).toBe(splitOf(base.toUpperCase()));
  });

  it('holds out between a third and half of many threads', () => {
    const sources = Array.from({ length: 2000 }, (_, i) => `https://github.com/owner${i % 37}/repo/issues/${i}`);
    const held = sources.filter((s) => splitOf(s) === 'held-out').length / sources.length;
    expect(held).toBeGreaterThan(0.34);
    expect(held).toBeLessThan(0.46);
  });
});
