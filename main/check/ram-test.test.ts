// The RAM test algorithms against an in-memory RAM with injected defects: each defect is
// named as what it is (a data line, a stuck cell, two bridged address lines).
import { describe, expect, it } from 'vitest';
import { addressBusTest, dataBusTest, marchCMinus, type BlockMemory } from './ram-test';

const BASE = 0x20000000;

function ram(size: number, defect: { stuck?: { off: number; bit: number; value: 0 | 1 }; short?: [number, number] } = {}): BlockMemory {
  const bytes = new Uint8Array(size);
  const map = (off: number): number => {
    if (!defect.short) return off;
    const [a, b] = defect.short;
    const m = (1 << a) | (1 << b);
    return (off & ~m) | ((off >> a) & (off >> b) & 1 ? m : 0);
  };
  return {
    async read(addr, n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const off = map(addr - BASE + i);
        let v = bytes[off]!;
        if (defect.stuck && off === defect.stuck.off) v = defect.stuck.value ? v | (1 << defect.stuck.bit) : v & ~(1 << defect.stuck.bit);
        out[i] = v;
      }
      return out;
    },
    async write(addr, data) {
      for (let i = 0; i < data.length; i++) bytes[map(addr - BASE + i)] = data[i]!;
    },
  };
}

describe('RAM tests', () => {
  it('pass on good RAM', async () => {
    const m = ram(8192);
    expect((await dataBusTest(m, BASE)).ok).toBe(true);
    expect((await addressBusTest(m, BASE, 8192)).ok).toBe(true);
    expect((await marchCMinus(m, BASE, 8192, { block: 1024 })).ok).toBe(true);
  });

  it('the data-bus test names a dead data line at the base', async () => {
    const r = await dataBusTest(ram(4096, { stuck: { off: 1, bit: 2, value: 0 } }), BASE);
    expect(r.fault).toMatchObject({ kind: 'data-line', bit: 10 });
  });

  it('a stuck cell at a power-of-two address is a cell, not an address line', async () => {
    const r = await addressBusTest(ram(4096, { stuck: { off: 0x100, bit: 1, value: 0 } }), BASE, 4096);
    expect(r.fault).toMatchObject({ kind: 'cell', address: BASE + 0x100, bit: 1 });
  });

  it('names both lines of a bridge', async () => {
    const r = await addressBusTest(ram(8192, { short: [3, 7] }), BASE, 8192);
    expect(r.fault).toMatchObject({ kind: 'address-line', lines: [3, 7] });
  });

  it('March C- finds a stuck cell anywhere, with its element', async () => {
    const r = await marchCMinus(ram(8192, { stuck: { off: 0x1235, bit: 4, value: 1 } }), BASE, 8192, { block: 512 });
    expect(r.fault).toMatchObject({ kind: 'cell', address: BASE + 0x1235, bit: 4, expected: 0, read: 0x10, element: '⇑(r0,w1)' });
  });
});
