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

/** @param include registers with read side effects to read anyway (the user asked for them by name). */
export async function readPeripheral(mem: PeriphMemory, p: SvdPeripheral, include: ReadonlySet<string> = new Set()): Promise<PeriphRead> {
  const out = new Map<SvdRegister, PeriphRegisterRead>();
  const plain: SvdRegister[] = [];
  for (const r of p.registers) {
    if (!isReadable(r.access)) out.set(r, decodedRead(r, null, r.access));
    else if (readSideEffect(r) && !include.has(r.path)) out.set(r, decodedRead(r, null, `a read ${readSideEffect(r)}s flags: read it on its own`));
    else plain.push(r);
  }
  // Runs of consecutive 32-bit registers (alternate registers sharing an address end a run).
  const runs: SvdRegister[][] = [];
  for (const r of plain) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && r.size === 32 && prev.size === 32 && r.address === prev.address + 4 && mem.readU32Run) last.push(r);
    else runs.push([r]);
  }
  for (const run of runs) {
    try {
      const values = run.length > 1 && mem.readU32Run ? await mem.readU32Run(run[0]!.address, run.length) : [await readRaw(mem, run[0]!)];
      run.forEach((r, i) => out.set(r, decodedRead(r, (values[i] ?? 0) >>> 0)));
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
