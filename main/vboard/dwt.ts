// Cortex-M3 DWT (ARMv7-M C1.8): DWT_CTRL with NUMCOMP = 4 and four comparators
// (COMPn/MASKn/FUNCTIONn at 0x20 + 16n). Data address comparators with FUNCTION 5
// (read), 6 (write) or 7 (read or write) are what OpenOCD's `wp` programs; a match halts
// the core with DFSR.DWTTRAP after the access's instruction completes (see cpu/engine.ts)
// and sets FUNCTIONn.MATCHED, which a read of FUNCTIONn clears. DWT_CYCCNT counts the
// core's cycles while DWT_CTRL.CYCCNTENA is set (the check's clock step times it against
// the host clock). Other functions (PC sample, trace) are stored but do nothing.

const DWT_BASE = 0xe0001000;
const DWT_END = 0xe0001060;
const NUMCOMP = 4;
const FUNCTION_MATCHED = 1 << 24;
const CYCCNTENA = 1;

/** An armed data watchpoint: the byte range it covers and which accesses it catches. */
export interface Watchpoint {
  index: number;
  lo: number;
  /** Last byte covered (inclusive). */
  hi: number;
  onRead: boolean;
  onWrite: boolean;
}

export class Dwt {
  private readonly regs = new Uint32Array((DWT_END - DWT_BASE) / 4);
  private armed: readonly Watchpoint[] = [];
  /** Called with the armed watchpoints whenever they change (the CPU's memory listens). */
  onChange: (wps: readonly Watchpoint[]) => void = () => {};
  /** The core's cycle count (the engine's simulated cycles, paced to SYSCLK); set by the board. */
  cycles: () => number = () => 0;
  /** CYCCNT = cycBase + (cycles() - cycAt) while counting. */
  private cycBase = 0;
  private cycAt = 0;

  constructor() {
    this.reset();
  }

  static contains(addr: number): boolean {
    return addr >= DWT_BASE && addr < DWT_END;
  }

  /** Power-on reset: comparators disabled. */
  reset(): void {
    this.regs.fill(0);
    this.regs[0] = NUMCOMP << 28;
    this.update();
  }

  private get counting(): boolean {
    return (this.regs[0]! & CYCCNTENA) !== 0;
  }

  private cyccnt(): number {
    return this.counting ? (this.cycBase + (this.cycles() - this.cycAt)) >>> 0 : this.regs[1]!;
  }

  read(addr: number): number {
    const i = (addr - DWT_BASE) >> 2;
    if (i === 1) return this.cyccnt();
    const v = this.regs[i]!;
    if (this.isFunction(i)) this.regs[i] = v & ~FUNCTION_MATCHED; // MATCHED clears on read
    return v >>> 0;
  }

  write(addr: number, v: number): void {
    const i = (addr - DWT_BASE) >> 2;
    if (i === 0) {
      const was = this.counting;
      if (was) this.regs[1] = this.cyccnt();
      this.regs[0] = ((NUMCOMP << 28) | (v & 0x0fffffff)) >>> 0;
      if (this.counting) {
        this.cycBase = this.regs[1]!;
        this.cycAt = this.cycles();
      }
    } else if (i === 1) {
      this.regs[1] = v >>> 0;
      this.cycBase = v >>> 0;
      this.cycAt = this.cycles();
    } else if (this.isFunction(i)) this.regs[i] = (v & ~FUNCTION_MATCHED & 0x000f0fbf) | (this.regs[i]! & FUNCTION_MATCHED);
    else if (i >= 8 && (i & 3) === 1) this.regs[i] = v & 0x1f; // MASKn: bits 4:0
    else this.regs[i] = v;
    if (i >= 8) this.update();
  }

  /** A watchpoint matched: record it in FUNCTIONn.MATCHED. */
  matched(index: number): void {
    const i = 8 + index * 4 + 2;
    this.regs[i] = (this.regs[i]! | FUNCTION_MATCHED) >>> 0;
  }

  watchpoints(): readonly Watchpoint[] {
    return this.armed;
  }

  private isFunction(i: number): boolean {
    return i >= 8 && (i & 3) === 2;
  }

  private update(): void {
    const out: Watchpoint[] = [];
    for (let n = 0; n < NUMCOMP; n++) {
      const fn = this.regs[8 + n * 4 + 2]! & 0xf;
      if (fn < 5 || fn > 7) continue;
      // MASK ignores the low MASK bits of both the comparator and the address.
      const size = 2 ** Math.min(this.regs[8 + n * 4 + 1]!, 31);
      const lo = (this.regs[8 + n * 4]! & ~(size - 1)) >>> 0;
      out.push({ index: n, lo, hi: lo + size - 1, onRead: fn !== 6, onWrite: fn !== 5 });
    }
    this.armed = out;
    this.onChange(out);
  }
}
