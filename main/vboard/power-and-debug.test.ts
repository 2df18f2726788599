// Unit tests: the supply switch (run-time `unpowered`), reset halt reasons, DWT data
// watchpoints and the FPEC registers' byte lanes, on a whole Board.
import { describe, expect, it } from 'vitest';
import { Board } from './board';
import { C_DEBUGEN, C_HALT, DBGKEY, DFSR_BKPT, DFSR_DWTTRAP, DFSR_HALTED, DFSR_VCATCH, S_HALT, S_RESET_ST, VC_CORERESET } from './cortex-m3';
import { parseFaults } from './faults';

const DHCSR = 0xe000edf0;
const DEMCR = 0xe000edfc;
const AIRCR = 0xe000ed0c;

function running(): Board {
  const b = new Board();
  b.powerOn();
  b.engine.run(b.core, 200); // the blink firmware sets up SysTick and sleeps
  return b;
}

describe('power', () => {
  it('switching the supply off stops the core, powers the DP down and loses SRAM', () => {
    const b = running();
    b.sram.write(0x20000100, 4, 0xcafef00d);
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN);
    b.applyFaults(parseFaults(['unpowered']));
    expect(b.core.running).toBe(false);
    expect(b.core.poweredOff).toBe(true);
    expect(b.ledOn).toBe(false);
    expect(b.dp.readCtrlStat()).toBe(0);
    expect(b.sram.read(0x20000100, 4)).not.toBe(0xcafef00d);
  });

  it('power back on is a power-on reset: debug state cleared, option bytes reloaded, boots from the vector table', () => {
    const b = running();
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN | C_HALT);
    b.core.r[15] = 0x20000400;
    b.applyFaults(parseFaults(['unpowered']));
    b.storage.setOptionByte(0, 0x00); // read protection programmed while off (e.g. by a flash file)
    b.applyFaults(parseFaults([]));
    expect(b.core.poweredOff).toBe(false);
    expect(b.core.halted).toBe(false); // C_HALT did not survive the power cycle
    expect(b.core.dhcsrCtrl).toBe(0);
    expect(b.core.running).toBe(true);
    expect(b.core.r[15]).toBe(0x08000040); // the reset vector
    expect(b.flash.readProtected).toBe(true);
  });

  it('a SRAM pattern differs between power cycles (noise, not a fixed fill)', () => {
    const b = running();
    b.applyFaults(parseFaults(['unpowered']));
    const first = b.sram.read(0x20000000, 4);
    b.applyFaults(parseFaults([]));
    b.applyFaults(parseFaults(['unpowered']));
    expect(b.sram.read(0x20000000, 4)).not.toBe(first);
  });
});

describe('reset halt reason', () => {
  it('VC_CORERESET halts on the reset vector as a vector catch', () => {
    const b = running();
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN);
    b.bus.write(DEMCR, 4, VC_CORERESET);
    b.bus.write(AIRCR, 4, 0x05fa0004);
    expect(b.core.halted).toBe(true);
    expect(b.core.dfsr & (DFSR_VCATCH | DFSR_HALTED)).toBe(DFSR_VCATCH);
  });

  it('a halted core runs after SYSRESETREQ without VC_CORERESET: the reset clears C_HALT (Cortex-M3 TRM)', () => {
    const b = running();
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN | C_HALT);
    expect(b.core.halted).toBe(true);
    b.bus.write(0xe000ed30, 4, 0x1f); // clear DFSR
    b.bus.write(AIRCR, 4, 0x05fa0004);
    expect(b.core.running).toBe(true);
    expect(b.core.r[15]).toBe(0x08000040); // from the reset vector
    const dhcsr = b.bus.read(DHCSR, 4);
    expect(dhcsr & (C_HALT | S_HALT)).toBe(0);
    expect(dhcsr & C_DEBUGEN).toBe(C_DEBUGEN); // the debug logic itself survives
    expect(dhcsr & S_RESET_ST).toBe(S_RESET_ST); // sticky: seen once...
    expect(b.bus.read(DHCSR, 4) & S_RESET_ST).toBe(0); // ...then cleared by the read
    expect(b.core.dfsr).toBe(0);
  });

  it('a core that halted itself on a BKPT (C_HALT set by the halt) also runs after SYSRESETREQ and VECTRESET', () => {
    for (const aircr of [0x05fa0004, 0x05fa0001]) {
      const b = running();
      b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN);
      b.core.debugHalt(DFSR_BKPT);
      expect(b.bus.read(DHCSR, 4) & C_HALT).toBe(C_HALT);
      b.bus.write(AIRCR, 4, aircr);
      expect(b.core.running).toBe(true);
    }
  });

  it('DEMCR, FPB and DWT survive a system reset; a power-on reset clears them', () => {
    const b = running();
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN);
    b.bus.write(DEMCR, 4, 0x01000000); // TRCENA
    b.bus.write(0xe0002000, 4, 3); // FP_CTRL: KEY | ENABLE
    b.bus.write(0xe0002008, 4, 0x48000051); // FP_COMP0 on 0x08000050
    b.bus.write(0xe0001020, 4, 0x20000000); // DWT_COMP0
    b.bus.write(AIRCR, 4, 0x05fa0004);
    expect(b.bus.read(DEMCR, 4)).toBe(0x01000000);
    expect(b.bus.read(0xe0002000, 4) & 1).toBe(1);
    expect(b.bus.read(0xe0002008, 4)).toBe(0x48000051);
    expect(b.bus.read(0xe0001020, 4)).toBe(0x20000000);
    b.applyFaults(parseFaults(['unpowered']));
    b.applyFaults(parseFaults([]));
    expect(b.bus.read(DEMCR, 4)).toBe(0);
    expect(b.bus.read(0xe0002000, 4) & 1).toBe(0);
  });

  it('a halt request written while SRST is held halts the core as it leaves reset', () => {
    const b = running();
    b.setResetLines(false, true);
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN | C_HALT);
    b.bus.write(0xe000ed30, 4, 0x1f);
    b.setResetLines(false, false);
    expect(b.core.halted).toBe(true);
    expect(b.core.dfsr & (DFSR_VCATCH | DFSR_HALTED)).toBe(DFSR_HALTED);
  });
});

describe('DWT data watchpoints', () => {
  // The blink firmware's SysTick handler: ldr r0,=GPIOC_ODR; ldr r1,[r0]; ...; str r1,[r0] at 0x08000056.
  function watch(fn: number, addr = 0x4001100c, mask = 2): Board {
    const b = running();
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN);
    b.bus.write(0xe0001020, 4, addr); // COMP0
    b.bus.write(0xe0001024, 4, mask); // MASK0
    b.bus.write(0xe0001028, 4, fn); // FUNCTION0
    return b;
  }
  function runUntilHalt(b: Board): void {
    for (let i = 0; i < 2000 && !b.core.halted; i++) {
      b.engine.run(b.core, 100_000);
      if (b.core.sleeping) b.engine.idle(b.core, 1_000_000);
    }
  }

  it('a write watchpoint on GPIOC_ODR halts after the store with DFSR.DWTTRAP and MATCHED set', () => {
    const b = watch(6);
    runUntilHalt(b);
    expect(b.core.halted).toBe(true);
    expect(b.core.dfsr & DFSR_DWTTRAP).toBe(DFSR_DWTTRAP);
    expect(b.core.r[15]).toBe(0x08000058); // the instruction after `str r1, [r0]`
    expect(b.bus.read(0xe0001028, 4) >>> 24).toBe(1); // MATCHED...
    expect(b.bus.read(0xe0001028, 4) >>> 24).toBe(0); // ...clears on read
  });

  it('a read watchpoint halts after the load; MASK widens the range', () => {
    const b = watch(5, 0x40011008, 3); // 0x40011008-0x4001100F covers ODR
    runUntilHalt(b);
    expect(b.core.halted).toBe(true);
    expect(b.core.r[15]).toBe(0x08000052); // after `ldr r1, [r0]`
  });

  it('a comparator that does not cover the address never fires', () => {
    const b = watch(7, 0x40011010, 2);
    for (let i = 0; i < 20; i++) {
      b.engine.run(b.core, 100_000);
      if (b.core.sleeping) b.engine.idle(b.core, 1_000_000);
    }
    expect(b.core.halted).toBe(false);
  });
});

describe('FPEC registers', () => {
  it('byte and half-word reads return their lane of the word', () => {
    const b = new Board();
    b.powerOn();
    expect(b.bus.read(0x40022010, 4)).toBe(0x80); // CR: LOCK
    expect([0, 1, 2, 3].map((i) => b.bus.read(0x40022010 + i, 1))).toEqual([0x80, 0, 0, 0]);
    expect(b.bus.read(0x40022012, 2)).toBe(0);
    expect(b.bus.read(0x4002201c, 1)).toBe(b.bus.read(0x4002201c, 4) & 0xff);
  });

  it('a byte write lands in its lane (CR.PG via a byte write after unlock)', () => {
    const b = new Board();
    b.powerOn();
    b.bus.write(0x40022004, 4, 0x45670123);
    b.bus.write(0x40022004, 4, 0xcdef89ab);
    b.bus.write(0x40022011, 1, 0x02); // CR bit 9 (OPTWRE) is hardware-set only: stays 0
    b.bus.write(0x40022010, 1, 0x01); // PG
    expect(b.bus.read(0x40022010, 4)).toBe(0x01);
  });
});

describe('reset-hold switched on at run time', () => {
  it('power-cycles the board, so the firmware runs and takes the pins even if a debugger left the core halted', () => {
    const b = running();
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN | C_HALT);
    b.engine.run(b.core, 10);
    expect(b.core.halted).toBe(true);
    b.applyFaults(parseFaults(['reset-hold']));
    expect(b.core.running).toBe(true);
    expect(b.jtagPinsConnected).toBe(false);
    // Switching another fault later does not power-cycle again.
    b.bus.write(DHCSR, 4, DBGKEY | C_DEBUGEN | C_HALT);
    b.engine.run(b.core, 10);
    b.applyFaults(parseFaults(['reset-hold', 'noisy-link']));
    expect(b.core.halted).toBe(true);
  });
});
