// Cortex-M3 r1p1 core as the debugger sees it: run/halt/lockup/reset states, the core
// register file reached through DCRSR/DCRDR, and the halting-debug registers (ARMv7-M C1).
// Instruction execution plugs in through `ExecutionEngine` (cpu/engine.ts); without one a
// running core just stays running (it reports retired instructions so OpenOCD sees it alive).
import { BUS_ERROR, type BusDevice } from './bus';

export const DBGKEY = 0xa05f0000;
export const C_DEBUGEN = 1 << 0;
export const C_HALT = 1 << 1;
export const C_STEP = 1 << 2;
export const C_MASKINTS = 1 << 3;
export const C_SNAPSTALL = 1 << 5;
export const S_REGRDY = 1 << 16;
export const S_HALT = 1 << 17;
export const S_SLEEP = 1 << 18;
export const S_LOCKUP = 1 << 19;
export const S_RETIRE_ST = 1 << 24;
export const S_RESET_ST = 1 << 25;
export const DFSR_HALTED = 1 << 0;
export const DFSR_BKPT = 1 << 1;
export const DFSR_DWTTRAP = 1 << 2;
export const DFSR_VCATCH = 1 << 3;
export const DFSR_EXTERNAL = 1 << 4;
export const VC_CORERESET = 1 << 0;
const DEMCR_MASK = 0x010f07f1;
const XPSR_MASK = 0xff00fdff >>> 0; // N Z C V Q ICI/IT T, exception number

/** Registers by DCRSR.REGSEL (0..18), plus CONTROL/FAULTMASK/BASEPRI/PRIMASK packed at 0x14. */
export const enum Reg {
  SP = 13,
  LR = 14,
  PC = 15,
  XPSR = 16,
  MSP = 17,
  PSP = 18,
  SPECIAL = 0x14,
}

/** The hook the instruction interpreter implements. */
export interface ExecutionEngine {
  /** Execute one instruction of `core` (C_STEP). */
  step(core: CortexM3): void;
  /** Execute up to `budget` instructions while the core runs; returns how many ran. */
  run?(core: CortexM3, budget: number): number;
}

export class CortexM3 {
  readonly r = new Uint32Array(16); // r0..r12, (sp slot unused), lr, pc
  msp = 0;
  psp = 0;
  xpsr = 0x01000000;
  primask = 0;
  faultmask = 0;
  basepri = 0;
  control = 0;

  halted = false;
  lockup = false;
  /** Asleep in WFI (DHCSR.S_SLEEP): running, but retiring nothing until an exception. */
  sleeping = false;
  /** System reset (SRST) held: the core neither runs nor halts. */
  inReset = false;
  /** No supply: nothing runs, halts or answers (Board.powerOff). */
  poweredOff = false;

  dhcsrCtrl = 0; // C_* bits
  private retireSticky = false;
  private resetSticky = false;
  dcrdr = 0;
  demcr = 0;
  dfsr = 0;
  engine: ExecutionEngine | undefined;
  /** Bumped by every core reset: a running engine must drop its view of the registers. */
  resetEpoch = 0;

  constructor(private readonly vectorBus: BusDevice) {}

  get running(): boolean {
    return !this.halted && !this.lockup && !this.inReset && !this.poweredOff;
  }

  // ---- DHCSR ----
  readDhcsr(): number {
    let v = this.dhcsrCtrl | S_REGRDY;
    if (this.halted) v |= S_HALT;
    if (this.lockup) v |= S_LOCKUP;
    if (this.sleeping && this.running) v |= S_SLEEP;
    if (this.retireSticky || (this.running && !this.sleeping)) v |= S_RETIRE_ST;
    if (this.resetSticky || this.inReset) v |= S_RESET_ST;
    this.retireSticky = false; // sticky bits clear on read
    this.resetSticky = false;
    return v >>> 0;
  }

  writeDhcsr(value: number): void {
    if ((value & 0xffff0000) >>> 0 !== DBGKEY) return; // writes without the key are ignored
    let ctrl = value & (C_DEBUGEN | C_HALT | C_STEP | C_MASKINTS | C_SNAPSTALL);
    if (!(ctrl & C_DEBUGEN)) ctrl = 0; // C_HALT/C_STEP/C_MASKINTS need C_DEBUGEN
    this.dhcsrCtrl = ctrl;
    if (this.inReset) return; // acted upon when reset is released
    if (ctrl & C_HALT) {
      if (!this.halted) this.enterDebug(DFSR_HALTED);
      return;
    }
    if (this.halted) this.leaveDebug(ctrl); // clearing C_HALT resumes (or steps)
  }

  /** A debug event from the executing core (BKPT, FPB match, vector catch). */
  debugHalt(reason: number): void {
    this.enterDebug(reason);
  }

  /** Unrecoverable fault (fault in HardFault, broken vector or stack). */
  enterLockup(): void {
    this.lockup = true;
  }

  private enterDebug(reason: number): void {
    this.halted = true;
    this.sleeping = false; // a halt request wakes a sleeping core into debug state
    this.lockup = false;
    this.dhcsrCtrl |= C_HALT;
    this.dfsr |= reason;
  }

  private leaveDebug(ctrl: number): void {
    if (ctrl & C_STEP) {
      this.engine?.step(this);
      this.retireSticky = true;
      this.dfsr |= DFSR_HALTED;
      this.dhcsrCtrl |= C_HALT; // the step ends back in debug state
      return;
    }
    this.halted = false;
  }

  // ---- DCRSR / DCRDR ----
  writeDcrsr(value: number): void {
    if (!this.halted) return; // only valid in debug state
    const sel = value & 0x7f;
    if (value & (1 << 16)) this.writeReg(sel, this.dcrdr);
    else this.dcrdr = this.readReg(sel);
  }

  private get spIsPsp(): boolean {
    return (this.control & 2) !== 0 && (this.xpsr & 0x1ff) === 0;
  }

  readReg(sel: number): number {
    if (sel <= 12 || sel === Reg.LR || sel === Reg.PC) return this.r[sel]!;
    switch (sel) {
      case Reg.SP: return this.spIsPsp ? this.psp : this.msp;
      case Reg.XPSR: return this.xpsr >>> 0;
      case Reg.MSP: return this.msp;
      case Reg.PSP: return this.psp;
      case Reg.SPECIAL:
        return ((this.control << 24) | (this.faultmask << 16) | (this.basepri << 8) | this.primask) >>> 0;
      default: return 0;
    }
  }

  writeReg(sel: number, v: number): void {
    v >>>= 0;
    if (sel <= 12 || sel === Reg.LR) this.r[sel] = v;
    else if (sel === Reg.PC) this.r[15] = v & ~1;
    else if (sel === Reg.SP) {
      if (this.spIsPsp) this.psp = (v & ~3) >>> 0;
      else this.msp = (v & ~3) >>> 0;
    } else if (sel === Reg.XPSR) this.xpsr = (v & XPSR_MASK) >>> 0;
    else if (sel === Reg.MSP) this.msp = (v & ~3) >>> 0;
    else if (sel === Reg.PSP) this.psp = (v & ~3) >>> 0;
    else if (sel === Reg.SPECIAL) {
      this.primask = v & 1;
      this.basepri = (v >>> 8) & 0xf0;
      this.faultmask = (v >>> 16) & 1;
      this.control = (v >>> 24) & 3;
    }
  }

  readDemcr(): number {
    return this.demcr;
  }
  writeDemcr(v: number): void {
    this.demcr = (v & DEMCR_MASK) >>> 0;
  }
  writeDfsr(v: number): void {
    this.dfsr &= ~v; // write one to clear
  }

  // ---- reset ----
  /** Hold (or release) the core in system reset. */
  setResetHeld(held: boolean): void {
    if (held) {
      this.resetEpoch++;
      this.inReset = true;
      // Cortex-M3 TRM (DHCSR): C_HALT "clears on core reset", C_STEP likewise. A core a
      // debugger had halted (or that halted itself on a BKPT) therefore runs after a system
      // reset; it halts on the reset vector only by DEMCR.VC_CORERESET (how OpenOCD's
      // `reset halt` asks for it) or by a halt request written while reset is held.
      this.dhcsrCtrl &= ~(C_HALT | C_STEP);
      this.halted = false;
      this.sleeping = false;
      this.lockup = false;
      this.resetSticky = true;
    } else if (this.inReset) {
      this.inReset = false;
      this.coreReset();
    }
  }

  /** Supply gone: execution stops and the debug logic loses its state. */
  powerOff(): void {
    this.setResetHeld(true);
    this.poweredOff = true;
    this.r.fill(0);
    this.xpsr = 0;
    this.msp = this.psp = 0;
  }

  /** Power-on reset (supply back): debug registers to their reset values too, then the
   *  core comes out of reset like after SRST (unless `holdInReset`). */
  powerOnReset(holdInReset: boolean): void {
    this.poweredOff = false;
    this.dhcsrCtrl = 0;
    this.demcr = 0;
    this.dfsr = 0;
    this.dcrdr = 0;
    this.setResetHeld(true);
    if (!holdInReset) this.setResetHeld(false);
  }

  /** AIRCR.VECTRESET: a local reset of the core alone. Like a system reset it clears
   *  C_HALT/C_STEP (and nothing else of the debug logic). */
  vectReset(): void {
    this.dhcsrCtrl &= ~(C_HALT | C_STEP);
    this.coreReset();
  }

  /** The core executed instructions (DHCSR.S_RETIRE_ST until the next DHCSR read). */
  noteRetired(): void {
    this.retireSticky = true;
  }

  /** The core leaves reset (the end of a system reset, or VECTRESET). Debug registers
   *  (DEMCR, DFSR, C_DEBUGEN, C_MASKINTS) and the FPB/DWT survive: only a power-on reset
   *  clears them (ARMv7-M C1.4.1). */
  coreReset(): void {
    this.resetEpoch++;
    this.resetSticky = true;
    this.halted = false;
    this.lockup = false;
    this.sleeping = false;
    this.primask = this.faultmask = this.basepri = this.control = 0;
    this.r[Reg.LR] = 0xffffffff;
    const sp = this.vectorBus.read(0, 4);
    const pc = this.vectorBus.read(4, 4);
    this.msp = sp === BUS_ERROR ? 0 : (sp & ~3) >>> 0;
    this.r[Reg.PC] = pc === BUS_ERROR ? 0 : pc & ~1;
    this.xpsr = pc !== BUS_ERROR && pc & 1 ? 0x01000000 : 0;
    // ARMv7-M C1.6: with DEMCR.VC_CORERESET the core halts on the reset vector as a
    // vector catch (DFSR.VCATCH). C_HALT can only be set here if the debugger wrote it
    // while reset was held (the reset itself cleared it): then it halts as a halt request.
    if (this.dhcsrCtrl & C_DEBUGEN && this.demcr & VC_CORERESET) {
      this.enterDebug(DFSR_VCATCH);
      return;
    }
    if (this.dhcsrCtrl & C_DEBUGEN && this.dhcsrCtrl & C_HALT) {
      this.enterDebug(DFSR_HALTED);
      return;
    }
    this.dhcsrCtrl &= ~(C_HALT | C_STEP);
    // An erased or broken vector table faults on the first fetch and again in HardFault:
    // the core locks up at 0xFFFFFFFE, like a blank chip does.
    if (pc === BUS_ERROR || !(pc & 1) || !isExecutable(pc & ~1)) {
      this.lockup = true;
      this.r[Reg.PC] = 0xfffffffe;
      this.xpsr = 0x01000003;
    }
  }
}

/** Code can run from flash (and its alias), system memory and SRAM. */
function isExecutable(addr: number): boolean {
  return (
    addr < 0x00010000 ||
    (addr >= 0x08000000 && addr < 0x08010000) ||
    (addr >= 0x1ffff000 && addr < 0x1ffff800) ||
    (addr >= 0x20000000 && addr < 0x20005000)
  );
}
