// A live read of one peripheral: readable registers without read side effects are
// read in runs of consecutive 32-bit words (one OpenOCD round trip per run instead of
// one per register; gaps are never read, they may fault), the rest one by one.
// Write-only registers and side-effect reads are not read unless asked for by name.
import type { PeriphRead, PeriphRegisterRead } from '../../shared/peripherals';
import { decode, isReadable } from '../session/svd/codec';
import { readRaw } from '../session/svd/access';
import type { SvdMemory, SvdPeripheral, SvdRegister } from '../session/svd/types';
import { readSideEffect } from './compact';

/** The memory the reads need: word runs, and the widths SvdMemory names. */
export interface PeriphMemory extends SvdMemory {
  readU32(address: number): Promise<number>;
  readU32Run?(address: number, count: number): Promise<number[]>;
}

export function decodedRead(reg: SvdRegister, value: number | null, note?: string): PeriphRegisterRead {
  if (value === null) {
    const out: PeriphRegisterRead = { name: reg.path, address: reg.address, value: null, fields: reg.fields.map((f) => ({ name: f.name, value: null })) };
    if (note) out.note = note;
    return out;
  }
  const d = decode(reg, value);
  return {
    name: reg.path,
    address: reg.address,
    value: d.value,
    fields: d.fields.map((f) => (f.enumName ? { name: f.name, value: f.value, enumName: f.enumName } : { name: f.name, value: f.value })),
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reserved words between registers read along with them (and dropped) at most. */
const MAX_GAP_BYTES = 64;

/**
 * Runs of 32-bit word-aligned registers read as one block: consecutive ones, and across
 * small gaps that lie inside one of the SVD's "registers" address blocks (the chip
 * decodes that range; reserved words there read as zero on the parts we know). A run
 * never spans two address blocks or a register that may not be read (even unread, in a gap).
 */
export function planRuns(p: SvdPeripheral, plain: readonly SvdRegister[], canRun: boolean): SvdRegister[][] {
  // Registers left out (write-only, read side effects) are never read, not even inside a gap.
  const avoid = p.registers.filter((r) => !plain.includes(r)).map((r) => r.address);
  const blocks = p.addressBlocks.filter((b) => b.usage === 'registers').map((b) => ({ lo: p.baseAddress + b.offset, hi: p.baseAddress + b.offset + b.size }));
  const blockOf = (a: number) => blocks.findIndex((b) => a >= b.lo && a < b.hi);
  const sorted = [...plain].sort((a, b) => a.address - b.address);
  const runs: SvdRegister[][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const word = r.size === 32 && r.address % 4 === 0;
    const gap = prev ? r.address - (prev.address + 4) : -1;
    const joins =
      canRun && last && prev && word && prev.size === 32 &&
      (gap === 0 || (gap > 0 && gap <= MAX_GAP_BYTES && blockOf(prev.address) >= 0 && blockOf(prev.address) === blockOf(r.address))) &&
      !avoid.some((a) => a > prev.address && a < r.address);
    if (joins) last.push(r);
    else runs.push([r]);
  }
  return runs;
}

/** @param include registers with read side effects to read anyway (the user asked for them by name). */
export async function readPeripheral(mem: PeriphMemory, p: SvdPeripheral, include: ReadonlySet<string> = new Set()): Promise<PeriphRead> {
  const out = new Map<SvdRegister, PeriphRegisterRead>();
  const plain: SvdRegister[] = [];
  for (const r of p.registers) {
    if (!isReadable(r.access)) out.set(r, decodedRead(r, null, r.access));
    else if (readSideEffect(r) && !include.has(r.path)) out.set(r, decodedRead(r, null, `a read ${readSideEffect(r)}s flags: read it on its own`));
    else plain.push(r);
  }
  const runs = planRuns(p, plain, mem.readU32Run !== undefined);
  for (const run of runs) {
    try {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const words = (last.address - first.address) / 4 + 1;
      const values = run.length > 1 && mem.readU32Run ? await mem.readU32Run(first.address, words) : [await readRaw(mem, first)];
      run.forEach((r) => out.set(r, decodedRead(r, (values[(r.address - first.address) / 4] ?? 0) >>> 0)));
    } catch (e) {
      // One failing run must not hide the rest: fall back to one read per register.
      for (const r of run) {
        try {
          out.set(r, decodedRead(r, await readRaw(mem, r)));
        } catch (e2) {
          out.set(r, decodedRead(r, null, message(run.length > 1 ? e2 : e)));
        }
      }
    }
  }
  return { peripheral: p.name, registers: p.registers.map((r) => out.get(r)!), readAt: Date.now() };
}
