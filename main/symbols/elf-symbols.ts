// ELF symbol tables (.symtab + its string table) of 32-bit little-endian firmware, as
// the names the workbench shows for addresses (PC as `main+0x12`) and takes for them
// (go-to `ticks`). Hand-written rather than a library: the npm ELF readers found
// (elfy 1.0.0, elfinfo 0.4.0-beta, elf-tools) are unmaintained or beta and none reads
// DWARF either, while the symbol table is two fixed-size record arrays; main/images/elf.ts
// already validates the header the same way for flashing.
import { isElf } from '../images/elf';

export interface ElfSymbol {
  name: string;
  /** Start address; for Thumb functions without the interworking bit 0. */
  address: number;
  /** Bytes (0 when the object file did not say). */
  size: number;
  kind: 'function' | 'object';
}

export interface SymbolHit {
  symbol: ElfSymbol;
  offset: number;
}

const SHT_SYMTAB = 2;
const STT_OBJECT = 1;
const STT_FUNC = 2;
const SHN_UNDEF = 0;
const SHN_ABS = 0xfff1;

/** Functions and data objects from the file's .symtab, sorted by address. */
export function readElfSymbols(bytes: Uint8Array): ElfSymbol[] {
  if (!isElf(bytes) || bytes.length < 52 || bytes[4] !== 1 || bytes[5] !== 1) throw new Error('not a 32-bit little-endian ELF file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const shoff = u32(32);
  const shentsize = u16(46);
  const shnum = u16(48);
  if (shoff === 0 || shnum === 0) return []; // stripped of section headers
  if (shentsize < 40 || shoff + shnum * shentsize > bytes.length) throw new Error('section headers run past the end of the file');
  const section = (i: number): { type: number; offset: number; size: number; link: number; entsize: number } => {
    const o = shoff + i * shentsize;
    return { type: u32(o + 4), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24), entsize: u32(o + 36) };
  };
  const decoder = new TextDecoder();
  const out: ElfSymbol[] = [];
  for (let i = 0; i < shnum; i++) {
    const sh = section(i);
    if (sh.type !== SHT_SYMTAB) continue;
    const strtab = section(sh.link);
    const entsize = sh.entsize || 16;
    if (sh.offset + sh.size > bytes.length || strtab.offset + strtab.size > bytes.length) throw new Error('symbol table runs past the end of the file');
    for (let o = sh.offset; o + 16 <= sh.offset + sh.size; o += entsize) {
      const type = bytes[o + 12]! & 0xf;
      const shndx = u16(o + 14);
      if ((type !== STT_FUNC && type !== STT_OBJECT) || shndx === SHN_UNDEF || shndx === SHN_ABS) continue;
      const nameOff = strtab.offset + u32(o);
      let end = nameOff;
      while (end < strtab.offset + strtab.size && bytes[end] !== 0) end++;
      const name = decoder.decode(bytes.subarray(nameOff, end));
      if (name === '' || name.startsWith('$')) continue; // ARM mapping symbols ($t, $d) name no code
      const value = u32(o + 4);
      out.push({ name, address: type === STT_FUNC ? (value & ~1) >>> 0 : value, size: u32(o + 8), kind: type === STT_FUNC ? 'function' : 'object' });
    }
  }
  return out.sort((a, b) => a.address - b.address || b.size - a.size);
}

/** Address <-> name lookups over one file's symbols. */
export class SymbolTable {
  private readonly byName = new Map<string, ElfSymbol>();

  constructor(readonly symbols: readonly ElfSymbol[]) {
    for (const s of symbols) if (!this.byName.has(s.name)) this.byName.set(s.name, s);
  }

  static fromElf(bytes: Uint8Array): SymbolTable {
    return new SymbolTable(readElfSymbols(bytes));
  }

  /** The symbol whose extent holds `address` (the nearest one before it when sizes are 0). */
  lookup(address: number): SymbolHit | undefined {
    const a = address >>> 0;
    const list = this.symbols;
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.address <= a) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Walk back over symbols starting at or before `a` for one that covers it.
    for (let i = best; i >= 0 && i > best - 8; i--) {
      const s = list[i]!;
      const off = a - s.address;
      if (off < s.size || (s.size === 0 && off === 0)) return { symbol: s, offset: off };
    }
    return undefined;
  }

  /** The symbol called `name` (first definition), if any. */
  find(name: string): ElfSymbol | undefined {
    return this.byName.get(name);
  }

  /** `main+0x12`, `ticks`, or undefined when no symbol covers the address. */
  describe(address: number): string | undefined {
    const hit = this.lookup(address);
    if (!hit) return undefined;
    return hit.offset === 0 ? hit.symbol.name : `${hit.symbol.name}+0x${hit.offset.toString(16)}`;
  }
}
