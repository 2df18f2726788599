// OpenOCD's own target algorithms, run on the whole Board the way OpenOCD runs them
// (registers in, BKPT out), plus the board's default blink firmware.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Board } from '../board';
import { C_DEBUGEN, DFSR_BKPT } from '../cortex-m3';

// Bytes of OpenOCD v0.12.0 contrib/loaders: flash/stm32/stm32f1x.inc, checksum/armv7m_crc.inc,
// erase_check/armv7m_erase_check.inc.
const STM32F1X_WRITE = [
  0x16, 0x68, 0x00, 0x2e, 0x18, 0xd0, 0x55, 0x68, 0xb5, 0x42, 0xf9, 0xd0, 0x2e, 0x88, 0x26, 0x80, 0x02, 0x35, 0x02, 0x34, 0xc6, 0x68, 0x01, 0x27, 0x3e, 0x42,
  0xfb, 0xd1, 0x14, 0x27, 0x3e, 0x42, 0x08, 0xd1, 0x9d, 0x42, 0x01, 0xd3, 0x15, 0x46, 0x08, 0x35, 0x55, 0x60, 0x01, 0x39, 0x00, 0x29, 0x02, 0xd0, 0xe5, 0xe7,
  0x00, 0x20, 0x50, 0x60, 0x30, 0x46, 0x00, 0xbe,
];
const ARMV7M_CRC = [
  0x02, 0x46, 0x00, 0x20, 0xc0, 0x43, 0x0a, 0x4e, 0x0b, 0x46, 0x00, 0x24, 0x0d, 0xe0, 0x11, 0x5d, 0x09, 0x06, 0x48, 0x40, 0x00, 0x25, 0x00, 0x28, 0x02, 0xda,
  0x40, 0x00, 0x70, 0x40, 0x00, 0xe0, 0x40, 0x00, 0x01, 0x35, 0x08, 0x2d, 0xf6, 0xd1, 0x01, 0x34, 0x9c, 0x42, 0xef, 0xd1, 0x00, 0xbe, 0xb7, 0x1d, 0xc1, 0x04,
];
const ARMV7M_ERASE_CHECK = [
  0x02, 0x68, 0x12, 0x42, 0x0d, 0xd0, 0x43, 0x68, 0x1c, 0x68, 0x04, 0x33, 0x8c, 0x42, 0x05, 0xd1, 0x01, 0x3a, 0xf9, 0xd1, 0x01, 0x24, 0x04, 0x60, 0x08, 0x30,
  0xf1, 0xe7, 0x00, 0x24, 0xfa, 0xe7, 0x00, 0x00, 0x00, 0xbe,
];

const WORK = 0x20000000;
const FLASH_REGS = 0x40022000;

function haltedBoard(): Board {
  const b = new Board({ blank: true });
  b.powerOn();
  b.core.dhcsrCtrl = C_DEBUGEN;
  return b;
}

/** Load `code` at the work area and run it with `regs` until it halts (or the budget ends). */
function runAlgorithm(b: Board, code: number[], regs: number[], budget = 50_000_000): number {
  code.forEach((byte, i) => b.bus.write(WORK + i, 1, byte));
  const c = b.core;
  regs.forEach((v, i) => (c.r[i] = v >>> 0));
  c.r[15] = WORK;
  c.xpsr = 0x01000000;
  c.msp = 0x20005000;
  c.lockup = false;
  c.halted = false;
  return b.engine.run(c, budget);
}

/** OpenOCD's image_calculate_checksum: CRC-32/MPEG-2 style, MSB first, no final XOR. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte << 24;
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

describe('OpenOCD algorithms on the board', () => {
  it('stm32f1x flash loader programs from a FIFO and ends on BKPT with r0 = FLASH_SR', () => {
    const b = haltedBoard();
    b.bus.write(FLASH_REGS + 4, 4, 0x45670123); // unlock, then PG, as the driver does
    b.bus.write(FLASH_REGS + 4, 4, 0xcdef89ab);
    b.bus.write(FLASH_REGS + 0x10, 4, 1);
    const data = randomBytes(512);
    const fifo = 0x20000100;
    const end = fifo + 8 + 512;
    data.forEach((byte, i) => b.bus.write(fifo + 8 + i, 1, byte));
    b.bus.write(fifo, 4, end); // wp: all data present (the loader wraps rp at `end`)
    b.bus.write(fifo + 4, 4, fifo + 8); // rp
    runAlgorithm(b, STM32F1X_WRITE, [FLASH_REGS, 256, fifo, end, 0x08000400]);
    expect(b.core.halted).toBe(true);
    expect(b.core.dfsr & DFSR_BKPT).toBe(DFSR_BKPT);
    expect(b.core.r[15]).toBe(WORK + STM32F1X_WRITE.length - 2);
    expect(Buffer.from(b.storage.main.subarray(0x400, 0x600)).equals(data)).toBe(true);
    expect(b.core.r[4]).toBe(0x08000600);
    expect(b.storage.programmed).toBe(256);
  });

  it('stm32f1x loader waits (parks) on an empty FIFO, then aborts with rp = 0 on a protection error', () => {
    const b = haltedBoard();
    b.storage.setOptionByte(4, 0xfe); // pages 0-3 write protected
    b.flash.loadOptions();
    b.bus.write(FLASH_REGS + 4, 4, 0x45670123);
    b.bus.write(FLASH_REGS + 4, 4, 0xcdef89ab);
    b.bus.write(FLASH_REGS + 0x10, 4, 1);
    const fifo = 0x20000100;
    const end = fifo + 8 + 64;
    b.bus.write(fifo, 4, fifo + 8);
    b.bus.write(fifo + 4, 4, fifo + 8);
    const ran = runAlgorithm(b, STM32F1X_WRITE, [FLASH_REGS, 4, fifo, end, 0x08000000], 10_000);
    expect(b.engine.parked).toBe(true); // rp == wp: nothing to do until the debugger writes
    expect(ran).toBeLessThan(50);
    b.bus.write(fifo + 8, 4, 0x12345678);
    b.bus.write(fifo, 4, fifo + 12);
    b.engine.run(b.core, 10_000);
    expect(b.core.halted).toBe(true);
    expect(b.bus.read(fifo + 4, 4)).toBe(0); // rp = 0: "flash write algorithm aborted by target"
    expect(b.core.r[0]! & 0x10).toBe(0x10); // WRPRTERR in the returned status
  });

  it('armv7m CRC algorithm matches OpenOCD image_calculate_checksum over flash', () => {
    const b = haltedBoard();
    const data = randomBytes(4096);
    b.storage.main.set(data, 0x1000);
    runAlgorithm(b, ARMV7M_CRC, [0x08001000, data.length]);
    expect(b.core.halted).toBe(true);
    expect(b.core.r[15]).toBe(WORK + ARMV7M_CRC.length - 6); // the exit point OpenOCD checks
    expect(b.core.r[0]).toBe(crc32(data));
  });

  it('armv7m erase-check algorithm marks erased and programmed blocks', () => {
    const b = haltedBoard();
    b.storage.main[0x1804] = 0x00;
    const table = 0x20000200;
    const blocks = [
      [0x400, 0x08000000],
      [0x400, 0x08001800],
      [0, 0],
    ];
    blocks.flat().forEach((v, i) => b.bus.write(table + i * 4, 4, v));
    runAlgorithm(b, ARMV7M_ERASE_CHECK, [table, 0xffffffff]);
    expect(b.core.halted).toBe(true);
    expect(b.core.r[15]).toBe(WORK + ARMV7M_ERASE_CHECK.length - 2);
    expect([b.bus.read(table, 4), b.bus.read(table + 8, 4)]).toEqual([1, 0]);
  });

  it('the default firmware blinks the LED on PC13', () => {
    const b = new Board();
    b.powerOn();
    expect(b.core.running).toBe(true);
    const seen = new Set<boolean>();
    for (let i = 0; i < 8 && seen.size < 2; i++) {
      b.engine.run(b.core, 500_000);
      expect(b.core.sleeping).toBe(true); // the main loop waits in WFI
      b.engine.idle(b.core, 10_000_000); // to the next SysTick
      seen.add(b.ledOn);
    }
    expect(seen).toEqual(new Set([true, false]));
    expect(b.gpioC.read(0x40011004, 4)).toBe(0x44344444); // PC13 push-pull output
  });
});
