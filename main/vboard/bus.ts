// The system bus as the debugger's AHB-AP sees it. Reads return the value (unsigned) or
// BUS_ERROR; writes return false on a bus error. Size is 1, 2 or 4 bytes; the address is
// already aligned to the size by the caller (the AHB-AP).
export const BUS_ERROR = -1;

export interface BusDevice {
  read(addr: number, size: number): number;
  write(addr: number, size: number, value: number): boolean;
}

interface Region {
  start: number;
  end: number; // exclusive
  dev: BusDevice;
  /** An earlier region overlaps this one (RAZ/WI filler behind real peripherals): never cached,
   *  or an access after one in the filler would skip the peripheral mapped before it. */
  shadowed: boolean;
}

/** Address decoder: the first region containing the address answers; nothing else does. */
export class Bus implements BusDevice {
  private readonly regions: Region[] = [];
  private last: Region | undefined;

  map(start: number, size: number, dev: BusDevice): void {
    const end = start + size;
    const shadowed = this.regions.some((r) => r.start < end && start < r.end);
    this.regions.push({ start, end, dev, shadowed });
  }

  private find(addr: number): Region | undefined {
    const l = this.last;
    if (l && addr >= l.start && addr < l.end) return l;
    for (const r of this.regions) {
      if (addr >= r.start && addr < r.end) {
        this.last = r.shadowed ? undefined : r;
        return r;
      }
    }
    return undefined;
  }

  read(addr: number, size: number): number {
    const r = this.find(addr);
    return r ? r.dev.read(addr, size) : BUS_ERROR;
  }

  write(addr: number, size: number, value: number): boolean {
    const r = this.find(addr);
    return r ? r.dev.write(addr, size, value) : false;
  }
}

/** Little-endian read of `size` bytes from a byte array. */
export function readLE(mem: Uint8Array, off: number, size: number): number {
  if (size === 4) return (mem[off]! | (mem[off + 1]! << 8) | (mem[off + 2]! << 16) | (mem[off + 3]! << 24)) >>> 0;
  if (size === 2) return mem[off]! | (mem[off + 1]! << 8);
  return mem[off]!;
}

export function writeLE(mem: Uint8Array, off: number, size: number, value: number): void {
  mem[off] = value & 0xff;
  if (size >= 2) mem[off + 1] = (value >>> 8) & 0xff;
  if (size === 4) {
    mem[off + 2] = (value >>> 16) & 0xff;
    mem[off + 3] = (value >>> 24) & 0xff;
  }
}

/** Plain RAM. */
export class Ram implements BusDevice {
  readonly bytes: Uint8Array;
  constructor(
    private readonly base: number,
    size: number,
  ) {
    this.bytes = new Uint8Array(size);
  }
  read(addr: number, size: number): number {
    return readLE(this.bytes, addr - this.base, size);
  }
  write(addr: number, size: number, value: number): boolean {
    writeLE(this.bytes, addr - this.base, size, value);
    return true;
  }
}

/** Register block that reads as zero and ignores writes (reserved-but-decoded space). */
export const razWi: BusDevice = {
  read: () => 0,
  write: () => true,
};

/** Cortex-M3 bit-band alias: each word in the alias maps to one bit of the target region. */
export class BitBand implements BusDevice {
  constructor(
    private readonly aliasBase: number,
    private readonly targetBase: number,
    private readonly target: BusDevice,
  ) {}
  private locate(addr: number): [number, number] {
    const off = addr - this.aliasBase;
    return [this.targetBase + Math.floor(off / 32), Math.floor(off / 4) % 8];
  }
  read(addr: number): number {
    const [byteAddr, bit] = this.locate(addr);
    const v = this.target.read(byteAddr, 1);
    return v < 0 ? v : (v >> bit) & 1;
  }
  write(addr: number, _size: number, value: number): boolean {
    const [byteAddr, bit] = this.locate(addr);
    const v = this.target.read(byteAddr, 1);
    if (v < 0) return false;
    return this.target.write(byteAddr, 1, value & 1 ? v | (1 << bit) : v & ~(1 << bit));
  }
}
