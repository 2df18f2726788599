// 32-bit Thumb-2: branches and miscellaneous control (B, BL, MSR, MRS, hints, barriers),
// load/store multiple, load/store dual and exclusive, table branch; plus CPS and the
// LDM/STM helpers the 16-bit forms share.
import { signExtend } from './alu';
import { FAULT_USAGE, STOP_WFI, type CpuState } from './state';

/** Store the registers in `list` at ascending addresses; IA from `base`, DB below it.
 *  Returns the written-back base. */
export function storeMultiple(s: CpuState, base: number, list: number, ia: boolean): number {
  let n = 0;
  for (let x = list; x; x &= x - 1) n++;
  const start = ia ? base : base - 4 * n;
  let a = (start & ~3) >>> 0; // LDM/STM ignore the low bits (an UNALIGNED fault on hardware)
  for (let i = 0; i < 16; i++) {
    if (list & (1 << i)) {
      s.mem.write32(a, s.r[i]!);
      a += 4;
    }
  }
  return (ia ? base + 4 * n : start) >>> 0;
}

/** Load the registers in `list`; a loaded PC is an interworking branch (LoadWritePC). */
export function loadMultiple(s: CpuState, base: number, list: number, ia: boolean): number {
  let n = 0;
  for (let x = list; x; x &= x - 1) n++;
  const start = ia ? base : base - 4 * n;
  let a = (start & ~3) >>> 0;
  for (let i = 0; i < 15; i++) {
    if (list & (1 << i)) {
      s.r[i] = s.mem.read32(a);
      a += 4;
    }
  }
  if (list & 0x8000) s.bxWrite(s.mem.read32(a));
  return (ia ? base + 4 * n : start) >>> 0;
}

/** CPS: im = 1 disables (sets the mask). `which`: bit 1 = PRIMASK (I), bit 0 = FAULTMASK (F). */
export function cps(s: CpuState, im: number, which: number): void {
  if (which & 2) s.sys.primask = im;
  if (which & 1) s.sys.faultmask = im;
}

/** hw1 = 11110xxx xxxxxxxx, hw2 = 1xxxxxxx xxxxxxxx */
export function branchMisc(s: CpuState, hw1: number, hw2: number): void {
  const pc4 = s.r[15]! + 4;
  const sBit = (hw1 >>> 10) & 1;
  const j1 = (hw2 >>> 13) & 1;
  const j2 = (hw2 >>> 11) & 1;
  if (hw2 & 0x1000) {
    // B (T4) and BL: S:I1:I2:imm10:imm11:0 with I = NOT(J XOR S)
    const i1 = (j1 ^ sBit) ^ 1;
    const i2 = (j2 ^ sBit) ^ 1;
    const imm = signExtend((sBit << 24) | (i1 << 23) | (i2 << 22) | ((hw1 & 0x3ff) << 12) | ((hw2 & 0x7ff) << 1), 25);
    if (hw2 & 0x4000) s.r[14] = (s.r[15]! + 4) | 1; // BL
    s.branch(pc4 + imm);
    return;
  }
  if (hw2 & 0x4000) {
    s.fault = FAULT_USAGE; // BLX (immediate) would switch to ARM state
    return;
  }
  const cond = (hw1 >>> 6) & 15;
  if ((cond & 0xe) !== 0xe) {
    // B (T3), conditional: S:J2:J1:imm6:imm11:0
    const imm = signExtend((sBit << 20) | (j2 << 19) | (j1 << 18) | ((hw1 & 0x3f) << 12) | ((hw2 & 0x7ff) << 1), 21);
    if (s.cond(cond)) s.branch(pc4 + imm);
    return;
  }
  switch ((hw1 >>> 4) & 0x7f) {
    case 0x38: case 0x39: return msr(s, s.r[hw1 & 15]!, (hw2 >>> 10) & 3, hw2 & 0xff);
    case 0x3a: // hints: NOP, YIELD, WFE, WFI, SEV; only WFI does something here
      if ((hw2 & 0xff) === 3) s.stop = STOP_WFI;
      return;
    case 0x3b: // CLREX, DSB, DMB, ISB
      if (((hw2 >>> 4) & 15) === 2) s.exclusive = false;
      return;
    case 0x3e: case 0x3f: s.r[(hw2 >>> 8) & 15] = mrs(s, hw2 & 0xff); return;
    default: s.fault = FAULT_USAGE; // includes UDF.W
  }
}

function mrs(s: CpuState, sysm: number): number {
  const sys = s.sys;
  switch (sysm) {
    case 0: case 1: case 2: case 3: case 5: case 6: case 7: {
      let v = 0;
      if (!(sysm & 4)) v |= (s.n << 31) | (s.z << 30) | (s.c << 29) | (s.v << 28) | (s.q << 27);
      if (sysm & 1) v |= s.ipsr;
      return v >>> 0; // EPSR (T, ITSTATE) reads as zero
    }
    case 8: return s.onPsp ? sys.msp : s.r[13]!;
    case 9: return s.onPsp ? s.r[13]! : sys.psp;
    case 16: return sys.primask;
    case 17: case 18: return sys.basepri;
    case 19: return sys.faultmask;
    case 20: return sys.control;
    default: return 0;
  }
}

function msr(s: CpuState, v: number, mask: number, sysm: number): void {
  const sys = s.sys;
  switch (sysm) {
    case 0: case 1: case 2: case 3:
      if (mask & 2) {
        s.n = v >>> 31;
        s.z = (v >>> 30) & 1;
        s.c = (v >>> 29) & 1;
        s.v = (v >>> 28) & 1;
        s.q = (v >>> 27) & 1;
      }
      return;
    case 8:
      if (s.onPsp) sys.msp = (v & ~3) >>> 0;
      else s.r[13] = v & ~3;
      return;
    case 9:
      if (s.onPsp) s.r[13] = v & ~3;
      else sys.psp = (v & ~3) >>> 0;
      return;
    case 16: sys.primask = v & 1; return;
    case 17: sys.basepri = v & 0xf0; return;
    case 18: if ((v & 0xf0) !== 0 && (sys.basepri === 0 || (v & 0xf0) < sys.basepri)) sys.basepri = v & 0xf0; return;
    case 19: if (s.ipsr !== 2) sys.faultmask = v & 1; return;
    case 20: {
      if (s.ipsr !== 0) {
        sys.control = (sys.control & 2) | (v & 1); // SPSEL is read-only in handler mode
        return;
      }
      const wasPsp = s.onPsp;
      sys.control = v & 3;
      if (wasPsp !== s.onPsp) {
        // Switch the active stack pointer: bank the old one, bring in the other.
        if (wasPsp) { sys.psp = s.r[13]!; s.r[13] = sys.msp; }
        else { sys.msp = s.r[13]!; s.r[13] = sys.psp; }
      }
      return;
    }
  }
}

/** hw1 = 1110100x xxxxxxxx: load/store multiple (bit 6 = 0) or dual/exclusive/TBB (bit 6 = 1). */
export function loadStoreMultipleDual(s: CpuState, hw1: number, hw2: number): void {
  const r = s.r;
  const rn = hw1 & 15;
  const load = (hw1 & 0x10) !== 0;
  const wback = (hw1 & 0x20) !== 0;
  if (!(hw1 & 0x40)) {
    const op = (hw1 >>> 7) & 3;
    if (op === 0 || op === 3) { s.fault = FAULT_USAGE; return; } // SRS/RFE: not in ARMv7-M
    const ia = op === 1;
    const list = hw2 & 0xdfff;
    const base = r[rn]!;
    if (load) {
      const nb = loadMultiple(s, base, list, ia);
      if (wback && !(list & (1 << rn))) r[rn] = nb;
    } else {
      const nb = storeMultiple(s, base, list, ia);
      if (wback) r[rn] = nb;
    }
    return;
  }
  const p = (hw1 >>> 8) & 1;
  const u = (hw1 >>> 7) & 1;
  const rt = (hw2 >>> 12) & 15;
  const m = s.mem;
  if (!p && !wback) {
    const op = (u << 1) | (load ? 1 : 0);
    if (op === 0) {
      // STREX Rd, Rt, [Rn, #imm8*4]: succeeds (0) while the monitor is open
      const a = (r[rn]! + (hw2 & 0xff) * 4) >>> 0;
      if (s.exclusive) m.write32(a, r[rt]!);
      r[(hw2 >>> 8) & 15] = s.exclusive ? 0 : 1;
      s.exclusive = false;
      return;
    }
    if (op === 1) {
      r[rt] = m.read32((r[rn]! + (hw2 & 0xff) * 4) >>> 0);
      s.exclusive = true;
      return;
    }
    const op3 = (hw2 >>> 4) & 15;
    const base = rn === 15 ? r[15]! + 4 : r[rn]!;
    if (op === 3 && (op3 === 0 || op3 === 1)) {
      // TBB / TBH
      const idx = r[hw2 & 15]!;
      const half = op3 === 0 ? m.read8((base + idx) >>> 0) : m.read16((base + idx * 2) >>> 0);
      s.branch(r[15]! + 4 + half * 2);
      return;
    }
    if (op === 3 && (op3 === 4 || op3 === 5)) {
      r[rt] = op3 === 4 ? m.read8(base) : m.read16(base); // LDREXB / LDREXH
      s.exclusive = true;
      return;
    }
    if (op === 2 && (op3 === 4 || op3 === 5)) {
      if (s.exclusive) {
        if (op3 === 4) m.write8(base, r[rt]! & 0xff);
        else m.write16(base, r[rt]! & 0xffff);
      }
      r[hw2 & 15] = s.exclusive ? 0 : 1;
      s.exclusive = false;
      return;
    }
    s.fault = FAULT_USAGE;
    return;
  }
  // LDRD / STRD (immediate; literal for LDRD with Rn = PC)
  const imm = (hw2 & 0xff) * 4;
  const base = rn === 15 ? (r[15]! + 4) & ~3 : r[rn]!;
  const offAddr = (u ? base + imm : base - imm) >>> 0;
  const a = p ? offAddr : base;
  const rt2 = (hw2 >>> 8) & 15;
  if (load) {
    const lo = m.read32(a);
    const hi = m.read32(a + 4);
    r[rt] = lo;
    r[rt2] = hi;
  } else {
    m.write32(a, r[rt]!);
    m.write32(a + 4, r[rt2]!);
  }
  if (wback && rn !== 15) r[rn] = offAddr;
}
