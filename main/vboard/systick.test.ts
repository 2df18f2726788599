// SysTick and WFI as firmware and the debugger see them: the counter, COUNTFLAG, the
// exception (entry, masking, return), sleeping in WFI with DHCSR.S_SLEEP, halting a
// sleeping core.
import { describe, expect, it } from 'vitest';
import { Board } from './board';
import { C_DEBUGEN, C_HALT, C_MASKINTS, DBGKEY, S_HALT, S_SLEEP } from './cortex-m3';
import { SYST_CSR, SYST_CVR, SYST_RVR } from './systick';

const DHCSR = 0xe000edf0;
/** loop: adds r6, #1; b loop (busy: a loop that only polls would park the core). */
const BUSY = [0x3601, 0xe7fd];

/** A board halted with its PC at `code` in SRAM (0x20000400), SysTick's vector -> 0x20000600. */
function boardWith(code: number[], handler: number[] = [0x3701, 0x4770]): Board {
  const b = new Board();
  b.powerOn();
  b.core.dhcsrCtrl = C_DEBUGEN;
  code.forEach((h, i) => b.bus.write(0x20000400 + i * 2, 2, h));
  handler.forEach((h, i) => b.bus.write(0x20000600 + i * 2, 2, h)); // adds r7, #1; bx lr
  b.bus.write(0xe000ed08, 4, 0x20000000); // VTOR: a vector table in SRAM
  b.bus.write(0x20000000 + 15 * 4, 4, 0x20000601);
  b.core.r[15] = 0x20000400;
  b.core.r[7] = 0;
  return b;
}

describe('SysTick', () => {
  it('counts down from the reload value at the processor clock and sets COUNTFLAG at zero', () => {
    const b = boardWith(BUSY);
    b.bus.write(SYST_RVR, 4, 999);
    b.bus.write(SYST_CVR, 4, 0);
    b.bus.write(SYST_CSR, 4, 5); // ENABLE | CLKSOURCE (processor clock), no interrupt
    b.engine.run(b.core, 400);
    const v = b.bus.read(SYST_CVR, 4);
    expect(v).toBeGreaterThan(550);
    expect(v).toBeLessThan(650);
    expect(b.bus.read(SYST_CSR, 4) >>> 16).toBe(0);
    b.engine.run(b.core, 700);
    expect(b.bus.read(SYST_CSR, 4) >>> 16).toBe(1); // reached zero
    expect(b.bus.read(SYST_CSR, 4) >>> 16).toBe(0); // cleared by the read
  });

  it('takes its exception in thread mode, runs the handler and returns', () => {
    const b = boardWith(BUSY);
    b.bus.write(SYST_RVR, 4, 99);
    b.bus.write(SYST_CSR, 4, 7); // ENABLE | TICKINT | CLKSOURCE: every 100 cycles
    b.engine.run(b.core, 1050);
    expect(b.core.r[7]).toBe(10); // ten ticks, each handled once
    expect([0x20000400, 0x20000402]).toContain(b.core.r[15]); // back in the loop
    expect(b.core.xpsr & 0x1ff).toBe(0); // thread mode
    expect(b.core.msp).toBe(0x20005000); // the frame was unstacked
  });

  it('PRIMASK and the debugger\'s C_MASKINTS hold the exception pending', () => {
    const b = boardWith(BUSY);
    b.bus.write(SYST_RVR, 4, 99);
    b.bus.write(SYST_CSR, 4, 7);
    b.core.primask = 1;
    b.engine.run(b.core, 500);
    expect(b.core.r[7]).toBe(0);
    expect(b.bus.read(0xe000ed04, 4) & (1 << 26)).not.toBe(0); // ICSR.PENDSTSET
    b.core.primask = 0;
    b.core.dhcsrCtrl = C_DEBUGEN | C_MASKINTS;
    b.engine.run(b.core, 10);
    expect(b.core.r[7]).toBe(0);
    b.core.dhcsrCtrl = C_DEBUGEN;
    b.engine.run(b.core, 10);
    expect(b.core.r[7]).toBe(1); // taken once, however many times it reached zero
  });
});

describe('WFI', () => {
  // setup: SysTick every 1000 cycles with its interrupt; loop: wfi; b loop
  const code = [0xbf30, 0xe7fd];
  function sleeper(): Board {
    const b = boardWith([0xbf00, ...code]); // nop; wfi; b wfi
    b.bus.write(SYST_RVR, 4, 999);
    b.bus.write(SYST_CSR, 4, 7);
    return b;
  }

  it('sleeps with DHCSR.S_SLEEP until SysTick, whose handler then runs', () => {
    const b = sleeper();
    const ran = b.engine.run(b.core, 100_000);
    expect(ran).toBe(2); // nop, wfi: then asleep, nothing more retired
    expect(b.core.sleeping).toBe(true);
    expect(b.core.r[15]).toBe(0x20000404); // after the WFI
    expect(b.bus.read(DHCSR, 4) & S_SLEEP).toBe(S_SLEEP);
    expect(b.engine.untilWake()).toBe(998);
    expect(b.engine.idle(b.core, 100)).toBe(100); // not yet
    expect(b.core.sleeping).toBe(true);
    expect(b.engine.idle(b.core, 100_000)).toBe(898); // stops at the tick
    expect(b.core.sleeping).toBe(false);
    b.engine.run(b.core, 100_000);
    expect(b.core.r[7]).toBe(1);
    expect(b.core.sleeping).toBe(true);
  });

  it('a halt request wakes the sleeping core into debug state; resume sleeps again', () => {
    const b = sleeper();
    b.engine.run(b.core, 100);
    expect(b.bus.read(DHCSR, 4) & (S_SLEEP | S_HALT)).toBe(S_SLEEP);
    b.bus.write(DHCSR, 4, (DBGKEY | C_DEBUGEN | C_HALT) >>> 0);
    expect(b.bus.read(DHCSR, 4) & (S_SLEEP | S_HALT)).toBe(S_HALT);
    expect(b.core.r[15]).toBe(0x20000404);
    b.bus.write(DHCSR, 4, (DBGKEY | C_DEBUGEN) >>> 0); // resume
    b.engine.run(b.core, 100);
    expect(b.core.sleeping).toBe(true);
    expect(b.core.r[15]).toBe(0x20000404);
  });
});
