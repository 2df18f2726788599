// The DWARF line reader on the checked-in blinky.elf: an address gives the file and line
// the source says it should.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineTable } from './dwarf-lines';
import { SymbolTable } from './elf-symbols';

const dir = path.join(__dirname, '../../test/firmware/blinky');
const elf = readFileSync(path.join(dir, 'blinky.elf'));
const lines = LineTable.fromElf(elf);
const symbols = SymbolTable.fromElf(elf);
/** 1-based line of the first source line that matches. */
const lineOf = (file: string, re: RegExp): number => readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((l) => re.test(l)) + 1;

describe('DWARF line table of the blinky', () => {
  it('puts the first instruction of each function on its opening line', () => {
    const main = lines.lookup(symbols.find('main')!.address);
    expect(main).toEqual({ file: 'test/firmware/blinky/main.c', line: lineOf('main.c', /^int main\(void\)/) + 1 }); // the `{`
    const tick = lines.lookup(symbols.find('SysTick_Handler')!.address);
    expect(tick?.file).toBe('test/firmware/blinky/main.c');
    expect(tick?.line).toBe(lineOf('main.c', /^\s+ticks\+\+;/)); // no prologue: the body's one line
    expect(lines.lookup(symbols.find('rtt_write')!.address)?.file).toBe('test/firmware/blinky/rtt.c');
  });

  it('knows nothing of addresses outside the code it describes', () => {
    expect(lines.lookup(0x30000000)).toBeUndefined();
    expect(LineTable.fromElf(new Uint8Array(16)).size).toBe(0);
  });
});
