// 32-bit Thumb-2 data processing: modified immediate, plain binary immediate, shifted
// register, register (shifts, extends, REV/RBIT/CLZ), multiply and divide.
import { addWithCarry, decodeImmShift, shiftC, signExtend, thumbExpandImm } from './alu';
import { FAULT_USAGE, type CpuState } from './state';
import { rev } from './thumb16';

/** The shared opcode table of the modified-immediate and shifted-register forms.
 *  `carry` is the shifter/expansion carry used by the logical ops. */
function dataOp(s: CpuState, op: number, setf: boolean, rn: number, rd: number, imm: number, carry: number): void {
  const r = s.r;
  const n = rn === 15 ? 0 : r[rn]!; // Rn = PC selects MOV/MVN for ORR/ORN
  let res: number;
  switch (op) {
    case 0x0: res = (n & imm) >>> 0; break; // AND / TST
    case 0x1: res = (n & ~imm) >>> 0; break; // BIC
    case 0x2: res = (rn === 15 ? imm : n | imm) >>> 0; break; // ORR / MOV
    case 0x3: res = (rn === 15 ? ~imm : n | ~imm) >>> 0; break; // ORN / MVN
    case 0x4: res = (n ^ imm) >>> 0; break; // EOR / TEQ
    case 0x8: res = addWithCarry(s, n, imm, 0, setf); return writeArith(s, rd, res); // ADD / CMN
    case 0xa: res = addWithCarry(s, n, imm, s.c, setf); return writeArith(s, rd, res); // ADC
    case 0xb: res = addWithCarry(s, n, ~imm, s.c, setf); return writeArith(s, rd, res); // SBC
    case 0xd: res = addWithCarry(s, n, ~imm, 1, setf); return writeArith(s, rd, res); // SUB / CMP
    case 0xe: res = addWithCarry(s, ~n, imm, 1, setf); return writeArith(s, rd, res); // RSB
    default: s.fault = FAULT_USAGE; return;
  }
  if (setf) {
    s.nz(res);
    s.c = carry;
  }
  if (rd !== 15) r[rd] = res; // Rd = PC with S: the TST/TEQ forms
}

function writeArith(s: CpuState, rd: number, res: number): void {
  if (rd !== 15) s.r[rd] = res; // Rd = PC with S: CMN / CMP
}

/** hw1 = 11110x0x xxxxxxxx, hw2 = 0xxxxxxx xxxxxxxx */
export function modifiedImmediate(s: CpuState, hw1: number, hw2: number): void {
  const imm12 = ((hw1 & 0x400) << 1) | ((hw2 >>> 4) & 0x700) | (hw2 & 0xff);
  const imm = thumbExpandImm(s, imm12, s.c);
  dataOp(s, (hw1 >>> 5) & 15, (hw1 & 0x10) !== 0, hw1 & 15, (hw2 >>> 8) & 15, imm, s.sc);
}

/** hw1 = 11101 01x xxxxxxxx: data processing (shifted register). */
export function shiftedRegister(s: CpuState, hw1: number, hw2: number): void {
  const sh = decodeImmShift((hw2 >>> 4) & 3, ((hw2 >>> 10) & 0x1c) | ((hw2 >>> 6) & 3));
  const m = shiftC(s, s.r[hw2 & 15]!, sh >>> 6, sh & 63, s.c);
  dataOp(s, (hw1 >>> 5) & 15, (hw1 & 0x10) !== 0, hw1 & 15, (hw2 >>> 8) & 15, m, s.sc);
}

/** hw1 = 11110x1x xxxxxxxx, hw2 = 0xxxxxxx xxxxxxxx */
export function plainImmediate(s: CpuState, hw1: number, hw2: number): void {
  const r = s.r;
  const rn = hw1 & 15;
  const rd = (hw2 >>> 8) & 15;
  const imm12 = ((hw1 & 0x400) << 1) | ((hw2 >>> 4) & 0x700) | (hw2 & 0xff);
  const lsb = ((hw2 >>> 10) & 0x1c) | ((hw2 >>> 6) & 3);
  const w = hw2 & 31;
  switch ((hw1 >>> 4) & 31) {
    case 0x00: r[rd] = rn === 15 ? ((r[15]! + 4) & ~3) + imm12 : r[rn]! + imm12; return; // ADDW / ADR
    case 0x0a: r[rd] = rn === 15 ? ((r[15]! + 4) & ~3) - imm12 : r[rn]! - imm12; return; // SUBW / ADR
    case 0x04: r[rd] = (rn << 12) | imm12; return; // MOVW
    case 0x0c: r[rd] = ((((rn << 12) | imm12) << 16) | (r[rd]! & 0xffff)) >>> 0; return; // MOVT
    case 0x14: r[rd] = signExtend(r[rn]! >>> lsb, w + 1) >>> 0; return; // SBFX
    case 0x1c: r[rd] = w + 1 >= 32 ? r[rn]! >>> lsb : (r[rn]! >>> lsb) & ((1 << (w + 1)) - 1); return; // UBFX
    case 0x16: {
      // BFI (BFC when Rn = PC): msb = w
      if (w < lsb) { s.fault = FAULT_USAGE; return; }
      const mask = (w - lsb + 1 >= 32 ? 0xffffffff : ((1 << (w - lsb + 1)) - 1) << lsb) >>> 0;
      const src = rn === 15 ? 0 : (r[rn]! << lsb) >>> 0;
      r[rd] = ((r[rd]! & ~mask) | (src & mask)) >>> 0;
      return;
    }
    case 0x10: case 0x12: return saturate(s, true, rd, r[rn]!, hw1, hw2);
    case 0x18: case 0x1a: return saturate(s, false, rd, r[rn]!, hw1, hw2);
    default: s.fault = FAULT_USAGE;
  }
}

/** SSAT / USAT with an optional LSL/ASR of the operand. */
function saturate(s: CpuState, signed: boolean, rd: number, value: number, hw1: number, hw2: number): void {
  const amount = ((hw2 >>> 10) & 0x1c) | ((hw2 >>> 6) & 3);
  const v = hw1 & 0x20 ? (value | 0) >> amount : (value << amount) | 0; // 32-bit shift, then signed
  const bits = (hw2 & 31) + (signed ? 1 : 0);
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const clamped = Math.min(max, Math.max(min, v));
  if (clamped !== v) s.q = 1;
  s.r[rd] = clamped >>> 0;
}

/** hw1 = 11111010 xxxxxxxx, hw2 = 1111xxxx xxxxxxxx: register-controlled shifts, extends, misc. */
export function dataRegister(s: CpuState, hw1: number, hw2: number): void {
  const r = s.r;
  const rd = (hw2 >>> 8) & 15;
  const rm = hw2 & 15;
  const rn = hw1 & 15;
  const op1 = (hw1 >>> 4) & 15;
  const op2 = (hw2 >>> 4) & 15;
  if (op2 === 0 && op1 < 8) {
    // LSL, LSR, ASR, ROR (register)
    const res = shiftC(s, r[rn]!, (op1 >>> 1) & 3, r[rm]! & 0xff, s.c);
    r[rd] = res;
    if (op1 & 1) { s.nz(res); s.c = s.sc; }
    return;
  }
  if (op2 & 8 && op1 < 8) {
    // SXTH/UXTH/SXTB/UXTB (Rn = PC) with rotation; the add forms are DSP-only
    if (rn !== 15) { s.fault = FAULT_USAGE; return; }
    const rot = ((hw2 >>> 4) & 3) * 8;
    const m = rot ? ((r[rm]! >>> rot) | (r[rm]! << (32 - rot))) >>> 0 : r[rm]!;
    switch (op1) {
      case 0: r[rd] = ((m << 16) >> 16) >>> 0; return;
      case 1: r[rd] = m & 0xffff; return;
      case 4: r[rd] = ((m << 24) >> 24) >>> 0; return;
      case 5: r[rd] = m & 0xff; return;
    }
    s.fault = FAULT_USAGE;
    return;
  }
  if ((op1 & 0xc) === 8 && (op2 & 0xc) === 8) {
    const m = r[rm]!;
    const sel = ((op1 & 3) << 2) | (op2 & 3);
    switch (sel) {
      case 0x4: r[rd] = rev(m); return;
      case 0x5: r[rd] = (((m & 0x00ff00ff) << 8) | ((m >>> 8) & 0x00ff00ff)) >>> 0; return;
      case 0x6: r[rd] = rbit(m); return;
      case 0x7: r[rd] = (((((m & 0xff) << 24) >> 16) | ((m >>> 8) & 0xff)) >>> 0); return;
      case 0xc: r[rd] = Math.clz32(m); return;
    }
  }
  s.fault = FAULT_USAGE;
}

function rbit(v: number): number {
  let res = 0;
  for (let i = 0; i < 32; i++) res = (res << 1) | ((v >>> i) & 1);
  return res >>> 0;
}

/** hw1 = 1111101 1 0xxx / 1xxx: MUL/MLA/MLS and the long multiplies and divides. */
export function multiply(s: CpuState, hw1: number, hw2: number): void {
  const r = s.r;
  const n = r[hw1 & 15]!;
  const m = r[hw2 & 15]!;
  const rdHi = (hw2 >>> 8) & 15; // Rd for the 32-bit forms
  const raLo = (hw2 >>> 12) & 15; // Ra for MLA/MLS, RdLo for the long forms
  const op1 = (hw1 >>> 4) & 7;
  const op2 = (hw2 >>> 4) & 15;
  if (!(hw1 & 0x80)) {
    if (op1 !== 0) { s.fault = FAULT_USAGE; return; }
    const prod = Math.imul(n, m);
    if (op2 === 0) r[rdHi] = raLo === 15 ? prod >>> 0 : (prod + r[raLo]!) >>> 0; // MUL / MLA
    else if (op2 === 1) r[rdHi] = (r[raLo]! - prod) >>> 0; // MLS
    else s.fault = FAULT_USAGE;
    return;
  }
  if ((op1 === 1 || op1 === 3) && op2 === 15) {
    // SDIV / UDIV: division by zero gives 0 (DIV_0_TRP clear)
    if (m === 0) { r[rdHi] = 0; return; }
    r[rdHi] = op1 === 1 ? (Math.trunc((n | 0) / (m | 0)) | 0) >>> 0 : Math.floor(n / m) >>> 0;
    return;
  }
  if (op2 !== 0 || (op1 !== 0 && op1 !== 2 && op1 !== 4 && op1 !== 6)) { s.fault = FAULT_USAGE; return; }
  const signed = op1 === 0 || op1 === 4;
  let prod = signed ? BigInt(n | 0) * BigInt(m | 0) : BigInt(n) * BigInt(m);
  if (op1 >= 4) prod += (BigInt(r[rdHi]!) << 32n) | BigInt(r[raLo]!); // SMLAL / UMLAL accumulate
  r[raLo] = Number(prod & 0xffffffffn);
  r[rdHi] = Number((prod >> 32n) & 0xffffffffn);
}
