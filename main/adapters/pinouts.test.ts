import { describe, expect, it } from 'vitest';
import { CONNECTORS, pinsFor, groundPins, roleIn, type ConnectorKind } from '../../shared/pinouts';

const KINDS = Object.keys(CONNECTORS) as ConnectorKind[];
const pin = (k: ConnectorKind, n: number) => CONNECTORS[k].pins.find((p) => p.number === n);

describe('connector pinouts', () => {
  it.each(KINDS)('%s: pins numbered 1..N once each, with VTref and GND', (kind) => {
    const c = CONNECTORS[kind];
    expect(c.kind).toBe(kind);
    const numbers = c.pins.map((p) => p.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    expect(c.pins.some((p) => p.role === 'vref')).toBe(true);
    expect(groundPins(kind).length).toBeGreaterThan(0);
    for (const p of c.pins) expect(p.description.length).toBeGreaterThan(5);
  });

  it('ARM 10-pin: SWD on 2/4, SWO 6, reset 10, VTref 1, GND 3/5/9', () => {
    expect(roleIn(pin('arm-10', 2)!, 'swd')).toBe('swdio');
    expect(roleIn(pin('arm-10', 4)!, 'swd')).toBe('swclk');
    expect(roleIn(pin('arm-10', 6)!, 'swd')).toBe('swo');
    expect(roleIn(pin('arm-10', 8)!, 'jtag')).toBe('tdi');
    expect(pin('arm-10', 10)?.role).toBe('nrst');
    expect(pin('arm-10', 1)?.role).toBe('vref');
    expect(groundPins('arm-10')).toEqual([3, 5, 9]);
  });

  it('20-pin JTAG: odd signals, even pins 4..20 GND', () => {
    const odd = [1, 2, 3, 5, 7, 9, 11, 13, 15].map((n) => [n, pin('jtag-20', n)?.role]);
    expect(odd).toEqual([[1, 'vref'], [2, 'power'], [3, 'ntrst'], [5, 'tdi'], [7, 'tms'], [9, 'tck'], [11, 'rtck'], [13, 'tdo'], [15, 'nrst']]);
    expect(groundPins('jtag-20')).toEqual([4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(groundPins('jlink-20')).toEqual([4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(pin('jlink-20', 19)?.role).toBe('power');
  });

  it('ST-LINK/V2 20-pin: VAPP on 1 and 2, its own 3.3 V on 19 is not a target pin', () => {
    expect(pin('stlink-20', 1)?.role).toBe('vref');
    expect(pin('stlink-20', 2)?.role).toBe('vref');
    expect(pin('stlink-20', 19)?.role).toBe('power');
    expect(pin('stlink-20', 15)?.role).toBe('nrst');
  });

  it('STDC14 pins 3..12 follow the ARM 10-pin layout', () => {
    for (let n = 1; n <= 10; n++) {
      const arm = pin('arm-10', n)!;
      const st = pin('stdc14', n + 2)!;
      if (arm.role === 'nc' || st.role === 'rtck') continue; // ARM pin 7 is the key; STDC14 puts RCLK there
      expect([n, roleIn(st, 'swd')]).toEqual([n, roleIn(arm, 'swd')]);
    }
  });
});

describe('pinsFor', () => {
  it('voltage: VTref and one GND', () => {
    expect(pinsFor('arm-10', 'voltage')).toEqual([1, 3]);
    expect(pinsFor('jtag-20', 'voltage')).toEqual([1, 4]);
    expect(pinsFor('stlink-20', 'voltage')).toEqual([1, 2, 4]);
    expect(pinsFor('stdc14', 'voltage')).toEqual([3, 5]);
    expect(pinsFor('nucleo-swd-6', 'voltage')).toEqual([1, 3]);
  });

  it('SWD wiring: VTref, SWDIO, SWCLK, GND', () => {
    expect(pinsFor('arm-10', 'wiring-swd')).toEqual([1, 2, 3, 4]);
    expect(pinsFor('jtag-20', 'wiring-swd')).toEqual([1, 4, 7, 9]);
    expect(pinsFor('jlink-20', 'wiring-swd')).toEqual([1, 4, 7, 9]);
    expect(pinsFor('stlink-20', 'wiring-swd')).toEqual([1, 2, 4, 7, 9]);
    expect(pinsFor('stdc14', 'wiring-swd')).toEqual([3, 4, 5, 6]);
    expect(pinsFor('nucleo-swd-6', 'wiring-swd')).toEqual([1, 2, 3, 4]);
  });

  it('JTAG wiring: VTref, TMS, TCK, TDI, TDO, GND; none on an SWD-only header', () => {
    expect(pinsFor('arm-10', 'wiring-jtag')).toEqual([1, 2, 3, 4, 6, 8]);
    expect(pinsFor('jtag-20', 'wiring-jtag')).toEqual([1, 4, 5, 7, 9, 13]);
    expect(pinsFor('stlink-20', 'wiring-jtag')).toEqual([1, 2, 4, 5, 7, 9, 13]);
    expect(pinsFor('stdc14', 'wiring-jtag')).toEqual([3, 4, 5, 6, 8, 10]);
    expect(pinsFor('nucleo-swd-6', 'wiring-jtag')).toEqual([]);
  });

  it('reset: the reset pin and one GND', () => {
    expect(pinsFor('arm-10', 'reset')).toEqual([3, 10]);
    expect(pinsFor('jtag-20', 'reset')).toEqual([4, 15]);
    expect(pinsFor('stlink-20', 'reset')).toEqual([4, 15]);
    expect(pinsFor('stdc14', 'reset')).toEqual([5, 12]);
    expect(pinsFor('nucleo-swd-6', 'reset')).toEqual([3, 5]);
  });
});
