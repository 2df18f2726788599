// The serial number as OpenOCD's `adapter serial` must be given it.
//
// Old ST-LINK/V2 firmware reports 12 raw bytes as its serial string (one byte per UTF-16
// unit) instead of 24 hex digits. OpenOCD 0.12 then matches an "alternate serial": each
// unit's low byte as two upper-case hex digits (stlink_usb_get_alternate_serial). The OS
// shows those raw bytes as odd characters; we rebuild the form OpenOCD compares against.
import type { AdapterFamily } from '../../shared/adapters';

const STLINK_RAW_SERIAL_UNITS = 12;

function looksRaw(s: string): boolean {
  return /[^\x21-\x7e]/.test(s);
}

export function openocdSerial(family: AdapterFamily, serial: string | null): string | null {
  if (serial === null || serial === '') return null;
  const units = [...serial];
  if (family === 'stlink' && units.length === STLINK_RAW_SERIAL_UNITS && looksRaw(serial)) {
    return units.map((c) => ((c.codePointAt(0) ?? 0) & 0xff).toString(16).toUpperCase().padStart(2, '0')).join('');
  }
  return serial;
}
