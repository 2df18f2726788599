import { describe, expect, it } from 'vitest';
import type { DetectedAdapter } from '../../shared/adapters';
import { findKnownAdapter } from '../../shared/adapters';
import { selectAdapter, rivalsOf } from './select';
import { openocdSerial } from './serial';

function adapter(vid: string, pid: string, serial: string | null, usbLocation: string | null = null): DetectedAdapter {
  const known = findKnownAdapter(vid, pid);
  if (!known) throw new Error(`not in the table: ${vid}:${pid}`);
  return {
    vid, pid, name: known.name, family: known.family, known, serial, openocdSerial: openocdSerial(known.family, serial),
    product: null, manufacturer: null, usbLocation, devicePath: null, permissionOk: true, driver: null, interfaceCfg: known.interfaceCfg,
  };
}

describe('selectAdapter', () => {
  it('needs no selection command when the adapter is the only one of its kind', () => {
    const st = adapter('0483', '3748', '38FF6B064E57343827320243');
    const jl = adapter('1366', '0101', '000123456789');
    const sel = selectAdapter([st, jl], st);
    expect(sel).toEqual({ interfaceCfg: 'interface/stlink.cfg', commands: [], legacyCommands: [], openocdArgs: ['-f', 'interface/stlink.cfg'] });
  });

  it('picks one of two ST-LINKs (even of different versions) by serial, with the pre-0.12 form', () => {
    const a = adapter('0483', '3748', '38FF6B064E57343827320243');
    const b = adapter('0483', '374b', '0671FF485550755187162538');
    const sel = selectAdapter([a, b], b);
    expect(sel.commands).toEqual(['adapter serial 0671FF485550755187162538']);
    expect(sel.legacyCommands).toEqual(['hla_serial 0671FF485550755187162538']);
    expect(sel.openocdArgs).toEqual(['-f', 'interface/stlink.cfg', '-c', 'adapter serial 0671FF485550755187162538']);
  });

  it('uses the legacy command of each driver', () => {
    const j1 = adapter('1366', '0101', '000123456789');
    const j2 = adapter('1366', '1015', '000683123456');
    expect(selectAdapter([j1, j2], j1).legacyCommands).toEqual(['jlink serial 000123456789']);
    const d1 = adapter('0d28', '0204', 'AAA');
    const d2 = adapter('2e8a', '000c', 'BBB');
    expect(selectAdapter([d1, d2], d2).legacyCommands).toEqual(['cmsis_dap_serial BBB']);
  });

  it('falls back to the USB location when clones share a serial', () => {
    const a = adapter('0483', '3748', 'CLONE', '1-1.2');
    const b = adapter('0483', '3748', 'CLONE', '1-1.3');
    expect(selectAdapter([a, b], b).commands).toEqual(['adapter usb location 1-1.3']);
  });

  it('warns when nothing tells them apart', () => {
    const a = adapter('0d28', '0204', null);
    const b = adapter('0d28', '0204', null);
    const sel = selectAdapter([a, b], a);
    expect(sel.commands).toEqual([]);
    expect(sel.warning).toMatch(/unplug the others/);
  });

  it('counts only the same VID:PID as rivals for FTDI scripts', () => {
    const ocd = adapter('15ba', '002b', 'OL1');
    const tiny = adapter('15ba', '002a', 'OL2');
    expect(rivalsOf([ocd, tiny], ocd)).toEqual([]);
    expect(selectAdapter([ocd, tiny], ocd).openocdArgs).toEqual(['-f', 'interface/ftdi/olimex-arm-usb-ocd-h.cfg']);
  });

  it('quotes a serial with Tcl-special characters', () => {
    const a = adapter('0d28', '0204', 'ab cd[1]');
    const b = adapter('0d28', '0204', 'other');
    expect(selectAdapter([a, b], a).commands).toEqual(['adapter serial ab\\ cd\\[1\\]']);
  });

  it('says when no OpenOCD script fits', () => {
    const bmp = adapter('1d50', '6018', 'BMP1');
    expect(selectAdapter([bmp], bmp).warning).toMatch(/not driven by OpenOCD/);
    const ft = adapter('0403', '6010', null);
    expect(selectAdapter([ft], ft).warning).toMatch(/interface\/ftdi/);
  });
});

describe('openocdSerial', () => {
  it('passes normal serials through and rebuilds the hex form of a raw ST-LINK serial', () => {
    expect(openocdSerial('stlink', '0671FF485550755187162538')).toBe('0671FF485550755187162538');
    expect(openocdSerial('stlink', String.fromCharCode(0x55, 0xff, 0x6e, 0x06, 0x49, 0x70, 0x57, 0x51, 0x54, 0x20, 0x12, 0x87))).toBe('55FF6E064970575154201287');
    expect(openocdSerial('jlink', '000683123456')).toBe('000683123456');
    expect(openocdSerial('stlink', null)).toBeNull();
    expect(openocdSerial('stlink', '')).toBeNull();
  });
});
