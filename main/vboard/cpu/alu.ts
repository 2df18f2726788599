// ALU primitives from the ARMv7-M ARM pseudocode: AddWithCarry, Shift_C, ThumbExpandImm_C.
// Results are unsigned 32-bit numbers; carry/overflow come back through CpuState fields.
import type { CpuState } from './state';

export const SRType = { LSL: 0, LSR: 1, ASR: 2, ROR: 3, RRX: 4 } as const;

/** x + y + carry; sets s.c and s.v (and N, Z when `flags`). Returns the 32-bit result. */
export function addWithCarry(s: CpuState, x: number, y: number, carry: number, flags: boolean): number {
  const sum = (x >>> 0) + (y >>> 0) + carry;
  const res = sum >>> 0;
  if (flags) {
    s.n = res >>> 31;
    s.z = res === 0 ? 1 : 0;
    s.c = sum > 0xffffffff ? 1 : 0;
    s.v = ((x ^ res) & (y ^ res)) >>> 31;
  }
  return res;
}

/** Shift_C(value, type, amount, carry_in); the carry out goes to s.sc. */
export function shiftC(s: CpuState, value: number, type: number, amount: number, carryIn: number): number {
  value >>>= 0;
  if (type === SRType.RRX) {
    s.sc = value & 1;
    return ((carryIn << 31) | (value >>> 1)) >>> 0;
  }
  if (amount === 0) {
    s.sc = carryIn;
    return value;
  }
  switch (type) {
    case SRType.LSL:
      if (amount > 32) {
        s.sc = 0;
        return 0;
      }
      s.sc = amount === 32 ? value & 1 : (value >>> (32 - amount)) & 1;
      return amount === 32 ? 0 : (value << amount) >>> 0;
    case SRType.LSR:
      if (amount > 32) {
        s.sc = 0;
        return 0;
      }
      s.sc = (value >>> (amount - 1)) & 1;
      return amount === 32 ? 0 : value >>> amount;
    case SRType.ASR:
      if (amount >= 32) {
        s.sc = value >>> 31;
        return value >>> 31 ? 0xffffffff : 0;
      }
      s.sc = (value >> (amount - 1)) & 1;
      return (value >> amount) >>> 0;
    default: {
      // ROR
      const a = amount & 31;
      const res = a === 0 ? value : ((value >>> a) | (value << (32 - a))) >>> 0;
      s.sc = res >>> 31;
      return res;
    }
  }
}

/** DecodeImmShift: (type bits, imm5) -> [SRType, amount]. Returned packed: type * 64 + amount. */
export function decodeImmShift(type: number, imm5: number): number {
  switch (type) {
    case 0: return SRType.LSL * 64 + imm5;
    case 1: return SRType.LSR * 64 + (imm5 === 0 ? 32 : imm5);
    case 2: return SRType.ASR * 64 + (imm5 === 0 ? 32 : imm5);
    default: return imm5 === 0 ? SRType.RRX * 64 + 1 : SRType.ROR * 64 + imm5;
  }
}

/** ThumbExpandImm_C(imm12, carry_in); the carry out (old carry unless rotated) goes to s.sc. */
export function thumbExpandImm(s: CpuState, imm12: number, carryIn: number): number {
  const imm8 = imm12 & 0xff;
  if ((imm12 >>> 10) === 0) {
    s.sc = carryIn;
    switch ((imm12 >>> 8) & 3) {
      case 0: return imm8;
      case 1: return ((imm8 << 16) | imm8) >>> 0;
      case 2: return ((imm8 << 24) | (imm8 << 8)) >>> 0;
      default: return ((imm8 << 24) | (imm8 << 16) | (imm8 << 8) | imm8) >>> 0;
    }
  }
  const unrot = 0x80 | (imm12 & 0x7f);
  const rot = imm12 >>> 7;
  const res = ((unrot >>> rot) | (unrot << (32 - rot))) >>> 0;
  s.sc = res >>> 31;
  return res;
}

/** Count leading zeros of a 32-bit value. */
export function clz(v: number): number {
  return Math.clz32(v);
}

export function signExtend(v: number, bits: number): number {
  const sh = 32 - bits;
  return (v << sh) >> sh;
}
