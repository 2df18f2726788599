// The firmware the workbench names addresses after: the last .elf flashed or opened for
// symbols, one per process (it describes the chip on the bench, not a window). It feeds
// the breakpoints panel's resolver seam (main/debug/symbols.ts) and the Registers panel.
import type { SymbolInfo } from '../../shared/symbols';
import { setSymbolResolver } from '../debug/symbols';
import { useMappingSymbols } from '../disasm/mapping';
import { LineTable } from './dwarf-lines';
import { SymbolTable } from './elf-symbols';

let current: { table: SymbolTable; lines: LineTable; info: SymbolInfo } | undefined;

/** Use this ELF's symbols from now on. Throws when it is no ELF (nothing changes then). */
export function useElfSymbols(name: string, bytes: Uint8Array, source: SymbolInfo['source'], path?: string): SymbolInfo {
  const table = SymbolTable.fromElf(bytes);
  // A line table the reader cannot follow only costs the file:line, never the symbols.
  let lines: LineTable;
  try {
    lines = LineTable.fromElf(bytes);
  } catch {
    lines = LineTable.empty();
  }
  const info: SymbolInfo = { name, count: table.symbols.length, source, lines: lines.size > 0, ...(path === undefined ? {} : { path }) };
  current = { table, lines, info };
  useMappingSymbols(bytes); // literal pools show as data in the disassembly
  setSymbolResolver({ nameOf: (a) => table.describe(a), addressOf: (n) => table.find(n)?.address });
  return info;
}

export function currentSymbols(): SymbolInfo | null {
  return current ? { ...current.info } : null;
}

/** `main+0x12` for an address, when the current firmware has a symbol there. */
export function nameOfAddress(address: number): string | undefined {
  return current?.table.describe(address);
}

/** `main.c:50` style: the source file and line of the code at `address`, from DWARF line info. */
export function sourceOfAddress(address: number): string | undefined {
  const l = current?.lines.lookup(address);
  return l ? `${l.file}:${l.line}` : undefined;
}

/** Where the function covering `address` starts (the disassembly decodes from there to stay on instruction boundaries). */
export function functionStartOf(address: number): number | undefined {
  const hit = current?.table.lookup(address);
  return hit?.symbol.kind === 'function' ? hit.symbol.address : undefined;
}

export function addressOfName(name: string): number | undefined {
  return current?.table.find(name)?.address;
}

/** Forget the symbols (tests). */
export function clearSymbols(): void {
  current = undefined;
  setSymbolResolver(undefined);
  useMappingSymbols(undefined);
}
