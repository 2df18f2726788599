// ELF executables: the PT_LOAD program headers with file bytes, at their load
// address (LMA = p_paddr), exactly what OpenOCD's own image loader programs.
// Only 32-bit little-endian files: every MCU target this app speaks to is one.
import { ValidationError } from '../openocd/errors';
import { normalizeSegments } from './normalize';
import type { Image, ImageSegment } from './types';

const PT_LOAD = 1;
const EM_ARM = 40;
const EM_RISCV = 243;
const MACHINE_NAMES: Record<number, string> = { 3: 'x86', 62: 'x86-64', 183: 'AArch64', 8: 'MIPS', 20: 'PowerPC' };

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

export function parseElf(bytes: Uint8Array, source: string): Image {
  const bad = (what: string, hint = 'The file is not a complete ELF executable. Rebuild it or check the copy.'): never => {
    throw new ValidationError(`${source}: ${what}`, { hint });
  };
  if (!isElf(bytes)) bad('not an ELF file (no \\x7fELF magic at offset 0)');
  if (bytes.length < 52) bad(`ELF header is truncated (${bytes.length} bytes, a 32-bit header needs 52)`);
  const cls = bytes[4];
  const order = bytes[5];
  if (cls === 2) {
    bad('offset 4: this is a 64-bit ELF (EI_CLASS=2); only 32-bit microcontroller images are supported',
      'This looks like a program built for a PC or a 64-bit core. Flash the firmware built for the target (arm-none-eabi-*).');
  }
  if (cls !== 1) bad(`offset 4: unknown ELF class ${cls ?? '?'}`);
  if (order === 2) {
    bad('offset 5: this is a big-endian ELF (EI_DATA=2); only little-endian images are supported',
      'Rebuild the firmware little-endian (the default for Cortex-M), or convert it to .bin/.hex.');
  }
  if (order !== 1) bad(`offset 5: unknown ELF byte order ${order ?? '?'}`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (off: number): number => view.getUint16(off, true);
  const u32 = (off: number): number => view.getUint32(off, true);

  const machine = u16(18);
  if (machine !== EM_ARM && machine !== EM_RISCV) {
    const name = MACHINE_NAMES[machine] ?? `machine ${machine}`;
    bad(`offset 18: built for ${name}, not for ARM or RISC-V`,
      'This is not firmware for a microcontroller. Pick the .elf from the firmware build (arm-none-eabi-gcc output).');
  }
  const phoff = u32(28);
  const phentsize = u16(42);
  const phnum = u16(44);
  if (phnum === 0) bad('no program headers: this looks like an object file (.o), not a linked executable',
    'Link the firmware and flash the resulting .elf.');
  if (phentsize < 32) bad(`offset 42: program header size ${phentsize} is too small for a 32-bit ELF`);
  if (phoff + phnum * phentsize > bytes.length) {
    bad(`offset ${phoff}: program headers run past the end of the file (${bytes.length} bytes); the file looks truncated`);
  }

  interface Ph { type: number; offset: number; vaddr: number; paddr: number; filesz: number; memsz: number }
  const phs: Ph[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    phs.push({ type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), paddr: u32(o + 12), filesz: u32(o + 16), memsz: u32(o + 20) });
  }
  // Same rule as OpenOCD's image.c: when every p_paddr is zero and several
  // segments load, the linker did not fill LMAs in; use p_vaddr instead.
  const allPaddrZero = phs.every((p) => p.paddr === 0);
  const loadCount = phs.filter((p) => p.type === PT_LOAD && p.memsz !== 0).length;
  const useVaddr = allPaddrZero && loadCount > 1;

  const segments: ImageSegment[] = [];
  phs.forEach((p, i) => {
    if (p.type !== PT_LOAD || p.filesz === 0) return;
    if (p.offset + p.filesz > bytes.length) {
      bad(`program header ${i}: its ${p.filesz} bytes at file offset ${p.offset} run past the end of the file; the file looks truncated`);
    }
    segments.push({ address: useVaddr ? p.vaddr : p.paddr, data: bytes.subarray(p.offset, p.offset + p.filesz) });
  });
  const image: Image = { format: 'elf', source, segments: normalizeSegments(segments, source), entry: u32(24) };
  return image;
}
