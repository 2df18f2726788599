// ARM ELF mapping symbols ($t code, $d data, $a ARM code): where literal pools and other
// data sit among the instructions. The disassembly shows those as `.word`, as objdump
// does, rather than decoding a constant as if it were code.
import { isElf } from '../images/elf';

export interface Region {
  data: boolean;
  /** Where the next mapping symbol starts (the region's end). */
  end: number;
}

const SHT_SYMTAB = 2;

/** The mapping symbols of a 32-bit little-endian ELF, sorted by address. */
export function readMappingSymbols(bytes: Uint8Array): { address: number; data: boolean }[] {
  if (!isElf(bytes) || bytes.length < 52 || bytes[4] !== 1 || bytes[5] !== 1) return [];
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shoff = v.getUint32(32, true);
  const shentsize = v.getUint16(46, true);
  const shnum = v.getUint16(48, true);
  if (shoff === 0 || shentsize < 40 || shoff + shnum * shentsize > bytes.length) return [];
  const out: { address: number; data: boolean }[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    if (v.getUint32(o + 4, true) !== SHT_SYMTAB) continue;
    const off = v.getUint32(o + 16, true);
    const size = v.getUint32(o + 20, true);
    const str = shoff + v.getUint32(o + 24, true) * shentsize;
    if (str + 40 > bytes.length) continue;
    const strOff = v.getUint32(str + 16, true);
    const strEnd = strOff + v.getUint32(str + 20, true);
    if (off + size > bytes.length || strEnd > bytes.length) continue;
    for (let s = off; s + 16 <= off + size; s += 16) {
      const n = strOff + v.getUint32(s, true);
      if (n + 1 >= strEnd || bytes[n] !== 0x24 /* $ */) continue;
      const kind = String.fromCharCode(bytes[n + 1]!);
      const after = bytes[n + 2];
      if ((kind !== 't' && kind !== 'd' && kind !== 'a') || (after !== 0 && after !== 0x2e /* "$d.1" */)) continue;
      if (v.getUint16(s + 14, true) === 0) continue; // undefined
      out.push({ address: v.getUint32(s + 4, true) & ~1, data: kind === 'd' });
    }
  }
  return out.sort((a, b) => a.address - b.address);
}

let current: { address: number; data: boolean }[] = [];

/** The loaded ELF's mapping symbols from now on (main/symbols calls this with its bytes). */
export function useMappingSymbols(bytes: Uint8Array | undefined): void {
  current = bytes ? readMappingSymbols(bytes) : [];
}

/** Code or data at `address`, and up to where; undefined without mapping symbols there. */
export function regionAt(address: number, list = current): Region | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.address <= address) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return undefined;
  let next = best + 1;
  while (next < list.length && list[next]!.address <= address) next++;
  return { data: list[best]!.data, end: next < list.length ? list[next]!.address : 0x1_0000_0000 };
}
