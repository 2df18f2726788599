// Private peripheral bus 0xE0000000-0xE00FFFFF: SCS (with the halting-debug registers),
// FPB, DWT, ITM, TPIU, the ROM table, and STM32's DBGMCU. Every CoreSight component has
// the peripheral/component ID registers OpenOCD reads for `dap info`.
import type { BusDevice } from './bus';
import type { CortexM3 } from './cortex-m3';
import { Dwt } from './dwt';
import { FaultStatus } from './fault-status';
import { SYST_CALIB, SYST_CSR, type SysTick } from './systick';

export const ROM_TABLE = 0xe00ff000;
export const CPUID_CM3_R1P1 = 0x411fc231;
export const DBGMCU_IDCODE = 0x20036410; // STM32F10x medium density, REV_ID 0x2003 = revision Y

const AIRCR_VECTKEY = 0x05fa0000;
const ICSR = 0xe000ed04;
const ICSR_PENDSTSET = 1 << 26;
const ICSR_PENDSTCLR = 1 << 25;
const SHPR3 = 0xe000ed20;
const SYSTICK_EXC = 15;

interface Component {
  base: number;
  pid: readonly number[]; // PID0..PID4
  cid1: number; // component class in bits 7:4
  devtype?: number;
}

// ARM's JEP106 code 0x43B (continuation 4, 0x3B) -> PID1 high nibble 0xB, PID2 low bits 0x3 | JEDEC.
const COMPONENTS: readonly Component[] = [
  { base: 0xe000e000, pid: [0x00, 0xb0, 0x0b, 0x00, 0x04], cid1: 0xe0 }, // SCS
  { base: 0xe0001000, pid: [0x02, 0xb0, 0x3b, 0x00, 0x04], cid1: 0xe0 }, // DWT
  { base: 0xe0002000, pid: [0x03, 0xb0, 0x2b, 0x00, 0x04], cid1: 0xe0 }, // FPB
  { base: 0xe0000000, pid: [0x01, 0xb0, 0x3b, 0x00, 0x04], cid1: 0xe0 }, // ITM
  { base: 0xe0040000, pid: [0x23, 0xb9, 0x0b, 0x00, 0x04], cid1: 0x90, devtype: 0x11 }, // TPIU
  // ROM table: designed by ST (JEP106 0x20), part 0x410 like the STM32F1's own table.
  { base: ROM_TABLE, pid: [0x10, 0x04, 0x0a, 0x00, 0x00], cid1: 0x10 },
];

// ROM table entries: offset from the table, bit 0 = present, bit 1 = 32-bit format.
const ROM_ENTRIES = [0xfff0f003, 0xfff02003, 0xfff03003, 0xfff01003, 0xfff41003, 0];

export class Ppb implements BusDevice {
  private fpCtrlEnable = 0;
  private readonly fpComp = new Uint32Array(8);
  private fpRemap = 0;
  readonly dwt = new Dwt();
  /** CFSR/HFSR/BFAR/MMFAR, set by the engine's faults (fault-status.ts). */
  readonly faultStatus = new FaultStatus();
  private readonly scsRam = new Map<number, number>(); // plain RW SCS registers (VTOR, SHPR, ...)
  dbgmcuCr = 0;
  /** What DBGMCU_IDCODE reads (the wrong-part fault changes it). */
  dbgmcuIdcode = DBGMCU_IDCODE;
  /** Half-word addresses the FPB breaks on (undefined when none is armed), for the engine. */
  private fpbSet: Set<number> | undefined;

  constructor(
    private readonly core: CortexM3,
    private readonly systemReset: () => void,
    readonly sysTick: SysTick,
  ) {}

  private idRegister(addr: number): number | undefined {
    const off = addr & 0xfff;
    if (off < 0xfcc) return undefined;
    const comp = COMPONENTS.find((c) => (addr & ~0xfff) >>> 0 === c.base);
    if (!comp) return undefined;
    if (off === 0xfcc) return comp.devtype ?? (comp.base === ROM_TABLE ? 1 : 0); // DEVTYPE / ROM MEMTYPE
    if (off >= 0xfd0 && off < 0xfe0) return off === 0xfd0 ? comp.pid[4]! : 0; // PID4..PID7
    if (off >= 0xfe0 && off < 0xff0) return comp.pid[(off - 0xfe0) >> 2]!; // PID0..PID3
    return [0x0d, comp.cid1, 0x05, 0xb1][(off - 0xff0) >> 2]!; // CID0..CID3
  }

  read(addr: number, size: number): number {
    const word = this.readWord((addr & ~3) >>> 0);
    const shift = (addr & 3) * 8;
    return size === 4 ? word : (word >>> shift) & (size === 2 ? 0xffff : 0xff);
  }

  private readWord(addr: number): number {
    const id = this.idRegister(addr);
    if (id !== undefined) return id;
    const c = this.core;
    switch (addr) {
      case 0xe000edf0: return c.readDhcsr();
      case 0xe000edf4: return 0; // DCRSR is write-only
      case 0xe000edf8: return c.dcrdr;
      case 0xe000edfc: return c.readDemcr();
      case 0xe000ed00: return CPUID_CM3_R1P1;
      case ICSR: {
        // VECTACTIVE from the core's IPSR; SysTick is the only exception that can pend.
        const pend = this.sysTick.pending ? ICSR_PENDSTSET | (SYSTICK_EXC << 12) : 0;
        return (pend | (c.xpsr & 0x1ff)) >>> 0;
      }
      case 0xe000ed0c: return (0xfa050000 | ((this.scsRam.get(addr) ?? 0) & 0x700)) >>> 0;
      case 0xe000ed30: return c.dfsr;
      case 0xe0002000: return 0x260 | this.fpCtrlEnable; // NUM_CODE 6, NUM_LIT 2, rev 1
      case 0xe0002004: return this.fpRemap;
      case 0xe0042000: return this.dbgmcuIdcode;
      case 0xe0042004: return this.dbgmcuCr;
    }
    if (addr >= SYST_CSR && addr <= SYST_CALIB) return this.sysTick.read(addr);
    const fault = this.faultStatus.read(addr);
    if (fault !== undefined) return fault;
    if (addr >= 0xe0002008 && addr < 0xe0002028) return this.fpComp[(addr - 0xe0002008) >> 2]!;
    if (Dwt.contains(addr)) return this.dwt.read(addr);
    if (addr >= ROM_TABLE && addr < ROM_TABLE + ROM_ENTRIES.length * 4) return ROM_ENTRIES[(addr - ROM_TABLE) >> 2]! >>> 0;
    return this.scsRam.get(addr) ?? 0; // everything else on the PPB reads as zero
  }

  write(addr: number, size: number, value: number): boolean {
    if (size !== 4) {
      // Sub-word writes to PPB registers: merge into the word (DCRDR is written this way).
      const shift = (addr & 3) * 8;
      const mask = (size === 2 ? 0xffff : 0xff) << shift;
      const old = this.readWordNoSideEffects((addr & ~3) >>> 0);
      return this.write((addr & ~3) >>> 0, 4, ((old & ~mask) | ((value << shift) & mask)) >>> 0);
    }
    const c = this.core;
    const v = value >>> 0;
    switch (addr) {
      case 0xe000edf0: c.writeDhcsr(v); return true;
      case 0xe000edf4: c.writeDcrsr(v); return true;
      case 0xe000edf8: c.dcrdr = v; return true;
      case 0xe000edfc: c.writeDemcr(v); return true;
      case 0xe000ed30: c.writeDfsr(v); return true;
      case 0xe000ed0c: this.writeAircr(v); return true;
      case 0xe0002000: if (v & 2) this.fpCtrlEnable = v & 1; this.updateFpb(); return true; // KEY bit must be set
      case 0xe0002004: this.fpRemap = v & 0x1fffffe0; return true;
      case 0xe0042004: this.dbgmcuCr = v & 0x7ffff27; return true;
      case ICSR:
        if (v & ICSR_PENDSTSET) this.sysTick.pending = true;
        else if (v & ICSR_PENDSTCLR) this.sysTick.pending = false;
        this.sysTick.changed = true;
        return true;
    }
    if (addr >= SYST_CSR && addr < SYST_CALIB) {
      this.sysTick.write(addr, v);
      return true;
    }
    if (this.faultStatus.write(addr, v)) return true;
    if (addr >= 0xe0002008 && addr < 0xe0002028) {
      this.fpComp[(addr - 0xe0002008) >> 2] = v;
      this.updateFpb();
    } else if (Dwt.contains(addr)) this.dwt.write(addr, v);
    else if (addr >= 0xe000e000 && addr < 0xe000f000) this.scsRam.set(addr, v);
    return true;
  }

  /** FPB rev 1 (Cortex-M3): a code comparator matches COMP<28:2>, REPLACE picks the
   *  half-word(s): 01 lower, 10 upper, 11 both. The literal comparators (6, 7) never halt. */
  private updateFpb(): void {
    const set = new Set<number>();
    if (this.fpCtrlEnable) {
      for (let i = 0; i < 6; i++) {
        const c = this.fpComp[i]!;
        if (!(c & 1)) continue;
        const word = c & 0x1ffffffc;
        const replace = c >>> 30;
        if (replace & 1) set.add(word);
        if (replace & 2) set.add(word + 2);
      }
    }
    this.fpbSet = set.size ? set : undefined;
  }

  breakpoints(): ReadonlySet<number> | undefined {
    return this.fpbSet;
  }

  /** SysTick's priority from SHPR3 (the STM32F1 implements the top 4 bits). */
  sysTickPriority(): number {
    return ((this.scsRam.get(SHPR3) ?? 0) >>> 24) & 0xf0;
  }

  /** SCB->VTOR (TBLOFF bits; reset value 0). */
  vtor(): number {
    return (this.scsRam.get(0xe000ed08) ?? 0) & 0x3fffff80;
  }

  private readWordNoSideEffects(addr: number): number {
    return addr === 0xe000edf0 ? this.core.dhcsrCtrl : this.readWord(addr);
  }

  private writeAircr(v: number): void {
    if ((v & 0xffff0000) >>> 0 !== AIRCR_VECTKEY) return;
    this.scsRam.set(0xe000ed0c, v & 0x700); // PRIGROUP
    if (v & 4) this.systemReset(); // SYSRESETREQ: core and peripherals, not debug
    else if (v & 1) this.core.vectReset(); // VECTRESET: core only
  }

  /** Power-on reset: also the debug components (FPB, DWT) and DBGMCU_CR. */
  powerOnReset(): void {
    this.fpCtrlEnable = 0;
    this.fpComp.fill(0);
    this.fpRemap = 0;
    this.updateFpb();
    this.dwt.reset();
    this.dbgmcuCr = 0;
    this.reset();
  }

  /** System reset clears the SCS (not the debug registers, FPB or DWT). */
  reset(): void {
    this.scsRam.clear();
    this.faultStatus.reset();
    this.sysTick.reset();
  }
}
