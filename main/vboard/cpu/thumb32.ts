// 32-bit Thumb-2 instruction dispatch (ARMv7-M ARM A5.3) and the single load/store forms.
import { FAULT_USAGE, type CpuState } from './state';
import { dataRegister, modifiedImmediate, multiply, plainImmediate, shiftedRegister } from './thumb32-dp';
import { branchMisc, loadStoreMultipleDual } from './thumb32-misc';

export function exec32(s: CpuState, hw1: number, hw2: number): void {
  switch ((hw1 >>> 11) & 3) {
    case 1:
      if (hw1 & 0x400) break; // coprocessor
      if (hw1 & 0x200) return shiftedRegister(s, hw1, hw2);
      return loadStoreMultipleDual(s, hw1, hw2);
    case 2:
      if (hw2 & 0x8000) return branchMisc(s, hw1, hw2);
      if (hw1 & 0x200) return plainImmediate(s, hw1, hw2);
      return modifiedImmediate(s, hw1, hw2);
    case 3:
      if ((hw1 & 0xfe00) === 0xf800) return loadStoreSingle(s, hw1, hw2);
      if ((hw1 & 0xff00) === 0xfa00 && (hw2 & 0xf000) === 0xf000) return dataRegister(s, hw1, hw2);
      if ((hw1 & 0xff00) === 0xfb00) return multiply(s, hw1, hw2);
      break; // coprocessor and undefined space
  }
  s.fault = FAULT_USAGE; // NOCP / UNDEFINSTR
}

/** hw1 = 1111100 S U size(2) L Rn: LDR/STR{B,H,SB,SH} in the imm12, imm8, register and literal forms. */
function loadStoreSingle(s: CpuState, hw1: number, hw2: number): void {
  const r = s.r;
  const rn = hw1 & 15;
  const rt = (hw2 >>> 12) & 15;
  const load = (hw1 & 0x10) !== 0;
  const size = (hw1 >>> 5) & 3;
  const signed = (hw1 & 0x100) !== 0;
  if (size === 3 || (!load && signed)) { s.fault = FAULT_USAGE; return; }
  let addr: number;
  let wbAddr = -1;
  if (rn === 15) {
    if (!load) { s.fault = FAULT_USAGE; return; }
    const base = (r[15]! + 4) & ~3;
    addr = (hw1 & 0x80 ? base + (hw2 & 0xfff) : base - (hw2 & 0xfff)) >>> 0; // literal
  } else if (hw1 & 0x80) addr = (r[rn]! + (hw2 & 0xfff)) >>> 0; // imm12
  else if (hw2 & 0x800) {
    // imm8 with P/U/W: offset, pre-indexed or post-indexed (and the unprivileged T forms)
    const imm = hw2 & 0xff;
    const off = (hw2 & 0x200 ? r[rn]! + imm : r[rn]! - imm) >>> 0;
    addr = hw2 & 0x400 ? off : r[rn]!;
    if (hw2 & 0x100) wbAddr = off;
  } else if ((hw2 & 0xfc0) === 0) addr = (r[rn]! + (r[hw2 & 15]! << ((hw2 >>> 4) & 3))) >>> 0; // register
  else { s.fault = FAULT_USAGE; return; }

  const m = s.mem;
  if (!load) {
    if (size === 0) m.write8(addr, r[rt]! & 0xff);
    else if (size === 1) m.write16(addr, r[rt]! & 0xffff);
    else m.write32(addr, r[rt]!);
  } else if (rt === 15 && size !== 2) {
    // PLD / PLI and friends: memory hints, nothing to do
  } else {
    let v: number;
    if (size === 0) v = signed ? ((m.read8(addr) << 24) >> 24) >>> 0 : m.read8(addr);
    else if (size === 1) v = signed ? ((m.read16(addr) << 16) >> 16) >>> 0 : m.read16(addr);
    else v = m.read32(addr);
    if (wbAddr >= 0) r[rn] = wbAddr; // write back first: LDR PC, [SP], #4 is a POP
    if (rt === 15) s.bxWrite(v);
    else r[rt] = v;
    return;
  }
  if (wbAddr >= 0) r[rn] = wbAddr;
}
