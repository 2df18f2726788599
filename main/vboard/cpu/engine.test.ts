// Engine behaviour around instructions: faults -> HardFault / vector catch / lockup,
// FPB hardware breakpoints, and parking in a polling loop.
import { describe, expect, it } from 'vitest';
import { Board } from '../board';
import { C_DEBUGEN, DFSR_BKPT, DFSR_VCATCH } from '../cortex-m3';

function boardAt(pc: number, code: number[] = []): Board {
  const b = new Board();
  b.powerOn();
  b.core.dhcsrCtrl = C_DEBUGEN;
  code.forEach((h, i) => b.bus.write(0x20000400 + i * 2, 2, h));
  b.core.r[15] = pc;
  return b;
}

describe('engine', () => {
  it('an undefined instruction enters HardFault with the faulting PC stacked', () => {
    const b = boardAt(0x20000400, [0x2007, 0xde00]); // movs r0, #7; udf #0
    b.engine.run(b.core, 1000);
    // The default firmware's handler is `b .` at 0x0800006C: the core parks there.
    expect(b.core.r[15]).toBe(0x0800006c);
    expect(b.engine.parked).toBe(true);
    expect(b.core.xpsr & 0x1ff).toBe(3);
    expect(b.core.r[14]).toBe(0xfffffff9);
    const sp = b.core.msp;
    expect(b.bus.read(sp, 4)).toBe(7); // stacked r0
    expect(b.bus.read(sp + 24, 4)).toBe(0x20000402); // stacked PC: the UDF
  });

  it('vector catch on HardFault halts at the handler with DFSR.VCATCH', () => {
    const b = boardAt(0x20000400, [0xde00]);
    b.core.demcr = 1 << 10; // VC_HARDERR
    b.engine.run(b.core, 1000);
    expect(b.core.halted).toBe(true);
    expect(b.core.dfsr & DFSR_VCATCH).toBe(DFSR_VCATCH);
    expect(b.core.r[15]).toBe(0x0800006c);
  });

  it('a fault inside HardFault locks the core up', () => {
    const b = boardAt(0x20000400, [0xde00]);
    b.core.xpsr = 0x01000003; // already in HardFault
    b.engine.run(b.core, 1000);
    expect(b.core.lockup).toBe(true);
    expect(b.core.r[15]).toBe(0xfffffffe);
  });

  it('an FPB comparator halts before the instruction executes', () => {
    const b = new Board();
    b.powerOn();
    b.core.dhcsrCtrl = C_DEBUGEN;
    b.bus.write(0xe0002000, 4, 3); // FP_CTRL: KEY | ENABLE
    b.bus.write(0xe0002008, 4, (0x08000050 | 1 | (1 << 30)) >>> 0); // COMP0: lower half-word
    // 0x08000050 is in the SysTick handler: run, sleep until the tick, run again.
    b.engine.run(b.core, 1000);
    expect(b.core.sleeping).toBe(true);
    b.engine.idle(b.core, 10_000_000);
    b.engine.run(b.core, 1000);
    expect(b.core.halted).toBe(true);
    expect(b.core.dfsr & DFSR_BKPT).toBe(DFSR_BKPT);
    expect(b.core.r[15]).toBe(0x08000050);
    expect(b.core.r[0]).toBe(0x4001100c); // the set-up code before it did run
  });

  it('a polling loop parks; a debugger write to what it reads wakes it, other writes do not', () => {
    // loop: ldr r1, [r0]; cmp r1, #0; beq loop; bkpt
    const b = boardAt(0x20000400, [0x6801, 0x2900, 0xd0fc, 0xbe00]);
    b.core.r[0] = 0x20000800;
    b.engine.run(b.core, 10_000);
    expect(b.engine.parked).toBe(true);
    expect(b.engine.wakesOn(0x20000900)).toBe(false);
    expect(b.engine.wakesOn(0x20000800)).toBe(true);
    expect(b.engine.wakesOn(0xe000edf0)).toBe(true); // DHCSR and other registers always wake
    b.bus.write(0x20000800, 4, 1);
    b.engine.run(b.core, 10_000);
    expect(b.core.halted).toBe(true);
    expect(b.core.r[15]).toBe(0x20000406);
  });
});
