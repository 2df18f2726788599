// SysTick (ARMv7-M B3.3): the 24-bit down-counter at 0xE000E010 and its exception (15).
// It counts simulated core cycles (the engine's `cycles`, which stop while the core is
// halted, as the counter does in debug state), processor clock or the STM32's HCLK/8
// reference (CLKSOURCE = 0). Nothing ticks per cycle: the counter is derived from the
// cycle at which it next reaches zero, so the engine can run (or a sleeping core can skip)
// straight to that cycle.
export const SYST_CSR = 0xe000e010;
export const SYST_RVR = 0xe000e014;
export const SYST_CVR = 0xe000e018;
export const SYST_CALIB = 0xe000e01c;
/** STM32F1: 9000 reference ticks per 10 ms (72 MHz / 8); the reference clock exists. */
const CALIB = 0x00002328;

const CSR_ENABLE = 1 << 0;
const CSR_TICKINT = 1 << 1;
const CSR_CLKSOURCE = 1 << 2;
const CSR_COUNTFLAG = 1 << 16;

export class SysTick {
  private csr = 0;
  private reload = 0;
  /** Counter value while disabled. */
  private held = 0;
  /** Cycle at which the counter next reaches 0 (while enabled). */
  private zeroAt = 0;
  private countFlag = false;
  /** The exception is pending (set on reaching zero with TICKINT, or ICSR.PENDSTSET). */
  pending = false;
  /** Set by register writes that can move the next event; the engine re-plans and clears it. */
  changed = false;

  constructor(private readonly now: () => number) {}

  private get enabled(): boolean {
    return (this.csr & CSR_ENABLE) !== 0;
  }

  private get div(): number {
    return this.csr & CSR_CLKSOURCE ? 1 : 8;
  }

  private get period(): number {
    return (this.reload + 1) * this.div;
  }

  /** Bring the counter up to `now`: each time it reached zero sets COUNTFLAG (and pends the
   *  exception with TICKINT). */
  advance(now: number): void {
    if (!this.enabled || this.reload === 0 || now < this.zeroAt) return;
    const p = this.period;
    this.zeroAt += (Math.floor((now - this.zeroAt) / p) + 1) * p;
    this.countFlag = true;
    if (this.csr & CSR_TICKINT) this.pending = true;
  }

  /** Cycles from `now` until the counter next reaches zero; Infinity when it never will. */
  untilEvent(now: number): number {
    if (!this.enabled || this.reload === 0) return Infinity;
    return Math.max(0, this.zeroAt - now);
  }

  private value(now: number): number {
    if (!this.enabled) return this.held;
    this.advance(now);
    return Math.floor((this.zeroAt - now) / this.div) % (this.reload + 1);
  }

  read(addr: number): number {
    const now = this.now();
    switch (addr) {
      case SYST_CSR: {
        this.advance(now);
        const v = this.csr | (this.countFlag ? CSR_COUNTFLAG : 0);
        this.countFlag = false; // COUNTFLAG clears on read
        return v;
      }
      case SYST_RVR: return this.reload;
      case SYST_CVR: return this.value(now);
      default: return CALIB;
    }
  }

  write(addr: number, v: number): void {
    const now = this.now();
    this.changed = true;
    switch (addr) {
      case SYST_CSR: {
        const was = this.enabled;
        this.advance(now);
        if (was && !(v & CSR_ENABLE)) this.held = this.value(now);
        this.csr = v & (CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE);
        // From 0 the counter loads RVR on the next tick, then counts RVR ticks down to 0.
        if (!was && this.enabled) this.zeroAt = now + (this.held === 0 ? this.period : this.held * this.div);
        return;
      }
      case SYST_RVR: this.reload = v & 0xffffff; return;
      case SYST_CVR:
        // Any write clears the counter (and COUNTFLAG); it reloads on the next tick.
        this.countFlag = false;
        this.held = 0;
        if (this.enabled) this.zeroAt = now + this.period;
        return;
    }
  }

  reset(): void {
    this.csr = this.reload = this.held = this.zeroAt = 0;
    this.countFlag = this.pending = false;
    this.changed = true;
  }
}
