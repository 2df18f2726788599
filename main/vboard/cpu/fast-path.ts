// The interpreter's fast path: a tight loop over the commonest 16-bit instructions
// (moves, ALU, compares, loads/stores to SRAM and flash, branches), pre-decoded by
// decode16.ts. It only runs what cannot fault, halt, reset or touch a peripheral, outside
// IT blocks; on anything else it returns with the PC on that instruction and the engine
// runs it on the general path (engine.ts), then comes back here. Loads and stores that
// miss SRAM/flash (or are unaligned, or watched by the idle detector) fall back the same
// way before any state has changed.
import { ARG, KIND } from './decode16';
import * as K from './decode16';
import { CpuMemory, type CpuState } from './state';

/** Engine state the fast loop shares. */
export interface FastLoopHost {
  /** Backward branches until the next idle-loop check (see engine.ts). */
  idleCountdown: number;
  /** Set when a backward branch made the countdown expire: the engine checks for idling. */
  idleDue: boolean;
}

/** Run fast-path instructions from r[15] while `n < limit`; returns the new count. */
export function runFast(s: CpuState, n: number, limit: number, bps: ReadonlySet<number> | undefined, host: FastLoopHost): number {
  if (s.it !== 0) return n;
  const r = s.r;
  const m = s.mem;
  const sram16 = m.sram16;
  const flash16 = m.flash16;
  const sramBase = m.sramBase;
  const sramBytes = sram16.length * 2;
  const flashBytes = flash16.length * 2;
  while (n < limit) {
    const pc = r[15]!;
    let op: number;
    const so = (pc - sramBase) >>> 0;
    if (so < sramBytes) op = sram16[so >>> 1]!;
    else {
      const fo = CpuMemory.flashOffset(pc);
      if (fo >= flashBytes) return n;
      op = flash16[fo >>> 1]!;
    }
    if (bps !== undefined && bps.has(pc)) return n;
    const a = ARG[op]!;
    const f0 = a & 15;
    const f1 = (a >>> 4) & 15;
    const imm = a >> 12;
    let next = pc + 2;
    switch (KIND[op]) {
      case K.K_MOVS_IMM:
        r[f0] = imm;
        s.n = 0;
        s.z = imm === 0 ? 1 : 0;
        break;
      case K.K_CMP_IMM: sub(s, r[f0]!, imm); break;
      case K.K_ADDS_IMM: r[f0] = add(s, r[f1]!, imm); break;
      case K.K_SUBS_IMM: r[f0] = sub(s, r[f1]!, imm); break;
      case K.K_LSLS_IMM: {
        const x = r[f1]!;
        const res = (x << imm) >>> 0;
        s.c = (x >>> (32 - imm)) & 1;
        r[f0] = res;
        nz(s, res);
        break;
      }
      case K.K_LSRS_IMM: {
        const x = r[f1]!;
        const res = imm === 32 ? 0 : x >>> imm;
        s.c = (x >>> (imm - 1)) & 1;
        r[f0] = res;
        nz(s, res);
        break;
      }
      case K.K_ASRS_IMM: {
        const x = r[f1]! | 0;
        const res = (imm === 32 ? x >> 31 : x >> imm) >>> 0;
        s.c = (x >> (imm - 1)) & 1;
        r[f0] = res;
        nz(s, res);
        break;
      }
      case K.K_ADDS_REG: r[f0] = add(s, r[f1]!, r[(a >>> 8) & 15]!); break;
      case K.K_SUBS_REG: r[f0] = sub(s, r[f1]!, r[(a >>> 8) & 15]!); break;
      case K.K_MOVS_REG: nz(s, (r[f0] = r[f1]!)); break;
      case K.K_ANDS: nz(s, (r[f0] = r[f0]! & r[f1]!)); break;
      case K.K_EORS: nz(s, (r[f0] = r[f0]! ^ r[f1]!)); break;
      case K.K_ORRS: nz(s, (r[f0] = r[f0]! | r[f1]!)); break;
      case K.K_BICS: nz(s, (r[f0] = r[f0]! & ~r[f1]!)); break;
      case K.K_MVNS: nz(s, (r[f0] = ~r[f1]!)); break;
      case K.K_MULS: nz(s, (r[f0] = Math.imul(r[f0]!, r[f1]!))); break;
      case K.K_TST: nz(s, (r[f0]! & r[f1]!) >>> 0); break;
      case K.K_CMP_REG: sub(s, r[f0]!, r[f1]!); break;
      case K.K_MOV_HI: r[f0] = r[f1]!; break;
      case K.K_ADD_HI: r[f0] = r[f0]! + r[f1]!; break;
      case K.K_ADD_SP_IMM: r[f0] = r[13]! + imm; break;
      case K.K_ADR: r[f0] = ((pc + 4) & ~3) + imm; break;
      case K.K_SP_ADJ: r[13] = r[13]! + imm; break;
      case K.K_UXTB: r[f0] = r[f1]! & 0xff; break;
      case K.K_UXTH: r[f0] = r[f1]! & 0xffff; break;
      case K.K_NOP: break;
      case K.K_LDR_LIT: {
        const v = m.fastLoad32((((pc + 4) & ~3) + imm) >>> 0);
        if (v < 0) return n;
        r[f0] = v;
        break;
      }
      case K.K_LDR_IMM: case K.K_LDR_REG: {
        const v = m.fastLoad32(address(r, a, f1, imm, op));
        if (v < 0) return n;
        r[f0] = v;
        break;
      }
      case K.K_LDRH_IMM: case K.K_LDRH_REG: {
        const v = m.fastLoad16(address(r, a, f1, imm, op));
        if (v < 0) return n;
        r[f0] = v;
        break;
      }
      case K.K_LDRB_IMM: case K.K_LDRB_REG: {
        const v = m.fastLoad8(address(r, a, f1, imm, op));
        if (v < 0) return n;
        r[f0] = v;
        break;
      }
      case K.K_STR_IMM: case K.K_STR_REG:
        if (!m.fastStore32(address(r, a, f1, imm, op), r[f0]!)) return n;
        break;
      case K.K_STRH_IMM: case K.K_STRH_REG:
        if (!m.fastStore16(address(r, a, f1, imm, op), r[f0]! & 0xffff)) return n;
        break;
      case K.K_STRB_IMM: case K.K_STRB_REG:
        if (!m.fastStore8(address(r, a, f1, imm, op), r[f0]! & 0xff)) return n;
        break;
      case K.K_B_COND:
        if (s.cond(f0)) next = (pc + imm) >>> 0;
        break;
      case K.K_B: next = (pc + imm) >>> 0; break;
      case K.K_CBZ: if (r[f0] === 0) next = pc + imm; break;
      case K.K_CBNZ: if (r[f0] !== 0) next = pc + imm; break;
      default:
        return n;
    }
    n++;
    r[15] = next;
    if (next <= pc && --host.idleCountdown <= 0) {
      host.idleDue = true;
      return n;
    }
  }
  return n;
}

/** Effective address of a load/store: [Rn, #imm] or [Rn, Rm] (register forms have bit 12 set
 *  in the opcode: 0101 xxx). */
function address(r: Uint32Array, a: number, rn: number, imm: number, op: number): number {
  return (op >>> 12 === 5 ? r[rn]! + r[(a >>> 8) & 15]! : r[rn]! + imm) >>> 0;
}

function nz(s: CpuState, res: number): void {
  s.n = res >>> 31;
  s.z = res === 0 ? 1 : 0;
}

function add(s: CpuState, x: number, y: number): number {
  const sum = x + y;
  const res = sum >>> 0;
  s.n = res >>> 31;
  s.z = res === 0 ? 1 : 0;
  s.c = sum > 0xffffffff ? 1 : 0;
  s.v = ((x ^ res) & (y ^ res)) >>> 31;
  return res;
}

function sub(s: CpuState, x: number, y: number): number {
  const res = (x - y) >>> 0;
  s.n = res >>> 31;
  s.z = res === 0 ? 1 : 0;
  s.c = x >= y ? 1 : 0;
  s.v = ((x ^ y) & (x ^ res)) >>> 31;
  return res;
}
