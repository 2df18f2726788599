// The Disassembly view's back end through the real OpenOCD and the virtual board: the
// checked-in blinky.elf flashed, the core halted where it runs, and the instruction at
// the PC (read back from the target's flash, decoded by Capstone) is the one GNU objdump
// lists at that address; a step moves the view's centre to the next PC.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageFile } from '../images/load';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { Session } from '../session/session';
import { addressOfName, clearSymbols, functionStartOf, nameOfAddress, sourceOfAddress, useElfSymbols } from '../symbols/firmware-symbols';
import { thumbDecoder } from './capstone';
import { disassembleAround, type DisasmDeps } from './disassemble';
import { regionAt } from './mapping';

const ELF = path.join(__dirname, '../../test/firmware/blinky/blinky.elf');
let session: Session;
let deps: DisasmDeps;

/** objdump's mnemonic at each instruction address ("bl", "ldr.n" …). */
function objdumpMnemonics(): Map<number, string> {
  const text = execFileSync('arm-none-eabi-objdump', ['-d', '--no-show-raw-insn', ELF], { encoding: 'utf8' });
  const out = new Map<number, string>();
  for (const l of text.split('\n')) {
    const m = /^\s+([0-9a-f]+):\s+(\S+)/.exec(l);
    if (m && !m[2]!.startsWith('.')) out.set(parseInt(m[1]!, 16), m[2]!);
  }
  return out;
}

/** The two spell some encodings with different UAL aliases (see disassemble.test.ts). */
const norm = (m: string): string => m.toLowerCase().replace(/\.[nw]$/, '').replace(/^(ldm|stm)ia/, '$1').replace(/cc$/, 'lo').replace(/cs$/, 'hs');

beforeAll(async () => {
  session = await Session.start(VBOARD_PROFILE);
  const image = await loadImageFile(ELF, {});
  expect(await session.flash.program(image, { verify: true, reset: true })).toMatchObject({ type: 'done' });
  useElfSymbols('blinky.elf', readFileSync(ELF), 'flash', ELF);
  deps = { decoder: await thumbDecoder(), read: (a, n) => session.memory.readBytes(a, n), functionStart: functionStartOf, nameOf: nameOfAddress, sourceOf: sourceOfAddress, regionAt };
});

afterAll(async () => {
  clearSymbols();
  await session?.close();
});

describe('disassembly around the PC on the virtual board', () => {
  it('shows, at the halted PC, the instruction objdump lists there, named after the ELF', async () => {
    expect(await session.target.halt()).toBe('halted');
    const pc = (await session.registers.pc()) & ~1;
    const view = await disassembleAround(deps, pc, 8, 16);
    const line = view.lines.find((l) => l.address === pc);
    const theirs = objdumpMnemonics().get(pc);
    expect(theirs, `objdump has an instruction at 0x${pc.toString(16)}`).toBeDefined();
    expect(norm(line!.mnemonic)).toBe(norm(theirs!));
    expect(line!.symbol).toBe(nameOfAddress(pc));
    expect(view.lines.length).toBeGreaterThan(8);
  });

  it('follows a step: the next view is centred on the new PC, which objdump also lists', async () => {
    const mnemonics = objdumpMnemonics();
    for (let i = 0; i < 5; i++) {
      const before = (await session.registers.pc()) & ~1;
      await session.target.step();
      const pc = (await session.registers.pc()) & ~1;
      const view = await disassembleAround(deps, pc, 4, 4);
      expect(view.address).toBe(pc);
      const line = view.lines.find((l) => l.address === pc)!;
      expect(norm(line.mnemonic), `step ${i} from 0x${before.toString(16)} to 0x${pc.toString(16)}`).toBe(norm(mnemonics.get(pc) ?? '?'));
    }
  });

  it('decodes main from its start with the branch targets named', async () => {
    const main = addressOfName('main')!;
    const view = await disassembleAround(deps, main, 0, 40);
    expect(view.lines[0]).toMatchObject({ address: main, symbol: 'main' });
    const calls = view.lines.filter((l) => l.mnemonic === 'bl');
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c.targetSymbol, `bl at 0x${c.address.toString(16)}`).toMatch(/^[A-Za-z_]\w*$/);
  });
});
