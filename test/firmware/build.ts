// Test support: build test/firmware/blinky with scripts/build-firmware.sh (arm-none-eabi-gcc)
// into a temporary folder, so the tests run what the toolchain emits today.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SymbolTable } from '../../main/symbols/elf-symbols';

export interface BuiltFirmware {
  dir: string;
  elf: string;
  bin: string;
  hex: string;
  symbols: SymbolTable;
  /** The address of a symbol that must exist. */
  addr(name: string): number;
}

const ROOT = path.resolve(__dirname, '../..');

export function buildBlinky(opt: '-Og' | '-O2' | '-Os', parent = tmpdir()): BuiltFirmware {
  const dir = mkdtempSync(path.join(parent, `blinky${opt}-`));
  execFileSync('sh', [path.join(ROOT, 'scripts/build-firmware.sh'), dir, opt], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const elf = path.join(dir, 'blinky.elf');
  const symbols = SymbolTable.fromElf(readFileSync(elf));
  return {
    dir,
    elf,
    bin: path.join(dir, 'blinky.bin'),
    hex: path.join(dir, 'blinky.hex'),
    symbols,
    addr(name) {
      const s = symbols.find(name);
      if (!s) throw new Error(`blinky has no symbol ${name}`);
      return s.address;
    },
  };
}
