// March C- run by the target's own core (as OpenOCD's flash loaders run): the routine is
// copied into one half of SRAM and tests the other, then the halves swap. Cell by cell,
// at the core's speed, with interrupts masked and SysTick stopped so nothing else touches
// the RAM under test. Returns undefined when the core cannot run it (the caller then uses
// the debug port), so a board whose core is stuck still gets a RAM test.
import type { Session } from '../session/session';
import { marchRoutine } from './march-routine';
import type { RamFault } from './ram-test';

const SYST_CSR = 0xe000e010;
const XPSR_THUMB = 0x01000000;
const RUN_TIMEOUT_MS = 10_000;

export interface OnTargetResult {
  ok: boolean;
  fault?: RamFault;
  seconds: number;
  /** Why it could not run on the target (then nothing was concluded). */
  unavailable?: string;
}

const ELEMENTS = ['⇕(w0)', '⇑(r0,w1)', '⇑(r1,w0)', '⇓(r0,w1)', '⇓(r1,w0)', '⇕(r0)'];

async function runHalf(s: Session, code: number, start: number, end: number): Promise<{ r: Record<string, number> } | { error: string }> {
  const routine = marchRoutine();
  await s.memory.writeBytes(code, routine);
  const back = await s.memory.readBytes(code, routine.length);
  if (back.some((b, i) => b !== routine[i])) return { error: `the routine did not load intact at 0x${code.toString(16)}` };
  for (const [reg, v] of [['r0', start], ['r1', end], ['xPSR', XPSR_THUMB], ['primask', 1], ['pc', code]] as const) await s.registers.write(reg, v);
  await s.target.resume();
  try {
    await s.target.waitHalt(RUN_TIMEOUT_MS);
  } catch (e) {
    await s.target.halt().catch(() => undefined);
    return { error: `the routine did not finish: ${(e as Error).message}` };
  }
  const r = await s.registers.readMany(['r0', 'r1', 'r2', 'r3', 'pc']);
  const pc = r.pc ?? 0;
  if (pc < code || pc >= code + routine.length) return { error: `the core stopped at 0x${pc.toString(16).padStart(8, '0')}, outside the routine` };
  return { r };
}

export async function marchOnTarget(s: Session, base: number, size: number, onProgress: (fraction: number, text: string) => void): Promise<OnTargetResult> {
  const t = performance.now();
  await s.target.halt();
  await s.memory.writeU32(SYST_CSR, 0);
  const half = size / 2;
  const halves = [
    { code: base + half, start: base, end: base + half },
    { code: base, start: base + half, end: base + size },
  ];
  // The routine sits at the start of the half not under test; the second run tests that half.
  for (const [i, h] of halves.entries()) {
    onProgress(i / 2, `March C- on the target: ${(h.end - h.start) / 1024} KB at 0x${h.start.toString(16)}`);
    const out = await runHalf(s, h.code, h.start, h.end);
    if ('error' in out) return { ok: false, seconds: (performance.now() - t) / 1000, unavailable: out.error };
    const { r0 = 0, r1 = 0, r2 = 0, r3 = 0 } = out.r;
    if (r0 !== 0) {
      const diff = (r1 ^ r2) >>> 0;
      const bit = 31 - Math.clz32(diff & -diff);
      const byte = bit >> 3;
      return {
        ok: false,
        seconds: (performance.now() - t) / 1000,
        fault: { kind: 'cell', address: r0 + byte, bit: bit & 7, expected: (r2 >>> (byte * 8)) & 0xff, read: (r1 >>> (byte * 8)) & 0xff, element: `March C- ${ELEMENTS[r3] ?? `element ${r3}`} on the target` },
      };
    }
  }
  onProgress(1, 'March C- on the target: done');
  return { ok: true, seconds: (performance.now() - t) / 1000 };
}
