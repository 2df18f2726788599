// The named sections of a 32-bit little-endian ELF file, as views on its bytes (the
// DWARF reader needs .debug_line and its string sections by name).
import { isElf } from '../images/elf';

export function elfSections(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (!isElf(bytes) || bytes.length < 52 || bytes[4] !== 1 || bytes[5] !== 1) return out;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shoff = dv.getUint32(32, true);
  const shentsize = dv.getUint16(46, true);
  const shnum = dv.getUint16(48, true);
  const shstrndx = dv.getUint16(50, true);
  if (shoff === 0 || shentsize < 40 || shoff + shnum * shentsize > bytes.length || shstrndx >= shnum) return out;
  const sh = (i: number) => {
    const o = shoff + i * shentsize;
    return { name: dv.getUint32(o, true), type: dv.getUint32(o + 4, true), offset: dv.getUint32(o + 16, true), size: dv.getUint32(o + 20, true) };
  };
  const names = sh(shstrndx);
  const decoder = new TextDecoder();
  for (let i = 1; i < shnum; i++) {
    const s = sh(i);
    if (s.type === 8 || s.offset + s.size > bytes.length) continue; // SHT_NOBITS (.bss) has no bytes
    let end = names.offset + s.name;
    while (end < bytes.length && bytes[end] !== 0) end++;
    out.set(decoder.decode(bytes.subarray(names.offset + s.name, end)), bytes.subarray(s.offset, s.offset + s.size));
  }
  return out;
}
