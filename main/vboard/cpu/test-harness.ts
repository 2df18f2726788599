// Unit-test support: a bare core with SRAM at 0x20000000 and a small "flash" at 0x08000000,
// running hand-assembled half-words until BKPT (or a budget runs out).
import { Bus, Ram } from '../bus';
import { C_DEBUGEN, CortexM3 } from '../cortex-m3';
import { ThumbEngine } from './engine';
import { CpuMemory } from './state';

export const CODE = 0x20000000;
export const DATA = 0x20001000;
export const STACK_TOP = 0x20002000;

export interface Harness {
  core: CortexM3;
  engine: ThumbEngine;
  sram: Ram;
  flash: Uint8Array;
  bus: Bus;
  /** Load half-words at CODE, set the PC there and run until the core halts. */
  run(code: readonly number[], budget?: number): number;
  /** Register value. */
  reg(i: number): number;
  setReg(i: number, v: number): void;
  /** APSR.NZCV as a 4-bit number (N = 8). */
  nzcv(): number;
}

export function harness(opts: { breakpoints?: ReadonlySet<number>; vtor?: number } = {}): Harness {
  const sram = new Ram(0x20000000, 0x3000);
  const flash = new Uint8Array(0x1000);
  const bus = new Bus();
  bus.map(0x20000000, 0x3000, sram);
  const vectors = { read: () => 0, write: () => true };
  const core = new CortexM3(vectors);
  const mem = new CpuMemory(bus, flash, sram.bytes, 0x20000000);
  const engine = new ThumbEngine(mem, { breakpoints: () => opts.breakpoints, vtor: () => opts.vtor ?? 0x08000000 });
  core.engine = engine;
  core.dhcsrCtrl = C_DEBUGEN;
  core.msp = STACK_TOP;
  return {
    core,
    engine,
    sram,
    flash,
    bus,
    run(code, budget = 100_000) {
      code.forEach((h, i) => sram.write(CODE + i * 2, 2, h));
      core.r[15] = CODE;
      core.xpsr = 0x01000000 | (core.xpsr & 0xf8000000);
      core.halted = false;
      return engine.run(core, budget);
    },
    reg: (i) => (i === 13 ? core.msp : core.r[i]!),
    setReg(i, v) {
      if (i === 13) core.msp = v >>> 0;
      else core.r[i] = v;
    },
    nzcv: () => core.xpsr >>> 28,
  };
}

export const BKPT = 0xbe00;

/** Split a 32-bit Thumb-2 encoding written as 0xHW1_HW2 into its two half-words. */
export function w(enc: number): [number, number] {
  return [enc >>> 16, enc & 0xffff];
}
