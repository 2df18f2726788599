// The interpreter's working copy of the core: registers with r13 holding the ACTIVE stack
// pointer, the APSR flags as separate 0/1 numbers (cheaper than packing xPSR on every
// flag-setting instruction), ITSTATE, and the per-instruction outcome (next PC, fault,
// halt). Synced from/to CortexM3 around each run slice (see engine.ts).
import { BUS_ERROR, type BusDevice } from '../bus';
import type { Watchpoint } from '../dwt';
import { CFSR_INVSTATE } from '../fault-status';

/** The core's special registers the interpreter reads and writes (CortexM3 has them). */
export interface SysRegs {
  msp: number;
  psp: number;
  primask: number;
  faultmask: number;
  basepri: number;
  control: number;
}

export const FAULT_NONE = 0;
/** UNDEFINSTR, INVSTATE, UNALIGNED, DIVBYZERO: a UsageFault, escalated to HardFault. */
export const FAULT_USAGE = 1;
/** A bus error on a load, store or instruction fetch. */
export const FAULT_BUS = 2;
export type FaultKind = typeof FAULT_NONE | typeof FAULT_USAGE | typeof FAULT_BUS;

/** How an instruction asks the run loop to stop. */
export const STOP_NONE = 0;
export const STOP_BKPT = 1;
/** WFI: the core may sleep until an exception is pending (engine.ts). */
export const STOP_WFI = 2;

/** Memory as the CPU sees it: flash is read directly (read protection only blocks the
 *  debugger, not code running from flash), SRAM has a fast path, the rest goes to the bus. */
export class CpuMemory {
  /** Set by an access that got a bus error; the run loop turns it into a fault. */
  faulted = false;
  /** The address of the last access that faulted (BFAR). */
  faultAddr = 0;
  /** Stores executed (the idle-loop detector needs "no store in the loop"). */
  stores = 0;
  /** While set, the words loads touch are collected in `watched` (idle-loop detection). */
  watching = false;
  readonly watched = new Set<number>();
  /** DWT data watchpoints are armed: every load and store takes the checked (slow) path. */
  dwtArmed = false;
  /** The board's SRAM has defects (sram-stuck-bit, sram-address-short): data accesses to it
   *  go through the bus, where sram-faults.ts models them (instruction fetches do not). */
  sramViaBus = false;
  /** 1 + the index of the watchpoint the last access matched; 0 = none. */
  dwtHit = 0;
  private wps: readonly Watchpoint[] = [];

  /** Aligned views of SRAM and flash for the fast path (fast-path.ts): fetches and aligned
   *  loads in one typed-array read. Empty when the host is big-endian or a buffer is not
   *  word aligned; the fast path then always falls back to the byte-wise accessors. */
  readonly sram16: Uint16Array;
  readonly sram32: Uint32Array;
  readonly flash16: Uint16Array;
  readonly flash32: Uint32Array;

  constructor(
    private readonly bus: BusDevice,
    private readonly flash: Uint8Array,
    private readonly sram: Uint8Array,
    readonly sramBase: number,
  ) {
    const le = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    const ok = (a: Uint8Array): boolean => le && a.byteOffset % 4 === 0 && a.length % 4 === 0;
    this.sram16 = ok(sram) ? new Uint16Array(sram.buffer, sram.byteOffset, sram.length >> 1) : new Uint16Array(0);
    this.sram32 = ok(sram) ? new Uint32Array(sram.buffer, sram.byteOffset, sram.length >> 2) : new Uint32Array(0);
    this.flash16 = ok(flash) ? new Uint16Array(flash.buffer, flash.byteOffset, flash.length >> 1) : new Uint16Array(0);
    this.flash32 = ok(flash) ? new Uint32Array(flash.buffer, flash.byteOffset, flash.length >> 2) : new Uint32Array(0);
  }

  setWatchpoints(wps: readonly Watchpoint[]): void {
    this.wps = wps;
    this.dwtArmed = wps.length > 0;
  }

  /** Does an access of `size` bytes at `addr` hit an armed watchpoint? */
  private watch(addr: number, size: number, write: boolean): void {
    const end = addr + size - 1;
    for (const w of this.wps) {
      if ((write ? w.onWrite : w.onRead) && addr <= w.hi && end >= w.lo) {
        this.dwtHit = w.index + 1;
        return;
      }
    }
  }

  /** Offset of `addr` in flash (main array or its boot alias at 0), unbounded. */
  static flashOffset(addr: number): number {
    return addr < 0x08000000 ? addr : (addr - 0x08000000) >>> 0;
  }

  /** Byte array and offset backing `addr` for `size` bytes, or undefined for bus devices. */
  private direct(addr: number, size: number, write: boolean): Uint8Array | undefined {
    const s = (addr - this.sramBase) >>> 0;
    if (s + size <= this.sram.length && !this.sramViaBus) {
      this.off = s;
      return this.sram;
    }
    if (write) return undefined; // flash writes go through the FPEC
    const f = CpuMemory.flashOffset(addr);
    if (f + size <= this.flash.length) {
      this.off = f;
      return this.flash;
    }
    return undefined;
  }
  private off = 0;

  // ---- Fast-path accessors: SRAM and flash only, aligned, not while loads are being
  // watched. -1 (loads) / false (stores) means "not here": take the general path. ----
  fastLoad32(addr: number): number {
    if (this.dwtArmed || this.sramViaBus || this.watching || addr & 3) return -1;
    const s = (addr - this.sramBase) >>> 0;
    if (s < this.sram32.length * 4) return this.sram32[s >>> 2]!;
    const f = CpuMemory.flashOffset(addr);
    return f < this.flash32.length * 4 ? this.flash32[f >>> 2]! : -1;
  }

  fastLoad16(addr: number): number {
    if (this.dwtArmed || this.sramViaBus || this.watching || addr & 1) return -1;
    const s = (addr - this.sramBase) >>> 0;
    if (s < this.sram16.length * 2) return this.sram16[s >>> 1]!;
    const f = CpuMemory.flashOffset(addr);
    return f < this.flash16.length * 2 ? this.flash16[f >>> 1]! : -1;
  }

  fastLoad8(addr: number): number {
    if (this.dwtArmed || this.sramViaBus || this.watching) return -1;
    const s = (addr - this.sramBase) >>> 0;
    if (s < this.sram.length) return this.sram[s]!;
    const f = CpuMemory.flashOffset(addr);
    return f < this.flash.length ? this.flash[f]! : -1;
  }

  fastStore32(addr: number, v: number): boolean {
    if (this.dwtArmed || this.sramViaBus) return false;
    const s = (addr - this.sramBase) >>> 0;
    if (addr & 3 || s >= this.sram32.length * 4) return false;
    this.stores++;
    this.sram32[s >>> 2] = v;
    return true;
  }

  fastStore16(addr: number, v: number): boolean {
    if (this.dwtArmed || this.sramViaBus) return false;
    const s = (addr - this.sramBase) >>> 0;
    if (addr & 1 || s >= this.sram16.length * 2) return false;
    this.stores++;
    this.sram16[s >>> 1] = v;
    return true;
  }

  fastStore8(addr: number, v: number): boolean {
    if (this.dwtArmed || this.sramViaBus) return false;
    const s = (addr - this.sramBase) >>> 0;
    if (s >= this.sram.length) return false;
    this.stores++;
    this.sram[s] = v;
    return true;
  }

  read32(addr: number): number {
    if (this.dwtArmed) this.watch(addr >>> 0, 4, false);
    if (this.watching) this.watched.add((addr & ~3) >>> 0);
    const m = this.direct(addr, 4, false);
    if (m) {
      const o = this.off;
      return (m[o]! | (m[o + 1]! << 8) | (m[o + 2]! << 16) | (m[o + 3]! << 24)) >>> 0;
    }
    if (addr & 3) return (this.read16(addr) | (this.read16(addr + 2) << 16)) >>> 0;
    return this.busRead(addr, 4);
  }

  read16(addr: number): number {
    if (this.dwtArmed) this.watch(addr >>> 0, 2, false);
    if (this.watching) this.watched.add((addr & ~3) >>> 0);
    const m = this.direct(addr, 2, false);
    if (m) return m[this.off]! | (m[this.off + 1]! << 8);
    if (addr & 1) return this.read8(addr) | (this.read8(addr + 1) << 8);
    return this.busRead(addr, 2);
  }

  read8(addr: number): number {
    if (this.dwtArmed) this.watch(addr >>> 0, 1, false);
    if (this.watching) this.watched.add((addr & ~3) >>> 0);
    const m = this.direct(addr, 1, false);
    if (m) return m[this.off]!;
    return this.busRead(addr, 1);
  }

  write32(addr: number, v: number): void {
    if (this.dwtArmed) this.watch(addr >>> 0, 4, true);
    this.stores++;
    const m = this.direct(addr, 4, true);
    if (m) {
      const o = this.off;
      m[o] = v;
      m[o + 1] = v >>> 8;
      m[o + 2] = v >>> 16;
      m[o + 3] = v >>> 24;
    } else if (addr & 3) {
      this.write16(addr, v & 0xffff);
      this.write16(addr + 2, v >>> 16);
    } else this.busWrite(addr, 4, v >>> 0);
  }

  write16(addr: number, v: number): void {
    if (this.dwtArmed) this.watch(addr >>> 0, 2, true);
    this.stores++;
    const m = this.direct(addr, 2, true);
    if (m) {
      m[this.off] = v;
      m[this.off + 1] = v >>> 8;
    } else if (addr & 1) {
      this.write8(addr, v & 0xff);
      this.write8(addr + 1, (v >>> 8) & 0xff);
    } else this.busWrite(addr, 2, v & 0xffff);
  }

  write8(addr: number, v: number): void {
    if (this.dwtArmed) this.watch(addr >>> 0, 1, true);
    this.stores++;
    const m = this.direct(addr, 1, true);
    if (m) m[this.off] = v;
    else this.busWrite(addr, 1, v & 0xff);
  }

  private busRead(addr: number, size: number): number {
    const v = this.bus.read(addr >>> 0, size);
    if (v === BUS_ERROR) {
      this.faulted = true;
      this.faultAddr = addr >>> 0;
      return 0;
    }
    return v;
  }

  private busWrite(addr: number, size: number, v: number): void {
    if (!this.bus.write(addr >>> 0, size, v)) {
      this.faulted = true;
      this.faultAddr = addr >>> 0;
    }
  }
}

export class CpuState {
  /** r0-r12, active SP, LR, PC (address of the instruction being executed). */
  readonly r: Uint32Array;
  n = 0;
  z = 0;
  c = 0;
  v = 0;
  /** Shifter / immediate-expansion carry out of the last shiftC or thumbExpandImm. */
  sc = 0;
  /** ITSTATE<7:0>: firstcond:mask; 0 outside an IT block. */
  it = 0;
  /** Set by the IT instruction so the run loop does not advance ITSTATE past it. */
  itJustSet = false;
  /** Address of the next instruction; instructions that branch overwrite it. */
  next = 0;
  fault: FaultKind = FAULT_NONE;
  /** With FAULT_USAGE: CFSR_INVSTATE when the fault is an interworking one (else UNDEFINSTR). */
  usageCause = 0;
  stop = STOP_NONE;
  /** Exclusive monitor for LDREX/STREX (single core: open/closed is enough). */
  exclusive = false;

  /** Sticky saturation flag (APSR.Q): kept so MSR/MRS round-trip it. */
  q = 0;

  constructor(
    r: Uint32Array,
    readonly mem: CpuMemory,
    readonly sys: SysRegs,
  ) {
    this.r = r;
  }

  /** Flags N and Z from a 32-bit result. */
  nz(res: number): void {
    this.n = res >>> 31;
    this.z = res === 0 ? 1 : 0;
  }

  /** ConditionPassed for a 4-bit condition code. */
  cond(c: number): boolean {
    switch (c) {
      case 0: return this.z === 1;
      case 1: return this.z === 0;
      case 2: return this.c === 1;
      case 3: return this.c === 0;
      case 4: return this.n === 1;
      case 5: return this.n === 0;
      case 6: return this.v === 1;
      case 7: return this.v === 0;
      case 8: return this.c === 1 && this.z === 0;
      case 9: return this.c === 0 || this.z === 1;
      case 10: return this.n === this.v;
      case 11: return this.n !== this.v;
      case 12: return this.z === 0 && this.n === this.v;
      case 13: return this.z === 1 || this.n !== this.v;
      default: return true;
    }
  }

  /** Value of register `i` as an operand: PC reads as the instruction address + 4. */
  reg(i: number): number {
    return i === 15 ? (this.r[15]! + 4) >>> 0 : this.r[i]!;
  }

  /** BranchWritePC / ALUWritePC: no interworking, bit 0 ignored. */
  branch(addr: number): void {
    this.next = (addr & ~1) >>> 0;
  }

  /** BXWritePC / LoadWritePC: interworking branch; EXC_RETURN in handler mode is resolved
   *  by the engine after the instruction (see exceptionReturnPending). */
  bxWrite(addr: number): void {
    addr >>>= 0;
    if (this.ipsr !== 0 && addr >>> 28 === 0xf) {
      this.excReturn = addr;
      this.next = addr;
      return;
    }
    if (!(addr & 1)) {
      this.fault = FAULT_USAGE; // INVSTATE: EPSR.T would be cleared
      this.usageCause = CFSR_INVSTATE;
    }
    this.next = (addr & ~1) >>> 0;
  }

  /** True when the active stack pointer is the PSP (thread mode with CONTROL.SPSEL). */
  get onPsp(): boolean {
    return this.ipsr === 0 && (this.sys.control & 2) !== 0;
  }

  /** IPSR (exception number); 0 = thread mode. */
  ipsr = 0;
  /** An EXC_RETURN value written to the PC in handler mode, handled after the instruction. */
  excReturn = 0;
}
