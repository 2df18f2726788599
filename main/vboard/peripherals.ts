// The few STM32F103 peripherals OpenOCD, the flash driver and a blink program touch:
// RCC (clock enables, oscillator ready flags), GPIO ports (PC13 drives the Blue Pill LED)
// and the system memory block holding the flash size and unique ID.
import { readLE, type BusDevice } from './bus';

/** A block of 32-bit registers with reset values; sub-word accesses act on the word. */
abstract class RegisterBlock implements BusDevice {
  protected readonly regs: Uint32Array;
  constructor(
    protected readonly base: number,
    private readonly resetValues: readonly number[],
  ) {
    this.regs = new Uint32Array(resetValues.length);
    this.reset();
  }
  reset(): void {
    this.resetValues.forEach((v, i) => (this.regs[i] = v));
  }
  read(addr: number, size: number): number {
    const i = ((addr - this.base) >> 2) & 0xff;
    const w = i < this.regs.length ? this.readReg(i) : 0;
    const shift = (addr & 3) * 8;
    return size === 4 ? w : (w >>> shift) & (size === 2 ? 0xffff : 0xff);
  }
  write(addr: number, size: number, value: number): boolean {
    const i = ((addr - this.base) >> 2) & 0xff;
    if (i >= this.regs.length) return true;
    const shift = (addr & 3) * 8;
    const mask = size === 4 ? 0xffffffff : (size === 2 ? 0xffff : 0xff) << shift;
    this.writeReg(i, ((this.regs[i]! & ~mask) | ((value << shift) & mask)) >>> 0);
    return true;
  }
  protected readReg(i: number): number {
    return this.regs[i]!;
  }
  protected writeReg(i: number, v: number): void {
    this.regs[i] = v;
  }
}

export class Rcc extends RegisterBlock {
  constructor() {
    // CR, CFGR, CIR, APB2RSTR, APB1RSTR, AHBENR, APB2ENR, APB1ENR, BDCR, CSR
    super(0x40021000, [0x00000083, 0, 0, 0, 0, 0x14, 0, 0, 0, 0x0c000000]);
  }
  protected override writeReg(i: number, v: number): void {
    if (i === 0) {
      // Oscillators and the PLL lock instantly: READY follows ON.
      const hsi = v & 1 ? 2 : 0;
      const hse = v & (1 << 16) ? 1 << 17 : 0;
      const pll = v & (1 << 24) ? 1 << 25 : 0;
      v = (v & 0x010d00f9) | hsi | hse | pll;
    } else if (i === 1) v = (v & ~0xc) | ((v & 3) << 2); // SWS mirrors SW
    this.regs[i] = v >>> 0;
  }

  /** SYSCLK in Hz from CFGR: HSI or HSE (both 8 MHz on a Blue Pill) or the PLL
   *  ((HSI/2 or HSE, optionally /2) x PLLMUL). OpenOCD's reset-init sets 64 MHz. */
  sysclkHz(): number {
    const cfgr = this.regs[1]!;
    const sws = (cfgr >>> 2) & 3;
    if (sws !== 2) return 8_000_000;
    const mul = Math.min(((cfgr >>> 18) & 15) + 2, 16);
    const src = cfgr & (1 << 16) ? (cfgr & (1 << 17) ? 4_000_000 : 8_000_000) : 4_000_000;
    return src * mul;
  }
}

export class Gpio extends RegisterBlock {
  constructor(base: number) {
    // CRL, CRH, IDR, ODR, BSRR, BRR, LCKR
    super(base, [0x44444444, 0x44444444, 0, 0, 0, 0, 0]);
  }
  protected override readReg(i: number): number {
    if (i === 2) return this.regs[3]! & 0xffff; // IDR follows ODR (nothing else drives the pins)
    if (i === 4 || i === 5) return 0; // BSRR/BRR are write-only
    return this.regs[i]!;
  }
  /** Output changes per pin since power-on: what "the LED blinks" means to the board menu. */
  private readonly changes = new Array<number>(16).fill(0);
  protected override writeReg(i: number, v: number): void {
    const before = this.regs[3]!;
    if (i === 4) this.regs[3] = (this.regs[3]! | (v & 0xffff)) & ~(v >>> 16);
    else if (i === 5) this.regs[3] = this.regs[3]! & ~(v & 0xffff);
    else if (i !== 2) this.regs[i] = v;
    const diff = (before ^ this.regs[3]!) & 0xffff;
    for (let n = 0; diff >> n; n++) if ((diff >> n) & 1) this.changes[n]!++;
  }
  pin(n: number): boolean {
    return ((this.regs[3]! >> n) & 1) === 1;
  }
  /** How often pin n's output level changed (not reset by a system reset: a count of what happened). */
  toggles(n: number): number {
    return this.changes[n] ?? 0;
  }
}

/** System memory 0x1FFFF000-0x1FFFF7FF: the flash size register (0x1FFFF7E0, KiB), the
 *  96-bit unique ID (0x1FFFF7E8) and, below them, ST's bootloader ROM. The bootloader is
 *  ST's code and cannot ship here, and any stand-in pattern would be made-up data that
 *  looks real in a dump; so that range deliberately reads as zeros, and booting from
 *  system memory (BOOT0 = 1) is not modelled. OpenOCD's stm32f1x driver never reads it. */
export class SystemMemory implements BusDevice {
  private readonly bytes = new Uint8Array(0x800);
  constructor(flashKiB: number, uid: readonly number[]) {
    this.bytes[0x7e0] = flashKiB & 0xff;
    this.bytes[0x7e1] = flashKiB >> 8;
    uid.forEach((b, i) => (this.bytes[0x7e8 + i] = b));
  }
  read(addr: number, size: number): number {
    return readLE(this.bytes, addr - 0x1ffff000, size);
  }
  write(): boolean {
    return true; // ROM
  }
}
