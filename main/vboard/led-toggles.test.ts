// The board menu says "blinking" from the PC13 change count: it must count level changes
// (not writes), whichever register the firmware uses (BSRR, BRR or ODR).
import { describe, expect, it } from 'vitest';
import { Gpio } from './peripherals';

const BASE = 0x40011000;
const ODR = BASE + 0x0c;
const BSRR = BASE + 0x10;
const BRR = BASE + 0x14;

describe('GPIO output change count', () => {
  it('counts each level change of a pin once, through BSRR, BRR and ODR; a write that changes nothing counts nothing', () => {
    const g = new Gpio(BASE);
    g.write(BSRR, 4, 1 << 13); // set
    g.write(BSRR, 4, 1 << 13); // already set
    expect(g.toggles(13)).toBe(1);
    g.write(BRR, 4, 1 << 13); // reset
    g.write(BSRR, 4, 1 << (13 + 16)); // reset again through BSRR's upper half
    expect(g.toggles(13)).toBe(2);
    g.write(ODR, 4, 1 << 13);
    expect(g.toggles(13)).toBe(3);
    expect(g.toggles(12)).toBe(0);
    g.write(ODR, 4, (1 << 12) | (1 << 13));
    expect([g.toggles(12), g.toggles(13)]).toEqual([1, 3]);
  });
});
