// The fast path must do exactly what the general interpreter does: every pre-decoded
// 16-bit opcode is run both ways from the same random state and compared. Plus the cases
// a decode cache could get wrong: code rewritten while (or between) running.
import { describe, expect, it } from 'vitest';
import { Board } from '../board';
import { Bus, Ram } from '../bus';
import { C_DEBUGEN, type CortexM3 } from '../cortex-m3';
import { KIND, K_SLOW } from './decode16';
import { runFast } from './fast-path';
import { CpuMemory, CpuState, type SysRegs } from './state';
import { exec16 } from './thumb16';

const BASE = 0x20000000;
const PC = BASE + 0x100;

function machine(): { s: CpuState; ram: Ram } {
  const ram = new Ram(BASE, 0x1000);
  const bus = new Bus();
  bus.map(BASE, 0x1000, ram);
  const sys: SysRegs = { msp: 0, psp: 0, primask: 0, faultmask: 0, basepri: 0, control: 0 };
  return { s: new CpuState(new Uint32Array(16), new CpuMemory(bus, new Uint8Array(0x100), ram.bytes, BASE), sys), ram };
}

/** Deterministic register values: small numbers, edge values and addresses in the SRAM. */
function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  const pool = [0, 1, 2, 31, 32, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe];
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const k = (x >>> 0) % 4;
    if (k === 0) return pool[(x >>> 8) % pool.length]!;
    if (k === 1) return BASE + 0x200 + ((x >>> 4) & 0x1fe);
    return x >>> 0;
  };
}

describe('fast path', () => {
  it('matches the general interpreter on every pre-decoded 16-bit opcode', () => {
    const rnd = seeded(12345);
    const a = machine();
    const b = machine();
    const image = new Uint8Array(0x1000);
    for (let i = 0; i < image.length; i++) image[i] = (i * 0x9d) & 0xff;
    const mismatches: string[] = [];
    let compared = 0;
    for (let op = 0; op < 0xe800; op++) {
      if (KIND[op] === K_SLOW) continue;
      for (let trial = 0; trial < 2; trial++) {
        const flags = rnd();
        for (let i = 0; i < 15; i++) a.s.r[i] = rnd();
        a.s.r[13] = BASE + 0x800;
        a.s.r[15] = PC;
        for (const m of [a, b]) {
          if (m === b) b.s.r.set(a.s.r);
          m.s.n = flags & 1;
          m.s.z = (flags >>> 1) & 1;
          m.s.c = (flags >>> 2) & 1;
          m.s.v = (flags >>> 3) & 1;
          m.ram.bytes.set(image);
          m.ram.write(PC, 2, op);
        }
        const ran = runFast(a.s, 0, 1, undefined, { idleCountdown: 1000, idleDue: false });
        if (ran === 0) continue; // fell back to the general path: nothing to compare
        b.s.next = PC + 2;
        exec16(b.s, op);
        b.s.r[15] = b.s.next;
        compared++;
        const same =
          a.s.r.every((v, i) => v === b.s.r[i]) &&
          a.s.n === b.s.n && a.s.z === b.s.z && a.s.c === b.s.c && a.s.v === b.s.v &&
          Buffer.from(a.ram.bytes.buffer).equals(Buffer.from(b.ram.bytes.buffer));
        if (!same && mismatches.length < 5) mismatches.push(`0x${op.toString(16)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(40_000);
  });
});

describe('rewritten code runs as rewritten', () => {
  function halted(b: Board): CortexM3 {
    b.powerOn();
    b.core.dhcsrCtrl = C_DEBUGEN;
    return b.core;
  }
  const runToBkpt = (b: Board): void => {
    b.core.halted = false;
    b.engine.run(b.core, 10_000);
    expect(b.core.halted).toBe(true);
  };

  it('self-modifying code in SRAM: a store patches an instruction ahead', () => {
    const b = new Board();
    const core = halted(b);
    // 0x400: ldr r1, [pc, #8] (0x2105: movs r1, #5); strh r1, [r0]; nop; movs r2, #1 (patched); bkpt
    //        word at 0x410: 0x00002105
    const code = [0x4903, 0x8001, 0xbf00, 0x2201, 0xbe00, 0xbf00, 0xbf00, 0xbf00, 0x2105, 0x0000];
    code.forEach((h, i) => b.bus.write(0x20000400 + i * 2, 2, h));
    for (let round = 0; round < 2; round++) {
      // Round 0 runs the original once (warming any cache), round 1 the patched code.
      core.r[15] = 0x20000400;
      core.r[0] = round === 0 ? 0x20000800 : 0x20000406; // round 1 patches the movs at 0x406
      core.r[1] = core.r[2] = 0;
      runToBkpt(b);
      expect(core.r[15]).toBe(0x20000408);
      expect(core.r[2]).toBe(round === 0 ? 1 : 0); // patched to movs r1, #5
      if (round === 1) expect(core.r[1]).toBe(5);
    }
  });

  it('a debugger write into code between runs is executed', () => {
    const b = new Board();
    const core = halted(b);
    [0x2007, 0xbe00].forEach((h, i) => b.bus.write(0x20000400 + i * 2, 2, h)); // movs r0, #7; bkpt
    core.r[15] = 0x20000400;
    runToBkpt(b);
    expect(core.r[0]).toBe(7);
    b.bus.write(0x20000400, 2, 0x2009); // movs r0, #9
    core.r[15] = 0x20000400;
    runToBkpt(b);
    expect(core.r[0]).toBe(9);
  });

  it('a reflash while halted: the new flash contents run', () => {
    const b = new Board();
    const core = halted(b);
    const program = (half: number[]): void => {
      const fpec = 0x40022000;
      b.bus.write(fpec + 4, 4, 0x45670123); // KEYR
      b.bus.write(fpec + 4, 4, 0xcdef89ab);
      b.bus.write(fpec + 0x10, 4, 2); // PER
      b.bus.write(fpec + 0x14, 4, 0x08001000); // AR: page 4
      b.bus.write(fpec + 0x10, 4, 0x42); // PER | STRT
      b.bus.write(fpec + 0x10, 4, 1); // PG
      half.forEach((h, i) => b.bus.write(0x08001000 + i * 2, 2, h));
      b.bus.write(fpec + 0x10, 4, 0x80); // LOCK
    };
    program([0x2011, 0xbe00]); // movs r0, #0x11; bkpt
    core.r[15] = 0x08001000;
    runToBkpt(b);
    expect(core.r[0]).toBe(0x11);
    program([0x2022, 0xbe00]); // movs r0, #0x22; bkpt
    core.r[15] = 0x08001000;
    runToBkpt(b);
    expect(core.r[0]).toBe(0x22);
  });
});
