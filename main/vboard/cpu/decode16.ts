// Pre-decoded 16-bit Thumb instructions for the interpreter's fast path (fast-path.ts).
// A 16-bit instruction's meaning depends on its 16 bits only, so the decode is a table
// indexed by the opcode itself (64 Ki entries, built once), not by address: code that is
// rewritten (self-modifying SRAM code, a reflash, a debugger write) is simply fetched
// again and looked up again, so there is nothing to invalidate and nothing can go stale.
// Each entry is a kind (what to do) and packed operands: bits 0-3, 4-7, 8-11 hold
// register numbers and bits 12+ a (signed) immediate: `a >> 12`.
// Kinds not listed (K_SLOW) run on the general interpreter (thumb16.ts / thumb32.ts).

export const K_SLOW = 0;
export const K_MOVS_IMM = 1; // rd, imm
export const K_CMP_IMM = 2; // rn, imm
export const K_ADDS_IMM = 3; // rdn, imm (imm8 and imm3 forms: rd, rn, imm)
export const K_SUBS_IMM = 4; // rd, rn, imm
export const K_LSLS_IMM = 5; // rd, rm, imm (1..31)
export const K_LSRS_IMM = 6; // rd, rm, imm (1..32)
export const K_ASRS_IMM = 7; // rd, rm, imm (1..32)
export const K_ADDS_REG = 8; // rd, rn, rm
export const K_SUBS_REG = 9; // rd, rn, rm
export const K_MOVS_REG = 10; // rd, rm (LSLS #0: flags N Z)
export const K_ANDS = 11; // rdn, rm
export const K_EORS = 12;
export const K_ORRS = 13;
export const K_BICS = 14;
export const K_MVNS = 15;
export const K_TST = 16;
export const K_CMP_REG = 17; // rn, rm (low or high registers, never PC)
export const K_MULS = 18;
export const K_MOV_HI = 19; // rd, rm (no flags; neither PC nor a write to SP)
export const K_ADD_HI = 20; // rdn, rm (no flags; neither PC nor a write to SP)
export const K_LDR_LIT = 21; // rt, imm (byte offset from Align(PC + 4, 4))
export const K_LDR_IMM = 22; // rt, rn, imm (byte offset)
export const K_STR_IMM = 23;
export const K_LDRB_IMM = 24;
export const K_STRB_IMM = 25;
export const K_LDRH_IMM = 26;
export const K_STRH_IMM = 27;
export const K_LDR_REG = 28; // rt, rn, rm
export const K_STR_REG = 29;
export const K_LDRB_REG = 30;
export const K_STRB_REG = 31;
export const K_LDRH_REG = 32;
export const K_STRH_REG = 33;
export const K_B_COND = 34; // cond, imm (byte offset from PC + 4)
export const K_B = 35; // imm
export const K_CBZ = 36; // rn, imm
export const K_CBNZ = 37;
export const K_ADD_SP_IMM = 38; // rd, imm: rd = SP + imm
export const K_ADR = 39; // rd, imm: rd = Align(PC + 4, 4) + imm
export const K_SP_ADJ = 40; // imm (signed): SP += imm
export const K_UXTB = 41; // rd, rm
export const K_UXTH = 42;
export const K_NOP = 43;

export const KIND = new Uint8Array(0x10000);
export const ARG = new Int32Array(0x10000);

function set(op: number, kind: number, f0: number, f1 = 0, f2 = 0, imm = 0): void {
  KIND[op] = kind;
  ARG[op] = f0 | (f1 << 4) | (f2 << 8) | (imm << 12);
}

function decode(op: number): void {
  const lo3 = op & 7;
  const mid3 = (op >>> 3) & 7;
  const hi3 = (op >>> 6) & 7;
  const r8 = (op >>> 8) & 7;
  const imm8 = op & 0xff;
  const imm5 = (op >>> 6) & 31;
  switch (op >>> 11) {
    case 0x00: return imm5 === 0 ? set(op, K_MOVS_REG, lo3, mid3) : set(op, K_LSLS_IMM, lo3, mid3, 0, imm5);
    case 0x01: return set(op, K_LSRS_IMM, lo3, mid3, 0, imm5 === 0 ? 32 : imm5);
    case 0x02: return set(op, K_ASRS_IMM, lo3, mid3, 0, imm5 === 0 ? 32 : imm5);
    case 0x03:
      switch ((op >>> 9) & 3) {
        case 0: return set(op, K_ADDS_REG, lo3, mid3, hi3);
        case 1: return set(op, K_SUBS_REG, lo3, mid3, hi3);
        case 2: return set(op, K_ADDS_IMM, lo3, mid3, 0, hi3);
        default: return set(op, K_SUBS_IMM, lo3, mid3, 0, hi3);
      }
    case 0x04: return set(op, K_MOVS_IMM, r8, 0, 0, imm8);
    case 0x05: return set(op, K_CMP_IMM, r8, 0, 0, imm8);
    case 0x06: return set(op, K_ADDS_IMM, r8, r8, 0, imm8);
    case 0x07: return set(op, K_SUBS_IMM, r8, r8, 0, imm8);
    case 0x08:
      if (op & 0x400) return decodeHigh(op);
      return decodeDataProcessing(op);
    case 0x09: return set(op, K_LDR_LIT, r8, 0, 0, imm8 * 4);
    case 0x0a: case 0x0b: {
      const kinds = [K_STR_REG, K_STRH_REG, K_STRB_REG, K_SLOW, K_LDR_REG, K_LDRH_REG, K_LDRB_REG, K_SLOW];
      const k = kinds[(op >>> 9) & 7]!;
      return k === K_SLOW ? undefined : set(op, k, lo3, mid3, hi3);
    }
    case 0x0c: return set(op, K_STR_IMM, lo3, mid3, 0, imm5 * 4);
    case 0x0d: return set(op, K_LDR_IMM, lo3, mid3, 0, imm5 * 4);
    case 0x0e: return set(op, K_STRB_IMM, lo3, mid3, 0, imm5);
    case 0x0f: return set(op, K_LDRB_IMM, lo3, mid3, 0, imm5);
    case 0x10: return set(op, K_STRH_IMM, lo3, mid3, 0, imm5 * 2);
    case 0x11: return set(op, K_LDRH_IMM, lo3, mid3, 0, imm5 * 2);
    case 0x12: return set(op, K_STR_IMM, r8, 13, 0, imm8 * 4); // STR Rt, [SP, #imm]
    case 0x13: return set(op, K_LDR_IMM, r8, 13, 0, imm8 * 4);
    case 0x14: return set(op, K_ADR, r8, 0, 0, imm8 * 4);
    case 0x15: return set(op, K_ADD_SP_IMM, r8, 0, 0, imm8 * 4);
    case 0x16: case 0x17: return decodeMisc(op);
    case 0x1a: case 0x1b: {
      const cond = (op >>> 8) & 15;
      if (cond >= 14) return; // UDF, SVC
      return set(op, K_B_COND, cond, 0, 0, ((imm8 << 24) >> 23) + 4);
    }
    case 0x1c: return set(op, K_B, 0, 0, 0, (((op & 0x7ff) << 21) >> 20) + 4);
    default: return; // LDM/STM and the 32-bit prefixes
  }
}

function decodeDataProcessing(op: number): void {
  const rdn = op & 7;
  const rm = (op >>> 3) & 7;
  const kinds = [K_ANDS, K_EORS, K_SLOW, K_SLOW, K_SLOW, K_SLOW, K_SLOW, K_SLOW, K_TST, K_SLOW, K_CMP_REG, K_SLOW, K_ORRS, K_MULS, K_BICS, K_MVNS];
  const k = kinds[(op >>> 6) & 15]!;
  if (k !== K_SLOW) set(op, k, rdn, rm);
}

/** ADD / CMP / MOV with high registers; BX / BLX stay on the general path. */
function decodeHigh(op: number): void {
  const rm = (op >>> 3) & 15;
  const rd = (op & 7) | ((op >>> 4) & 8);
  const kind = (op >>> 8) & 3;
  if (kind === 3 || rm === 15 || rd === 15) return;
  if (kind === 1) return set(op, K_CMP_REG, rd, rm);
  if (rd === 13) return; // writes to SP are word-aligned: general path
  set(op, kind === 0 ? K_ADD_HI : K_MOV_HI, rd, rm);
}

function decodeMisc(op: number): void {
  switch ((op >>> 8) & 15) {
    case 0x0: {
      const imm = (op & 0x7f) * 4;
      return set(op, K_SP_ADJ, 0, 0, 0, op & 0x80 ? -imm : imm);
    }
    case 0x1: case 0x3: case 0x9: case 0xb: {
      const imm = (((op >>> 9) & 1) << 6) + ((op >>> 3) & 31) * 2 + 4;
      return set(op, op & 0x800 ? K_CBNZ : K_CBZ, op & 7, 0, 0, imm);
    }
    case 0x2: {
      const which = (op >>> 6) & 3;
      if (which === 2) set(op, K_UXTH, op & 7, (op >>> 3) & 7);
      else if (which === 3) set(op, K_UXTB, op & 7, (op >>> 3) & 7);
      return;
    }
    case 0xf:
      if (op === 0xbf00) set(op, K_NOP, 0);
      return;
  }
}

for (let op = 0; op < 0xe800; op++) decode(op);
