import { describe, expect, it } from 'vitest';
import type { SvdPeripheral, SvdRegister } from '../session/svd/types';
import { planRuns, readPeripheral } from './read';

const reg = (name: string, offset: number, extra: Partial<SvdRegister> = {}): SvdRegister => ({
  name, path: name, peripheral: 'P', addressOffset: offset, address: 0x40000000 + offset, size: 32, access: 'read-write', resetValue: 0, resetMask: 0xffffffff,
  fields: [{ name: 'F', lsb: 0, msb: 7, bitWidth: 8, access: 'read-write', enumeratedValues: [] }], ...extra,
});
const periph = (registers: SvdRegister[], blockSize = 0x400): SvdPeripheral => ({ name: 'P', baseAddress: 0x40000000, addressBlocks: [{ offset: 0, size: blockSize, usage: 'registers' }], interrupts: [], registers });

describe('peripheral reads', () => {
  it('joins consecutive registers and small gaps inside an address block into one read', () => {
    const p = periph([reg('A', 0), reg('B', 4), reg('C', 0x20), reg('D', 0x200)]);
    expect(planRuns(p, p.registers, true).map((r) => r.map((x) => x.name))).toEqual([['A', 'B', 'C'], ['D']]);
  });
  it('never reads across a side-effect or write-only register, nor outside the address block', () => {
    const sr = reg('SR', 8, { readAction: 'clear' });
    const p = periph([reg('A', 0), sr, reg('B', 0x10), reg('C', 0x14), reg('D', 0x20)], 0x18);
    const plain = p.registers.filter((r) => r !== sr);
    // A..B would cover SR; C..D's gap is past the address block (consecutive B, C join).
    expect(planRuns(p, plain, true).map((r) => r.map((x) => x.name))).toEqual([['A'], ['B', 'C'], ['D']]);
  });
  it('leaves write-only and side-effect registers unread unless asked, and decodes the rest', async () => {
    const reads: string[] = [];
    const mem = {
      readU32: async (a: number) => (reads.push(`u32 ${a.toString(16)}`), 0x5a),
      readU32Run: async (a: number, n: number) => (reads.push(`run ${a.toString(16)} ${n}`), Array.from({ length: n }, (_, i) => i + 1)),
      writeU32: async () => undefined,
    };
    const p = periph([reg('A', 0), reg('B', 4), reg('W', 8, { access: 'write-only' }), reg('SR', 12, { readAction: 'clear' })]);
    const r = await readPeripheral(mem, p);
    expect(reads).toEqual(['run 40000000 2']);
    expect(r.registers.map((x) => [x.name, x.value])).toEqual([['A', 1], ['B', 2], ['W', null], ['SR', null]]);
    expect(r.registers[3]!.note).toMatch(/clear/);
    const r2 = await readPeripheral(mem, p, new Set(['SR']));
    expect(r2.registers[3]!.value).toBe(0x5a);
  });
});
