// Cortex-M3 AHB-AP (ADIv5 MEM-AP, AP #0): CSW, TAR, DRW, BD0-3, CFG, BASE, IDR.
import { BUS_ERROR, type BusDevice } from './bus';
import { ROM_TABLE } from './ppb';

export const AHB_AP_IDR = 0x14770011;
const CSW_FIXED = 0x40; // DeviceEn: the AHB is always enabled
const CSW_WRITABLE = 0xff000037; // Prot, AddrInc (single/off only), Size

export class MemAp {
  private csw = 0x03000042; // 32-bit, no increment, HPROT1 | master debug
  private tar = 0;

  constructor(private readonly bus: BusDevice) {}

  reset(): void {
    this.csw = 0x03000042;
    this.tar = 0;
  }

  private get size(): number {
    const s = this.csw & 7;
    return s === 0 ? 1 : s === 1 ? 2 : 4;
  }

  /** Read AP register `reg` (byte offset 0x00..0xFC). Returns BUS_ERROR on a failed memory access. */
  read(reg: number): number {
    switch (reg) {
      case 0x00: return (this.csw | CSW_FIXED) >>> 0;
      case 0x04: return this.tar >>> 0;
      case 0x0c: return this.transfer(this.tar, true, 0, true);
      case 0x10: case 0x14: case 0x18: case 0x1c:
        return this.transfer(((this.tar & ~0xf) | (reg & 0xc)) >>> 0, true, 0, false);
      case 0xf4: return 0; // CFG: little endian, 32-bit address
      case 0xf8: return (ROM_TABLE | 3) >>> 0; // BASE: ROM table present, ADIv5 format
      case 0xfc: return AHB_AP_IDR;
      default: return 0;
    }
  }

  write(reg: number, value: number): boolean {
    switch (reg) {
      case 0x00: {
        // Packed increment (0b10) is not implemented on Cortex-M3: AddrInc keeps only bit 0.
        this.csw = (value & CSW_WRITABLE & ~0x20) >>> 0;
        return true;
      }
      case 0x04: this.tar = value >>> 0; return true;
      case 0x0c: return this.transfer(this.tar, false, value, true) !== BUS_ERROR;
      case 0x10: case 0x14: case 0x18: case 0x1c:
        return this.transfer(((this.tar & ~0xf) | (reg & 0xc)) >>> 0, false, value, false) !== BUS_ERROR;
      default: return true;
    }
  }

  /** The bus address a DRW/BDx access to `reg` would reach (undefined for other registers). */
  memoryAddress(reg: number): number | undefined {
    if (reg === 0x0c) return (this.tar & ~(this.size - 1)) >>> 0;
    if (reg >= 0x10 && reg <= 0x1c) return ((this.tar & ~0xf) | (reg & 0xc)) >>> 0;
    return undefined;
  }

  private transfer(addr: number, isRead: boolean, value: number, incr: boolean): number {
    const size = this.size;
    const a = (addr & ~(size - 1)) >>> 0;
    const lane = (a & 3) * 8;
    let result: number;
    if (isRead) {
      const v = this.bus.read(a, size);
      result = v === BUS_ERROR ? BUS_ERROR : size === 4 ? v : (v << lane) >>> 0;
    } else {
      const data = size === 4 ? value >>> 0 : (value >>> lane) & (size === 2 ? 0xffff : 0xff);
      result = this.bus.write(a, size, data) ? 0 : BUS_ERROR;
    }
    // TAR increments after a successful access, wrapping within 4 KB (Cortex-M3).
    if (incr && result !== BUS_ERROR && this.csw & 0x10) this.tar = ((this.tar & ~0xfff) | ((this.tar + size) & 0xfff)) >>> 0;
    return result;
  }
}
