// The firmware whose ELF symbols the workbench uses to name addresses.
export interface SymbolInfo {
  /** The file name (e.g. blinky.elf). */
  name: string;
  /** Its path, when it was chosen from disk (the desktop app's file dialog). */
  path?: string;
  /** Functions and data objects it defines. */
  count: number;
  /** It has DWARF line info (source file and line for addresses). */
  lines: boolean;
  /** How it came: flashed, or opened for symbols only. */
  source: 'flash' | 'open';
}
