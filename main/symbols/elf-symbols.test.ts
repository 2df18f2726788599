// The symbol reader on the checked-in blinky.elf (arm-none-eabi-gcc 12.2, -Og; built by
// scripts/build-firmware.sh): names for addresses and addresses for names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readElfSymbols, SymbolTable } from './elf-symbols';

const elf = readFileSync(path.join(__dirname, '../../test/firmware/blinky/blinky.elf'));
const table = SymbolTable.fromElf(elf);

describe('ELF symbols of the blinky', () => {
  it('lists its functions and data objects, Thumb functions at even addresses', () => {
    const main = table.find('main');
    expect(main).toMatchObject({ kind: 'function' });
    expect((main?.address ?? 1) & 1).toBe(0);
    expect(main?.address).toBeGreaterThanOrEqual(0x08000000);
    expect(table.find('ticks')).toMatchObject({ kind: 'object', size: 4 });
    expect(table.find('_SEGGER_RTT')?.address).toBeGreaterThanOrEqual(0x20000000);
    expect(table.find('memcpy')?.kind).toBe('function'); // newlib's, linked in
    expect(readElfSymbols(elf).some((s) => s.name.startsWith('$'))).toBe(false);
  });

  it('names an address as function+offset, and nothing outside every symbol', () => {
    const main = table.find('main')!;
    expect(table.describe(main.address)).toBe('main');
    expect(table.describe(main.address + 6)).toBe('main+0x6');
    expect(table.describe(main.address + main.size)).not.toMatch(/^main\b/);
    expect(table.describe(0x30000000)).toBeUndefined();
    const hf = table.find('HardFault_Handler')!;
    expect(table.lookup(hf.address + 2)).toEqual({ symbol: hf, offset: 2 });
  });

  it('refuses what is not a 32-bit little-endian ELF', () => {
    expect(() => readElfSymbols(new Uint8Array(64))).toThrow(/not a 32-bit little-endian ELF/);
  });
});
