// A board step: the core clock. What RCC says SYSCLK is (source, PLL, the board's crystal
// from the profile) against what the core really runs at: DWT_CYCCNT timed over half a
// second of the host's clock. A wrong crystal or a PLL that did not lock shows as a ratio.
import { ev, skipped, type CheckStep } from '../context';

const RCC_CR = 0x40021000;
const RCC_CFGR = 0x40021004;
const DEMCR = 0xe000edfc;
const DWT_CTRL = 0xe0001000;
const DWT_CYCCNT = 0xe0001004;
const WINDOW_MS = 500;
const TOLERANCE = 0.05;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** SYSCLK from RCC_CFGR (RM0008 §7.3.2): SWS, PLLSRC, PLLXTPRE, PLLMUL; HSI is 8 MHz. */
export function sysclkFromRcc(cfgr: number, hseHz: number): { hz: number; source: string } {
  const sws = (cfgr >>> 2) & 3;
  if (sws === 0) return { hz: 8e6, source: 'HSI (8 MHz internal RC)' };
  if (sws === 1) return { hz: hseHz, source: `HSE (${hseHz / 1e6} MHz crystal)` };
  const mul = Math.min(((cfgr >>> 18) & 15) + 2, 16);
  const fromHse = (cfgr & (1 << 16)) !== 0;
  const src = fromHse ? (cfgr & (1 << 17) ? hseHz / 2 : hseHz) : 4e6;
  return { hz: src * mul, source: `PLL ×${mul} from ${fromHse ? `HSE${cfgr & (1 << 17) ? '/2' : ''} (${hseHz / 1e6} MHz crystal)` : 'HSI/2'}` };
}

const mhz = (hz: number): string => `${(hz / 1e6).toFixed(2)} MHz`;

export const clockStep: CheckStep = async (ctx) => {
  if (ctx.facts.part?.family !== 'STM32F1') return skipped('clock check known for STM32F1 (Cortex-M3 DWT cycle counter) only');
  const { memory, target } = ctx.session;
  const hse = ctx.profile.check?.hseHz ?? 8e6;
  // Let the firmware run its clock set-up (the reset step left the core at the reset vector).
  if ((await target.state()) !== 'running') await target.resume();
  await sleep(300);
  const cfgr = await memory.readU32(RCC_CFGR);
  const cr = await memory.readU32(RCC_CR);
  const want = sysclkFromRcc(cfgr, hse);
  const demcr = await memory.readU32(DEMCR);
  const ctrl = await memory.readU32(DWT_CTRL);
  await memory.writeU32(DEMCR, (demcr | (1 << 24)) >>> 0);
  await memory.writeU32(DWT_CTRL, (ctrl | 1) >>> 0);
  const sample = async (): Promise<{ c: number; t: number; err: number }> => {
    const a = performance.now();
    const c = await memory.readU32(DWT_CYCCNT);
    const b = performance.now();
    return { c, t: (a + b) / 2, err: (b - a) / 2 };
  };
  let measured: number;
  let err: number;
  try {
    const s0 = await sample();
    await sleep(WINDOW_MS);
    const s1 = await sample();
    const dt = (s1.t - s0.t) / 1000;
    measured = ((s1.c - s0.c) >>> 0) / dt;
    err = (s0.err + s1.err) / 1000 / dt;
  } finally {
    await memory.writeU32(DWT_CTRL, ctrl).catch(() => undefined);
    await memory.writeU32(DEMCR, demcr).catch(() => undefined);
  }
  const evidence = [
    ev('RCC_CFGR', `0x${cfgr.toString(16).padStart(8, '0')} (SYSCLK from ${want.source})`),
    ev('RCC_CR', `0x${cr.toString(16).padStart(8, '0')} (HSE ${cr & (1 << 17) ? 'ready' : 'off'}, PLL ${cr & (1 << 25) ? 'locked' : 'off'})`),
    ev('expected SYSCLK', mhz(want.hz)),
    ev('measured core clock', `${mhz(measured)} (DWT_CYCCNT over ${WINDOW_MS} ms of host time, ±${(err * 100).toFixed(1)} %)`),
  ];
  const ratio = measured / want.hz;
  if (measured === 0) return { status: 'fail', summary: 'the cycle counter did not move: the core is not running (stuck in reset, or halted)', evidence };
  if (Math.abs(ratio - 1) > TOLERANCE + err) {
    const crystal = want.source.includes('HSE') ? ` If the crystal is not ${hse / 1e6} MHz, it would be about ${((hse * ratio) / 1e6).toFixed(1)} MHz.` : '';
    return { status: 'fail', summary: `the core runs at ${mhz(measured)}, RCC says ${mhz(want.hz)} (×${ratio.toFixed(2)}).${crystal}`, evidence };
  }
  return { status: 'pass', summary: `the core runs at ${mhz(measured)}, as RCC says (${want.source})`, evidence };
};
