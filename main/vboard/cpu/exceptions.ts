// Exception entry and return, reduced to what this chip needs: SysTick (the one interrupt
// source modelled, see engine.ts) and faults. Every fault (UsageFault, BusFault, a BKPT
// without a debugger) escalates to HardFault, as it does on a Cortex-M3 whose configurable
// faults are disabled (their reset state).
// A fault while in HardFault (or a broken vector/stack) is lockup.
import type { CpuState } from './state';

export const HARDFAULT = 3;
const T_BIT = 1 << 24;

/** Pack APSR, ITSTATE, T and IPSR into an xPSR value. */
export function packXpsr(s: CpuState): number {
  const it = s.it;
  return (
    ((s.n << 31) | (s.z << 30) | (s.c << 29) | (s.v << 28) | (s.q << 27) | ((it & 3) << 25) | T_BIT | ((it >>> 2) << 10) | s.ipsr) >>>
    0
  );
}

export function unpackXpsr(s: CpuState, x: number): void {
  s.n = x >>> 31;
  s.z = (x >>> 30) & 1;
  s.c = (x >>> 29) & 1;
  s.v = (x >>> 28) & 1;
  s.q = (x >>> 27) & 1;
  s.it = ((x >>> 25) & 3) | ((x >>> 8) & 0xfc);
  s.ipsr = x & 0x1ff;
}

/** Enter HardFault with `returnAddr` stacked. Returns false when the core must lock up. */
export function enterHardFault(s: CpuState, returnAddr: number, vtor: number): boolean {
  if (s.ipsr === HARDFAULT || s.ipsr === 2 || s.sys.faultmask) return false;
  return enterException(s, HARDFAULT, returnAddr, vtor);
}

/** Exception entry (B1.5.6): stack the frame with `returnAddr`, switch to handler mode on
 *  the MSP, LR = EXC_RETURN, PC = the vector. Returns false when the core must lock up. */
export function enterException(s: CpuState, exc: number, returnAddr: number, vtor: number): boolean {
  const r = s.r;
  const m = s.mem;
  // Cortex-M3 r1p1 resets with CCR.STKALIGN = 0: the frame is only word aligned.
  const frame = (r[13]! - 32) >>> 0;
  const xpsr = packXpsr(s);
  m.write32(frame, r[0]!);
  m.write32(frame + 4, r[1]!);
  m.write32(frame + 8, r[2]!);
  m.write32(frame + 12, r[3]!);
  m.write32(frame + 16, r[12]!);
  m.write32(frame + 20, r[14]!);
  m.write32(frame + 24, returnAddr >>> 0);
  m.write32(frame + 28, xpsr);
  if (m.faulted) {
    m.faulted = false;
    return false; // stacking failed: a real core takes a derived fault; we stop here
  }
  const sys = s.sys;
  const excReturn = s.ipsr !== 0 ? 0xfffffff1 : s.onPsp ? 0xfffffffd : 0xfffffff9;
  if (s.onPsp) {
    sys.psp = frame;
    r[13] = sys.msp;
  } else r[13] = frame;
  s.ipsr = exc;
  s.it = 0;
  r[14] = excReturn;
  const vector = m.read32((vtor + exc * 4) >>> 0);
  if (m.faulted || !(vector & 1)) {
    m.faulted = false;
    return false;
  }
  r[15] = (vector & ~1) >>> 0;
  return true;
}

/** Exception return through an EXC_RETURN value. Returns false on an invalid value (lockup). */
export function exceptionReturn(s: CpuState, excReturn: number): boolean {
  const r = s.r;
  const sys = s.sys;
  const m = s.mem;
  const kind = excReturn & 0xf;
  if (kind !== 1 && kind !== 9 && kind !== 0xd) return false;
  let frame: number;
  if (kind === 0xd) {
    sys.msp = r[13]!; // handler mode always runs on the MSP
    frame = sys.psp;
  } else frame = r[13]!;
  const pc = m.read32(frame + 24);
  const xpsr = m.read32(frame + 28);
  r[0] = m.read32(frame);
  r[1] = m.read32(frame + 4);
  r[2] = m.read32(frame + 8);
  r[3] = m.read32(frame + 12);
  r[12] = m.read32(frame + 16);
  r[14] = m.read32(frame + 20);
  if (m.faulted) {
    m.faulted = false;
    return false;
  }
  unpackXpsr(s, xpsr);
  if (kind !== 1) s.ipsr = 0; // back to thread mode
  const sp = (frame + 32 + (xpsr & 0x200 ? 4 : 0)) >>> 0;
  if (kind === 0xd) {
    sys.control |= 2;
    sys.psp = sp;
  } else if (kind === 9) sys.control &= ~2;
  r[13] = sp;
  r[15] = (pc & ~1) >>> 0;
  return true;
}
