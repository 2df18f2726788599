// SRAM as the debugger's bus sees it, with the board's RAM defects: stuck bits and two
// bridged address lines. Only the debug port's path goes through here; the core's own
// fast path reads the array directly (cpu/state.ts), so firmware keeps running while the
// check's RAM test, which runs over the debug port, finds the defect.
import type { BusDevice, Ram } from './bus';
import type { FaultSet } from './faults';

export class SramWithFaults implements BusDevice {
  constructor(
    private readonly ram: Ram,
    private readonly base: number,
    private readonly faults: () => FaultSet,
  ) {}

  /** A wired-AND bridge between address lines a and b: both see (a AND b). */
  private decode(addr: number, f: FaultSet): number {
    if (!f.sramAddressShort) return addr;
    const [a, b] = f.sramAddressShort;
    const off = addr - this.base;
    const mask = (1 << a) | (1 << b);
    const both = (off >> a) & (off >> b) & 1;
    return this.base + ((off & ~mask) | (both ? mask : 0));
  }

  read(addr: number, size: number): number {
    const f = this.faults();
    if (!f.sramAddressShort && f.sramStuckBits.length === 0) return this.ram.read(addr, size);
    const at = this.decode(addr, f);
    let v = this.ram.read(at, size);
    for (const s of f.sramStuckBits) {
      const lane = s.address - at;
      if (lane < 0 || lane >= size) continue;
      const bit = 1 << (lane * 8 + s.bit);
      v = s.value ? v | bit : v & ~bit;
    }
    return v >>> 0;
  }

  write(addr: number, size: number, value: number): boolean {
    return this.ram.write(this.decode(addr, this.faults()), size, value);
  }
}
