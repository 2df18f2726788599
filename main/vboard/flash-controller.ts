// STM32F1 flash memory interface (FPEC, RM0008 section 3 / PM0075): the 64 KB main array,
// the option bytes, and the registers at 0x40022000 that program and erase them.
import { BUS_ERROR, readLE, type BusDevice } from './bus';

export const FLASH_BASE = 0x08000000;
export const FLASH_SIZE = 64 * 1024;
export const PAGE_SIZE = 1024;
export const OPTION_BASE = 0x1ffff800;
export const OPTION_SIZE = 16;
export const RDP_UNPROTECTED = 0xa5;

const PROGRAM_BUSY_SCANS = 24;
const ERASE_BUSY_SCANS = 100;
const KEY1 = 0x45670123;
const KEY2 = 0xcdef89ab;

// FLASH_SR / FLASH_CR bits
export const SR_BSY = 1 << 0;
export const SR_PGERR = 1 << 2;
export const SR_WRPRTERR = 1 << 4;
export const SR_EOP = 1 << 5;
export const CR_PG = 1 << 0;
export const CR_PER = 1 << 1;
export const CR_MER = 1 << 2;
export const CR_OPTPG = 1 << 4;
export const CR_OPTER = 1 << 5;
export const CR_STRT = 1 << 6;
export const CR_LOCK = 1 << 7;
export const CR_OPTWRE = 1 << 9;
const CR_WRITABLE = CR_PG | CR_PER | CR_MER | CR_OPTPG | CR_OPTER | CR_LOCK | CR_OPTWRE | (1 << 10) | (1 << 12);

/** The non-volatile contents: what a --flash-file keeps. */
export class FlashStorage {
  readonly main = new Uint8Array(FLASH_SIZE).fill(0xff);
  /** Raw option bytes as stored: 8 half-words, each value | ~value << 8 when programmed. */
  readonly options = new Uint8Array(OPTION_SIZE).fill(0xff);
  onChange: () => void = () => {};
  /** Half-words programmed into the main array (a counter for stats and tests). */
  programmed = 0;

  optionByte(i: number): number {
    return this.options[i * 2]!;
  }
  /** Program an option byte with its complement, as the FPEC does. */
  setOptionByte(i: number, value: number): void {
    this.options[i * 2] = value & 0xff;
    this.options[i * 2 + 1] = ~value & 0xff;
  }
  /** Factory state: unprotected, all user options at their defaults. */
  setFactoryOptions(): void {
    this.setOptionByte(0, RDP_UNPROTECTED);
    this.setOptionByte(1, 0xff);
    this.setOptionByte(2, 0xff);
    this.setOptionByte(3, 0xff);
    for (let i = 4; i < 8; i++) this.setOptionByte(i, 0xff);
  }
}

/** Values the FPEC latches from the option bytes at each system reset (FLASH_OBR, FLASH_WRPR). */
interface LoadedOptions {
  obr: number;
  wrpr: number;
}

export class FlashController {
  private sr = 0;
  private cr = CR_LOCK;
  private ar = 0;
  private acr = 0x30;
  private keyStage = 0; // 0: locked, 1: KEY1 seen, 2: unlocked
  private optKeyStage = 0;
  /** A wrong key locks the FPEC until the next reset. */
  private lockedUp = false;
  private loaded: LoadedOptions = { obr: 0, wrpr: 0xffffffff };
  /** Program/erase operations started (each half-word, page, mass or option erase). */
  operations = 0;
  private lastWasErase = false;
  /** DAP scans for which the FPEC still reads BSY and the flash array stalls the AHB
   *  (debugger-started operations only; see markBusy). */
  busyScans = 0;

  /** Pages that do not take programming (the flash-bad-sector fault); set by the board. */
  badPage: (page: number) => boolean = () => false;

  constructor(readonly storage: FlashStorage) {
    this.loadOptions();
  }

  /** System reset: registers to reset values and option bytes reloaded (RM0008 2.5). */
  systemReset(): void {
    this.sr = 0;
    this.cr = CR_LOCK;
    this.ar = 0;
    this.acr = 0x30;
    this.keyStage = 0;
    this.optKeyStage = 0;
    this.lockedUp = false;
    this.busyScans = 0;
    this.loadOptions();
  }

  /** The debugger just started an operation (a half-word write with PG, or STRT): the
   *  FPEC stays busy for a few DAP scans, during which an AHB access to the flash array
   *  or option bytes stalls (the JTAG-DP answers WAIT) and FLASH_SR reads BSY. A real
   *  half-word takes ~52 us and a page erase ~20 ms; scans stand in for time so the
   *  model is deterministic. Operations the core runs (OpenOCD's flash loader) complete
   *  at once: the loader's BSY poll needs no simulated flash timing. */
  markBusy(): void {
    this.busyScans = this.lastWasErase ? ERASE_BUSY_SCANS : PROGRAM_BUSY_SCANS;
  }

  /** One DPACC/APACC scan has passed. */
  scanTick(): void {
    if (this.busyScans > 0) this.busyScans--;
  }

  loadOptions(): void {
    const s = this.storage;
    const rdp = s.optionByte(0);
    let optErr = 0;
    for (let i = 0; i < 8; i++) {
      const lo = s.options[i * 2]!;
      const hi = s.options[i * 2 + 1]!;
      if ((lo ^ hi) !== 0xff && !(lo === 0xff && hi === 0xff)) optErr = 1;
    }
    const rdprt = rdp === RDP_UNPROTECTED ? 0 : 1;
    const user = s.optionByte(1) & 0xff;
    const data = s.optionByte(2) | (s.optionByte(3) << 8);
    this.loaded = {
      obr: (optErr | (rdprt << 1) | (user << 2) | (data << 10)) >>> 0,
      wrpr: (s.optionByte(4) | (s.optionByte(5) << 8) | (s.optionByte(6) << 16) | (s.optionByte(7) << 24)) >>> 0,
    };
  }

  get readProtected(): boolean {
    return (this.loaded.obr & 2) !== 0;
  }

  /** A page is write protected when its WRPR bit (one per 4 pages) is 0. */
  private pageProtected(page: number): boolean {
    const bit = Math.min(Math.floor(page / 4), 31);
    return ((this.loaded.wrpr >>> bit) & 1) === 0;
  }

  private get unlocked(): boolean {
    return (this.cr & CR_LOCK) === 0;
  }

  // ---- main array as seen on the bus (0x08000000 and its alias at 0) ----
  readonly array: BusDevice = {
    read: (addr, size) => {
      // Read protection blocks every debugger access to the main array.
      if (this.readProtected) return BUS_ERROR;
      return readLE(this.storage.main, addr & (FLASH_SIZE - 1), size);
    },
    write: (addr, size, value) => this.programMain(addr & (FLASH_SIZE - 1), size, value),
  };

  private programMain(off: number, size: number, value: number): boolean {
    if (!(this.cr & CR_PG)) return true; // writes without PG are ignored
    if (size !== 2) return false; // the FPEC only accepts half-words: bus error otherwise
    if (this.readProtected || this.pageProtected(Math.floor(off / PAGE_SIZE))) {
      this.sr |= SR_WRPRTERR;
      return true;
    }
    const cur = readLE(this.storage.main, off, 2);
    const v = value & 0xffff;
    // A worn-out page (fault flash-bad-sector): the FPEC reports success but the cells
    // keep their charge, so only a read-back (verify) shows it, as on real parts.
    if (this.badPage(Math.floor(off / PAGE_SIZE))) {
      this.operations++;
      this.sr |= SR_EOP;
      return true;
    }
    // Only erased cells may be programmed; writing 0x0000 is always allowed (RM0008 3.3.3).
    if (cur !== 0xffff && v !== 0) {
      this.sr |= SR_PGERR;
      return true;
    }
    this.storage.main[off] = v & 0xff;
    this.storage.main[off + 1] = v >> 8;
    this.storage.programmed++;
    this.operations++;
    this.lastWasErase = false;
    this.sr |= SR_EOP;
    this.storage.onChange();
    return true;
  }

  // ---- option bytes at 0x1FFFF800 ----
  readonly optionBytes: BusDevice = {
    read: (addr, size) => readLE(this.storage.options, addr - 0x1ffff800, size),
    write: (addr, size, value) => {
      if (!(this.cr & CR_OPTPG) || !(this.cr & CR_OPTWRE)) return true;
      if (size !== 2) return false;
      const idx = (addr - 0x1ffff800) >> 1;
      const cur = readLE(this.storage.options, idx * 2, 2);
      if (cur !== 0xffff) {
        this.sr |= SR_PGERR;
        return true;
      }
      this.storage.setOptionByte(idx, value & 0xff);
      this.operations++;
      this.lastWasErase = false;
      this.sr |= SR_EOP;
      this.storage.onChange();
      return true;
    },
  };

  // ---- FPEC registers at 0x40022000 ----
  // 32-bit registers on the AHB: a byte or half-word read returns its lane of the word
  // (`mdb 0x40022010 4` reads CR as 80 00 00 00, not 80 80 80 80).
  readonly registers: BusDevice = {
    read: (addr, size) => {
      const word = this.readRegister(addr);
      if (size === 4) return word;
      const shift = (addr & 3) * 8;
      return (word >>> shift) & (size === 2 ? 0xffff : 0xff);
    },
    write: (addr, size, value) => {
      // A sub-word write lands in its byte lane(s), merged with the register's current
      // value (the keys and CR's STRT only act when the whole word says so).
      let v = value >>> 0;
      if (size !== 4) {
        const shift = (addr & 3) * 8;
        const mask = ((size === 2 ? 0xffff : 0xff) << shift) >>> 0;
        const off = (addr - 0x40022000) & ~3;
        // Write-only/action registers (KEYR, OPTKEYR, and SR's write-one-to-clear bits)
        // see zeros outside the written lanes.
        const old = off === 0x04 || off === 0x08 || off === 0x0c ? 0 : this.readRegister(addr);
        v = ((old & ~mask) | ((value << shift) & mask)) >>> 0;
      }
      switch ((addr - 0x40022000) & ~3) {
        case 0x00: this.acr = v & 0x3f; return true;
        case 0x04: return this.writeKey(v);
        case 0x08: return this.writeOptKey(v);
        case 0x0c: this.sr &= ~(v & (SR_PGERR | SR_WRPRTERR | SR_EOP)); return true;
        case 0x10: this.writeCr(v); return true;
        case 0x14: if (this.unlocked) this.ar = v; return true;
        default: return true;
      }
    },
  };

  private readRegister(addr: number): number {
    switch ((addr - 0x40022000) & ~3) {
      case 0x00: return this.acr;
      case 0x0c: return this.sr | (this.busyScans > 0 ? SR_BSY : 0);
      case 0x10: return this.cr;
      case 0x14: return this.ar;
      case 0x1c: return this.loaded.obr;
      case 0x20: return this.loaded.wrpr;
      default: return 0;
    }
  }

  private writeKey(v: number): boolean {
    if (this.lockedUp) return false;
    if (this.unlocked) return true;
    if (this.keyStage === 0 && v === KEY1) this.keyStage = 1;
    else if (this.keyStage === 1 && v === KEY2) {
      this.keyStage = 2;
      this.cr &= ~CR_LOCK;
    } else {
      // Wrong sequence: FPEC and FLASH_CR locked until the next reset, with a bus error.
      this.lockedUp = true;
      this.keyStage = 0;
      return false;
    }
    return true;
  }

  private writeOptKey(v: number): boolean {
    if (!this.unlocked) return true;
    if (this.optKeyStage === 0 && v === KEY1) this.optKeyStage = 1;
    else if (this.optKeyStage === 1 && v === KEY2) {
      this.optKeyStage = 0;
      this.cr |= CR_OPTWRE;
    } else this.optKeyStage = 0;
    return true;
  }

  private writeCr(v: number): void {
    if (!this.unlocked) return; // only reset (or the key sequence) leaves LOCK
    // OPTWRE is set by hardware only; software can clear it.
    const optwre = this.cr & CR_OPTWRE & v;
    this.cr = (v & CR_WRITABLE & ~CR_OPTWRE) | optwre;
    if (v & CR_LOCK) {
      this.cr = CR_LOCK;
      this.keyStage = 0;
      this.optKeyStage = 0;
      return;
    }
    if (v & CR_STRT) this.start();
  }

  private start(): void {
    const st = this.storage;
    if (this.cr & CR_PER) {
      const off = (this.ar - FLASH_BASE) >>> 0;
      if (off >= FLASH_SIZE) return;
      const page = Math.floor(off / PAGE_SIZE);
      if (this.readProtected || this.pageProtected(page)) {
        this.sr |= SR_WRPRTERR;
        return;
      }
      st.main.fill(0xff, page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    } else if (this.cr & CR_MER) {
      // Refused while any page is write protected.
      if (this.loaded.wrpr !== 0xffffffff) {
        this.sr |= SR_WRPRTERR;
        return;
      }
      st.main.fill(0xff);
    } else if (this.cr & CR_OPTER) {
      if (!(this.cr & CR_OPTWRE)) return;
      // Leaving read protection erases the main array first (RM0008 2.4.1).
      if (this.readProtected) st.main.fill(0xff);
      st.options.fill(0xff);
    } else return;
    this.operations++;
    this.lastWasErase = true;
    this.sr |= SR_EOP;
    st.onChange();
  }
}
