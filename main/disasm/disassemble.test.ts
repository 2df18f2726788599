// The Disassembly view's decoder (Capstone) against GNU objdump on the checked-in
// blinky.elf (arm-none-eabi-gcc 12.2): the same instructions at the same addresses, the
// same branch destinations, whichever way decoding got onto the instruction boundary.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseElf } from '../images/elf';
import { LineTable } from '../symbols/dwarf-lines';
import { SymbolTable } from '../symbols/elf-symbols';
import { thumbDecoder, type ThumbDecoder } from './capstone';
import { branchTarget, disassembleAround, type DisasmDeps } from './disassemble';
import { readMappingSymbols, regionAt } from './mapping';

const ELF = path.join(__dirname, '../../test/firmware/blinky/blinky.elf');
const bytes = readFileSync(ELF);
const image = parseElf(bytes, ELF);
const table = SymbolTable.fromElf(bytes);
const lines = LineTable.fromElf(bytes);
const mapping = readMappingSymbols(bytes);

interface ObjLine {
  address: number;
  mnemonic: string;
  operands: string;
}

/** objdump -d's instruction lines (data words in literal pools left out). */
function objdump(): ObjLine[] {
  const text = execFileSync('arm-none-eabi-objdump', ['-d', '--no-show-raw-insn', ELF], { encoding: 'utf8' });
  const out: ObjLine[] = [];
  for (const l of text.split('\n')) {
    const m = /^\s+([0-9a-f]+):\s+(\S+)\s*([^@;]*)/.exec(l);
    if (!m || m[2]!.startsWith('.')) continue;
    out.push({ address: parseInt(m[1]!, 16), mnemonic: m[2]!, operands: m[3]!.trim() });
  }
  return out;
}

/**
 * One spelling per instruction: objdump and Capstone pick different UAL aliases for the
 * same encoding. Width suffixes (.n/.w) are the assembler's choice, cc/cs are lo/hs,
 * ldmia/stmia are ldm/stm, ldm/stmdb on sp! are pop/push, `mov rd, rm, lsr #n` is lsr.
 */
function norm(mnemonic: string, operands = ''): string {
  let m = mnemonic.toLowerCase().replace(/\.[nw]$/, '');
  if (/^ldm(ia)?$/.test(m) && operands.startsWith('sp!')) return 'pop';
  if (m === 'stmdb' && operands.startsWith('sp!')) return 'push';
  m = m.replace(/^(ldm|stm)ia/, '$1');
  const shift = /^movs?$/.test(m) ? /, (lsl|lsr|asr|ror) #/.exec(operands) : null;
  if (shift) return shift[1]! + m.slice(3);
  return m.replace(/cc$/, 'lo').replace(/cs$/, 'hs');
}

function flashRead(address: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length).fill(0xff);
  for (const s of image.segments) {
    for (let i = 0; i < length; i++) {
      const o = address + i - s.address;
      if (o >= 0 && o < s.data.length) out[i] = s.data[o]!;
    }
  }
  return Promise.resolve(out);
}

let decoder: ThumbDecoder;
let deps: DisasmDeps;
let reference: ObjLine[];

beforeAll(async () => {
  decoder = await thumbDecoder();
  reference = objdump();
  deps = {
    decoder,
    read: flashRead,
    functionStart: (a) => table.lookup(a)?.symbol.address,
    nameOf: (a) => table.describe(a),
    sourceOf: (a) => {
      const l = lines.lookup(a);
      return l ? `${l.file}:${l.line}` : undefined;
    },
    regionAt: (a) => regionAt(a, mapping),
  };
});

describe('disassembly of the compiled blinky', () => {
  it('decodes main as objdump does: each instruction, its mnemonic and where branches go', async () => {
    const main = table.find('main')!;
    const ref = reference.filter((r) => r.address >= main.address && r.address < main.address + main.size);
    expect(ref.length).toBeGreaterThan(12);
    const view = await disassembleAround(deps, main.address, 0, ref.length + 8);
    expect(view.start).toBe(main.address);
    for (const r of ref) {
      const mine = view.lines.find((l) => l.address === r.address);
      expect(mine, `0x${r.address.toString(16)} ${r.mnemonic} ${r.operands}`).toBeDefined();
      expect(norm(mine!.mnemonic, mine!.operands), `0x${r.address.toString(16)}`).toBe(norm(r.mnemonic, r.operands));
      const theirTarget = /^([0-9a-f]+) <[^>]+>$/.exec(r.operands);
      if (theirTarget && /^(b|bl|cbn?z)/.test(r.mnemonic)) expect(mine!.target, r.mnemonic).toBe(parseInt(theirTarget[1]!, 16));
    }
  });

  it('matches objdump over every function of the ELF (a few hundred instructions)', async () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const fn of table.symbols.filter((s) => s.kind === 'function' && s.size > 0)) {
      const view = await disassembleAround(deps, fn.address, 0, Math.min(128, fn.size / 2));
      const at = new Map(view.lines.map((l) => [l.address, l]));
      for (const r of reference.filter((x) => x.address >= fn.address && x.address < fn.address + fn.size)) {
        const mine = at.get(r.address);
        if (!mine) continue; // beyond the 128 asked for
        compared++;
        if (norm(mine.mnemonic, mine.operands) !== norm(r.mnemonic, r.operands)) mismatches.push(`0x${r.address.toString(16)}: objdump ${r.mnemonic} ${r.operands}, capstone ${mine.mnemonic} ${mine.operands}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it('shows literal pools as the data words objdump lists ($d mapping symbols), not as code', async () => {
    const text = execFileSync('arm-none-eabi-objdump', ['-d', ELF], { encoding: 'utf8' });
    const words = [...text.matchAll(/^\s+([0-9a-f]+):\s+[0-9a-f]{8}\s+\.word\s+0x([0-9a-f]{8})/gm)].map((m) => ({ address: parseInt(m[1]!, 16), value: m[2]! }));
    expect(words.length).toBeGreaterThan(10);
    const reset = table.find('Reset_Handler')!;
    const view = await disassembleAround(deps, reset.address, 0, 24);
    const pool = words.filter((w) => w.address >= reset.address && w.address < reset.address + reset.size);
    expect(pool.length).toBeGreaterThan(2);
    for (const w of pool) expect(view.lines.find((l) => l.address === w.address), `0x${w.address.toString(16)}`).toMatchObject({ mnemonic: '.word', operands: `0x${w.value}` });
    // and decoding goes on at the next function, on its boundary
    const next = view.lines.find((l) => l.address === table.find('led_toggle')!.address);
    expect(next?.symbol).toBe('led_toggle');
  });

  it('lands on the instruction boundary without symbols (resync from a few halfwords before)', async () => {
    const noSymbols: DisasmDeps = { ...deps, functionStart: () => undefined };
    const sample = reference.filter((_, i) => i % 17 === 5).slice(0, 30);
    expect(sample.length).toBeGreaterThanOrEqual(20);
    for (const r of sample) {
      const view = await disassembleAround(noSymbols, r.address, 6, 4);
      const pcLine = view.lines.find((l) => l.address === r.address);
      expect(norm(pcLine?.mnemonic ?? '?', pcLine?.operands), `0x${r.address.toString(16)}`).toBe(norm(r.mnemonic, r.operands));
      expect(view.lines.length).toBeGreaterThan(4);
    }
  });

  it('names branch targets and the source line, and gives the window asked for', async () => {
    const reset = table.find('Reset_Handler')!;
    const view = await disassembleAround(deps, reset.address + 0x1a, 4, 3);
    const centre = view.lines.findIndex((l) => l.address === reset.address + 0x1a);
    expect(centre).toBe(4);
    expect(view.lines).toHaveLength(8);
    const call = view.lines[centre]!; // bl main, objdump: "f000 f829 bl 80000b4 <main>"
    expect(call).toMatchObject({ mnemonic: 'bl', target: table.find('main')!.address, targetSymbol: 'main', symbol: 'Reset_Handler+0x1a' });
    expect(call.source).toMatch(/startup\.c:\d+$/);
    expect(view.decoder).toMatch(/^Capstone 5/);
  });

  it('knows a branch from other instructions by its mnemonic', () => {
    expect(branchTarget('bl', '#0x80000b4')).toBe(0x80000b4);
    expect(branchTarget('bne.w', '#0x8000100')).toBe(0x8000100);
    expect(branchTarget('cbz', 'r3, #0x800010c')).toBe(0x800010c);
    expect(branchTarget('bic', 'r3, r3, #0xf')).toBeUndefined();
    expect(branchTarget('bkpt', '#0')).toBeUndefined();
    expect(branchTarget('bx', 'lr')).toBeUndefined();
  });
});
