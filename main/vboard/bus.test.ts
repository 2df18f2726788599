import { describe, expect, it } from 'vitest';
import { Bus, Ram, razWi } from './bus';

describe('Bus', () => {
  it('a peripheral mapped before the RAZ/WI filler around it answers even right after a filler access', () => {
    // As on the board: RCC at 0x40021000 first, then RAZ/WI for the rest of the peripheral space.
    const bus = new Bus();
    const rcc = new Ram(0x40021000, 0x400);
    rcc.write(0x40021000, 4, 0x83);
    bus.map(0x40021000, 0x400, rcc);
    bus.map(0x40000000, 0x24000, razWi);
    // A debugger's block read walks up through the filler into RCC (read_memory 0x40020ffc 32 2).
    expect(bus.read(0x40020ffc, 4)).toBe(0);
    expect(bus.read(0x40021000, 4)).toBe(0x83);
    expect(bus.read(0x40021000, 4)).toBe(0x83);
  });
});
