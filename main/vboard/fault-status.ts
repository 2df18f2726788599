// The Cortex-M3 fault status registers a HardFault handler (and a debugger) reads to
// learn why the core faulted (ARMv7-M B3.2.15-B3.2.18): CFSR (MMFSR | BFSR << 8 |
// UFSR << 16) and HFSR are write-one-to-clear; BFAR/MMFAR hold the faulting address while
// BFSR.BFARVALID / MMFSR.MMARVALID say so. On this chip every configurable fault is
// disabled (SHCSR reset state), so each one escalates: HFSR.FORCED is set with it.
export const CFSR = 0xe000ed28;
export const HFSR = 0xe000ed2c;
export const MMFAR = 0xe000ed34;
export const BFAR = 0xe000ed38;

export const CFSR_IBUSERR = 1 << 8;
export const CFSR_PRECISERR = 1 << 9;
export const CFSR_BFARVALID = 1 << 15;
export const CFSR_UNDEFINSTR = 1 << 16;
export const CFSR_INVSTATE = 1 << 17;
export const CFSR_INVPC = 1 << 18;
export const HFSR_VECTTBL = 1 << 1;
export const HFSR_FORCED = 1 << 30;
export const HFSR_DEBUGEVT = 1 << 31;

/** Why the engine took a fault, as the status bits it sets. */
export interface FaultCause {
  /** CFSR bits (0 for a fault that is not a configurable one, e.g. BKPT: DEBUGEVT). */
  cfsr: number;
  hfsr: number;
  /** The data address for a precise bus fault (BFAR). */
  bfar?: number;
}

export class FaultStatus {
  cfsr = 0;
  hfsr = 0;
  bfar = 0;
  mmfar = 0;

  record(cause: FaultCause): void {
    this.cfsr = (this.cfsr | cause.cfsr) >>> 0;
    this.hfsr = (this.hfsr | cause.hfsr) >>> 0;
    if (cause.bfar !== undefined) this.bfar = cause.bfar >>> 0;
  }

  /** The register at `addr`, or undefined when it is not one of these. */
  read(addr: number): number | undefined {
    switch (addr) {
      case CFSR: return this.cfsr;
      case HFSR: return this.hfsr;
      case MMFAR: return this.mmfar;
      case BFAR: return this.bfar;
    }
    return undefined;
  }

  /** True when `addr` is one of these (handled). CFSR and HFSR: write one to clear. */
  write(addr: number, v: number): boolean {
    switch (addr) {
      case CFSR: this.cfsr = (this.cfsr & ~v) >>> 0; return true;
      case HFSR: this.hfsr = (this.hfsr & ~v) >>> 0; return true;
      case MMFAR: this.mmfar = v >>> 0; return true;
      case BFAR: this.bfar = v >>> 0; return true;
    }
    return false;
  }

  reset(): void {
    this.cfsr = this.hfsr = this.bfar = this.mmfar = 0;
  }
}
