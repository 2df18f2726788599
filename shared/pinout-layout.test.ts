// The geometry the troubleshooter draws connectors from, and the Tag-Connect footprints:
// a wrong place here puts the technician's probe on the wrong pin.
import { describe, expect, it } from 'vitest';
import { CONNECTORS, pinLabel, pinPlace, pinsFor, placesAlong, protocolOf, type ConnectorKind } from './pinouts';

const KINDS = Object.keys(CONNECTORS) as ConnectorKind[];
const pin = (k: ConnectorKind, n: number) => CONNECTORS[k].pins.find((p) => p.number === n)!;

describe('connector layout', () => {
  it('two-row headers: odd pins in row 0, even in row 1, pin 2 beside pin 1', () => {
    const l = CONNECTORS['jtag-20'].layout;
    expect(pinPlace(l, 1)).toEqual({ row: 0, index: 0 });
    expect(pinPlace(l, 2)).toEqual({ row: 1, index: 0 });
    expect(pinPlace(l, 19)).toEqual({ row: 0, index: 9 });
    expect(pinPlace(l, 20)).toEqual({ row: 1, index: 9 });
    expect(placesAlong(CONNECTORS['jtag-20'])).toBe(10);
    expect(placesAlong(CONNECTORS['arm-10'])).toBe(5);
  });

  it('the Nucleo SWD header is one row, pin 1 at the end', () => {
    const c = CONNECTORS['nucleo-swd-6'];
    expect(c.layout.rows).toBe('single');
    expect(c.pins.map((p) => pinPlace(c.layout, p.number))).toEqual([0, 1, 2, 3, 4, 5].map((index) => ({ row: 0, index })));
  });

  it.each(KINDS)('%s: every pin has its own place, inside the drawing', (kind) => {
    const c = CONNECTORS[kind];
    const places = c.pins.map((p) => pinPlace(c.layout, p.number));
    expect(new Set(places.map((p) => `${p.row}:${p.index}`)).size).toBe(c.pins.length);
    for (const p of places) expect(p.index).toBeLessThan(placesAlong(c));
  });

  it('the ARM 10-pin key is pin 7; pads and box headers are told apart', () => {
    expect(CONNECTORS['arm-10'].layout.keyPins).toEqual([7]);
    expect(CONNECTORS.tc2030.layout.body).toBe('pogo-pads');
    expect(CONNECTORS.tc2050.layout.body).toBe('pogo-pads');
    expect(CONNECTORS['stlink-20'].layout.body).toBe('box-header');
  });
});

describe('Tag-Connect', () => {
  it('TC2030-CTX: VCC 1, SWDIO 2, nRESET 3, SWCLK 4, GND 5, SWO 6 (SWD only)', () => {
    expect(CONNECTORS.tc2030.pins.map((p) => [p.number, p.role])).toEqual([
      [1, 'vref'], [2, 'swdio'], [3, 'nrst'], [4, 'swclk'], [5, 'gnd'], [6, 'swo'],
    ]);
    expect(pinsFor('tc2030', 'wiring-swd')).toEqual([1, 2, 4, 5]);
    expect(pinsFor('tc2030', 'wiring-jtag')).toEqual([]);
    expect(pinsFor('tc2030', 'voltage')).toEqual([1, 5]);
    expect(pinsFor('tc2030', 'reset')).toEqual([3, 5]);
  });

  it('TC2050: pad N carries ARM 10-pin pin N', () => {
    for (let n = 1; n <= 10; n++) {
      expect([n, pin('tc2050', n).role, pin('tc2050', n).swdRole]).toEqual([n, pin('arm-10', n).role, pin('arm-10', n).swdRole]);
    }
    expect(pinsFor('tc2050', 'wiring-swd')).toEqual(pinsFor('arm-10', 'wiring-swd'));
  });
});

describe('pinLabel', () => {
  it('adds the SWD use to a JTAG-only name in an SWD check, and nothing else', () => {
    expect(pinLabel(pin('jtag-20', 7), 'swd')).toBe('TMS (SWDIO)');
    expect(pinLabel(pin('jtag-20', 9), 'swd')).toBe('TCK (SWCLK)');
    expect(pinLabel(pin('jtag-20', 7), 'jtag')).toBe('TMS');
    expect(pinLabel(pin('stlink-20', 7), 'swd')).toBe('TMS_SWDIO');
    expect(pinLabel(pin('arm-10', 2), 'swd')).toBe('SWDIO/TMS');
    expect(pinLabel(pin('jtag-20', 1), 'swd')).toBe('VTref');
    expect(protocolOf('wiring-swd')).toBe('swd');
    expect(protocolOf('voltage')).toBe('jtag');
  });
});
