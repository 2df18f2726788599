// The fault status registers as a HardFault handler reads them: a load from an address
// with no memory (precise bus fault, BFAR), a branch to an even address (INVSTATE), both
// escalated (HFSR.FORCED); CFSR and HFSR clear by writing ones.
import { describe, expect, it } from 'vitest';
import { Board } from './board';
import { BFAR, CFSR, HFSR } from './fault-status';

/** A flash image: vector table (MSP, reset, HardFault = `b .`), then `code` at 0x08000040 with a literal after it. */
function boardRunning(code: number[], literal: number): Board {
  const img = new Uint8Array(0x60);
  const dv = new DataView(img.buffer);
  dv.setUint32(0, 0x20005000, true);
  dv.setUint32(4, 0x08000041, true);
  dv.setUint32(12, 0x08000051, true); // HardFault handler at 0x08000050
  code.forEach((h, i) => dv.setUint16(0x40 + i * 2, h, true));
  dv.setUint32(0x48, literal, true);
  dv.setUint16(0x50, 0xe7fe, true); // b .
  const board = new Board({ blank: true });
  board.storage.main.set(img);
  board.powerOn();
  for (let i = 0; i < 20; i++) board.engine.run(board.core, 1);
  return board;
}

const read = (b: Board, a: number): number => b.bus.read(a, 4) >>> 0;

describe('CFSR / HFSR / BFAR', () => {
  it('a load from 0x30000000: PRECISERR with BFARVALID, BFAR holds the address, FORCED', () => {
    // ldr r0, [pc, #4] ; ldr r1, [r0] ; b .
    const b = boardRunning([0x4801, 0x6801, 0xe7fe], 0x30000000);
    expect(b.core.xpsr & 0x1ff).toBe(3); // in HardFault
    expect(read(b, CFSR)).toBe((1 << 9) | (1 << 15));
    expect(read(b, BFAR)).toBe(0x30000000);
    expect(read(b, HFSR)).toBe(0x40000000);
    // Write one to clear.
    b.bus.write(CFSR, 4, 1 << 9);
    expect(read(b, CFSR)).toBe(1 << 15);
    b.bus.write(HFSR, 4, 0x40000000);
    expect(read(b, HFSR)).toBe(0);
  });

  it('a branch to an even address: INVSTATE', () => {
    // ldr r0, [pc, #4] ; bx r0 ; b .
    const b = boardRunning([0x4801, 0x4700, 0xe7fe], 0x08000044);
    expect(read(b, CFSR)).toBe(1 << 17);
    expect(read(b, HFSR)).toBe(0x40000000);
  });

  it('a system reset clears them', () => {
    const b = boardRunning([0x4801, 0x4700, 0xe7fe], 0x08000044);
    b.systemReset();
    expect(read(b, CFSR)).toBe(0);
    expect(read(b, HFSR)).toBe(0);
  });
});
