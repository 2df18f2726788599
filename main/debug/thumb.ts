// Just enough Thumb decoding for "step over": is the instruction at PC a call, and
// how long is it. BL is the 32-bit pair F000-F7FF / D000-mask; BLX Rm is 0x4780-mask.
export function callLength(first: number, second: number): number | undefined {
  if ((first & 0xf800) === 0xf000 && (second & 0xd000) === 0xd000) return 4; // BL
  if ((first & 0xff87) === 0x4780) return 2; // BLX Rm
  return undefined;
}

/** Hardware comparators: FP_CTRL NUM_CODE (bits 14:12 and 7:4), DWT_CTRL NUMCOMP (31:28). */
export function fpbCodeComparators(fpCtrl: number): number {
  return ((fpCtrl >>> 4) & 0xf) | (((fpCtrl >>> 12) & 0x7) << 4);
}
export function dwtComparators(dwtCtrl: number): number {
  return (dwtCtrl >>> 28) & 0xf;
}

/** "halted due to breakpoint" -> "breakpoint"; the last such line in OpenOCD's log. */
export function haltReasonFromLog(lines: readonly string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /halted due to ([a-z-]+)/i.exec(lines[i] ?? '');
    if (m) return m[1];
  }
  return undefined;
}
