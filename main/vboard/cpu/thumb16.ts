// 16-bit Thumb instructions (ARMv7-M ARM A5.2). Inside an IT block the flag-setting forms
// do not set flags (setflags = !InITBlock()), which is why `setf` is passed in.
import { addWithCarry, shiftC, SRType } from './alu';
import { FAULT_USAGE, STOP_BKPT, STOP_WFI, type CpuState } from './state';
import { cps, loadMultiple, storeMultiple } from './thumb32-misc';

export function exec16(s: CpuState, op: number): void {
  const r = s.r;
  const setf = s.it === 0;
  switch (op >>> 12) {
    case 0x0:
    case 0x1: {
      const rd = op & 7;
      const rm = (op >>> 3) & 7;
      const kind = (op >>> 11) & 3;
      if (kind !== 3) {
        // LSL/LSR/ASR (immediate); LSL #0 is MOVS Rd, Rm
        const imm5 = (op >>> 6) & 31;
        const amount = kind === 0 ? imm5 : imm5 === 0 ? 32 : imm5;
        const res = shiftC(s, r[rm]!, kind, amount, s.c);
        r[rd] = res;
        if (setf) {
          s.nz(res);
          s.c = s.sc;
        }
        return;
      }
      const x = r[rm]!;
      const y = op & 0x400 ? (op >>> 6) & 7 : r[(op >>> 6) & 7]!;
      r[rd] = op & 0x200 ? addWithCarry(s, x, ~y, 1, setf) : addWithCarry(s, x, y, 0, setf);
      return;
    }
    case 0x2:
    case 0x3: {
      const rd = (op >>> 8) & 7;
      const imm = op & 0xff;
      switch ((op >>> 11) & 3) {
        case 0: r[rd] = imm; if (setf) s.nz(imm); return; // MOVS (C unchanged)
        case 1: addWithCarry(s, r[rd]!, ~imm, 1, true); return; // CMP
        case 2: r[rd] = addWithCarry(s, r[rd]!, imm, 0, setf); return;
        default: r[rd] = addWithCarry(s, r[rd]!, ~imm, 1, setf); return;
      }
    }
    case 0x4:
      if (op & 0x800) {
        // LDR (literal)
        r[(op >>> 8) & 7] = s.mem.read32(((r[15]! + 4) & ~3) + (op & 0xff) * 4);
        return;
      }
      if (op & 0x400) return specialDataBranch(s, op);
      return dataProcessing(s, op, setf);
    case 0x5: {
      const rt = op & 7;
      const addr = (r[(op >>> 3) & 7]! + r[(op >>> 6) & 7]!) >>> 0;
      const m = s.mem;
      switch ((op >>> 9) & 7) {
        case 0: m.write32(addr, r[rt]!); return;
        case 1: m.write16(addr, r[rt]! & 0xffff); return;
        case 2: m.write8(addr, r[rt]! & 0xff); return;
        case 3: r[rt] = ((m.read8(addr) << 24) >> 24) >>> 0; return;
        case 4: r[rt] = m.read32(addr); return;
        case 5: r[rt] = m.read16(addr); return;
        case 6: r[rt] = m.read8(addr); return;
        default: r[rt] = ((m.read16(addr) << 16) >> 16) >>> 0; return;
      }
    }
    case 0x6:
    case 0x7:
    case 0x8: {
      // LDR/STR word (0x6), byte (0x7), half-word (0x8) with imm5 scaled by the size
      const rt = op & 7;
      const base = r[(op >>> 3) & 7]!;
      const imm5 = (op >>> 6) & 31;
      const load = (op & 0x800) !== 0;
      const m = s.mem;
      if (op >>> 12 === 0x6) {
        const a = (base + imm5 * 4) >>> 0;
        if (load) r[rt] = m.read32(a);
        else m.write32(a, r[rt]!);
      } else if (op >>> 12 === 0x7) {
        const a = (base + imm5) >>> 0;
        if (load) r[rt] = m.read8(a);
        else m.write8(a, r[rt]! & 0xff);
      } else {
        const a = (base + imm5 * 2) >>> 0;
        if (load) r[rt] = m.read16(a);
        else m.write16(a, r[rt]! & 0xffff);
      }
      return;
    }
    case 0x9: {
      // LDR/STR SP-relative
      const rt = (op >>> 8) & 7;
      const a = (r[13]! + (op & 0xff) * 4) >>> 0;
      if (op & 0x800) r[rt] = s.mem.read32(a);
      else s.mem.write32(a, r[rt]!);
      return;
    }
    case 0xa: {
      // ADR / ADD Rd, SP, #imm8*4
      const base = op & 0x800 ? r[13]! : (r[15]! + 4) & ~3;
      r[(op >>> 8) & 7] = (base + (op & 0xff) * 4) >>> 0;
      return;
    }
    case 0xb: return misc(s, op);
    case 0xc: {
      // STM / LDM (IA), writeback unless the base is in an LDM's list
      const rn = (op >>> 8) & 7;
      const list = op & 0xff;
      if (op & 0x800) {
        const end = loadMultiple(s, r[rn]!, list, true);
        if (!(list & (1 << rn))) r[rn] = end;
      } else r[rn] = storeMultiple(s, r[rn]!, list, true);
      return;
    }
    case 0xd: {
      const cond = (op >>> 8) & 0xf;
      if (cond === 0xe) { s.fault = FAULT_USAGE; return; } // UDF
      if (cond === 0xf) { s.fault = FAULT_USAGE; return; } // SVC: no SVCall handler model
      if (s.cond(cond)) s.branch(r[15]! + 4 + (((op & 0xff) << 24) >> 23));
      return;
    }
    case 0xe:
      // B (unconditional); 0xE800+ are 32-bit and never reach here
      s.branch(r[15]! + 4 + (((op & 0x7ff) << 21) >> 20));
      return;
    default:
      s.fault = FAULT_USAGE;
  }
}

function dataProcessing(s: CpuState, op: number, setf: boolean): void {
  const r = s.r;
  const rdn = op & 7;
  const m = r[(op >>> 3) & 7]!;
  const d = r[rdn]!;
  let res: number;
  switch ((op >>> 6) & 15) {
    case 0x0: res = (d & m) >>> 0; break; // AND
    case 0x1: res = (d ^ m) >>> 0; break; // EOR
    case 0x2: case 0x3: case 0x4: case 0x7: {
      // LSL, LSR, ASR, ROR by register (amount = Rm<7:0>)
      const type = [0, 0, SRType.LSL, SRType.LSR, SRType.ASR, 0, 0, SRType.ROR][(op >>> 6) & 7]!;
      res = shiftC(s, d, type, m & 0xff, s.c);
      r[rdn] = res;
      if (setf) { s.nz(res); s.c = s.sc; }
      return;
    }
    case 0x5: r[rdn] = addWithCarry(s, d, m, s.c, setf); return; // ADC
    case 0x6: r[rdn] = addWithCarry(s, d, ~m, s.c, setf); return; // SBC
    case 0x8: s.nz((d & m) >>> 0); return; // TST
    case 0x9: r[rdn] = addWithCarry(s, ~m, 0, 1, setf); return; // RSB #0 (NEG)
    case 0xa: addWithCarry(s, d, ~m, 1, true); return; // CMP
    case 0xb: addWithCarry(s, d, m, 0, true); return; // CMN
    case 0xc: res = (d | m) >>> 0; break; // ORR
    case 0xd: res = Math.imul(d, m) >>> 0; break; // MUL (C, V unchanged)
    case 0xe: res = (d & ~m) >>> 0; break; // BIC
    default: res = ~m >>> 0; break; // MVN
  }
  r[rdn] = res;
  if (setf) s.nz(res);
}

function specialDataBranch(s: CpuState, op: number): void {
  const r = s.r;
  const rm = (op >>> 3) & 15;
  const rd = (op & 7) | ((op >>> 4) & 8);
  switch ((op >>> 8) & 3) {
    case 0: {
      const res = (s.reg(rd) + s.reg(rm)) >>> 0; // ADD (register), no flags
      if (rd === 15) s.branch(res);
      else r[rd] = rd === 13 ? res & ~3 : res;
      return;
    }
    case 1: addWithCarry(s, s.reg(rd), ~s.reg(rm), 1, true); return; // CMP high registers
    case 2: {
      const v = s.reg(rm); // MOV (register), no flags
      if (rd === 15) s.branch(v);
      else r[rd] = rd === 13 ? v & ~3 : v;
      return;
    }
    default: {
      const target = s.reg(rm);
      if (op & 0x80) r[14] = (r[15]! + 2) | 1; // BLX: return address with the Thumb bit
      s.bxWrite(target);
    }
  }
}

function misc(s: CpuState, op: number): void {
  const r = s.r;
  switch ((op >>> 8) & 15) {
    case 0x0: {
      const imm = (op & 0x7f) * 4;
      r[13] = op & 0x80 ? r[13]! - imm : r[13]! + imm;
      return;
    }
    case 0x1: case 0x3: case 0x9: case 0xb: {
      // CBZ / CBNZ
      const zero = r[op & 7] === 0;
      if (zero !== ((op & 0x800) !== 0)) s.branch(r[15]! + 4 + (((op >>> 9) & 1) << 6) + ((op >>> 3) & 31) * 2);
      return;
    }
    case 0x2: {
      const m = r[(op >>> 3) & 7]!;
      const rd = op & 7;
      switch ((op >>> 6) & 3) {
        case 0: r[rd] = ((m << 16) >> 16) >>> 0; return; // SXTH
        case 1: r[rd] = ((m << 24) >> 24) >>> 0; return; // SXTB
        case 2: r[rd] = m & 0xffff; return; // UXTH
        default: r[rd] = m & 0xff; return; // UXTB
      }
    }
    case 0x4: case 0x5: {
      // PUSH {list, lr?}
      const list = (op & 0xff) | (op & 0x100 ? 0x4000 : 0);
      r[13] = storeMultiple(s, r[13]!, list, false);
      return;
    }
    case 0x6:
      if ((op & 0xffe8) === 0xb660) return cps(s, (op >>> 4) & 1, op & 3);
      s.fault = FAULT_USAGE;
      return;
    case 0xa: {
      const m = r[(op >>> 3) & 7]!;
      const rd = op & 7;
      switch ((op >>> 6) & 3) {
        case 0: r[rd] = rev(m); return;
        case 1: r[rd] = (((m & 0x00ff00ff) << 8) | ((m >>> 8) & 0x00ff00ff)) >>> 0; return; // REV16
        case 3: r[rd] = (((((m & 0xff) << 24) >> 16) | ((m >>> 8) & 0xff)) >>> 0); return; // REVSH
        default: s.fault = FAULT_USAGE; return;
      }
    }
    case 0xc: case 0xd: {
      // POP {list, pc?}
      const list = (op & 0xff) | (op & 0x100 ? 0x8000 : 0);
      const sp = r[13]!;
      r[13] = sp + popCount(list) * 4; // before the PC load, which may be an exception return
      loadMultiple(s, sp, list, true);
      return;
    }
    case 0xe:
      s.stop = STOP_BKPT; // BKPT #imm8: debug halt, the PC stays on the BKPT
      s.next = r[15]!;
      return;
    case 0xf:
      if (op & 0xf) {
        // IT: ITSTATE = firstcond:mask; the loop starts applying it from the next instruction
        s.it = op & 0xff;
        s.itJustSet = true;
      }
      else if (op === 0xbf30) s.stop = STOP_WFI;
      // NOP, YIELD, WFE, SEV: hints, no state here (an idle loop parks the core anyway)
      return;
    default:
      s.fault = FAULT_USAGE;
  }
}

export function rev(m: number): number {
  return ((m << 24) | ((m & 0xff00) << 8) | ((m >>> 8) & 0xff00) | (m >>> 24)) >>> 0;
}

export function popCount(v: number): number {
  let n = 0;
  for (let x = v; x; x &= x - 1) n++;
  return n;
}
