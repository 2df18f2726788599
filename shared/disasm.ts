// What the Disassembly view shows: Thumb-2 instructions around an address (the PC by
// default), decoded in main by Capstone (capstone-wasm). Pure types.

export interface DisasmLine {
  address: number;
  /** The instruction's bytes as fetched (2 or 4; a 16-bit data halfword when undecodable). */
  bytes: number[];
  mnemonic: string;
  operands: string;
  /** `main+0x12` when the loaded ELF has a symbol covering the address. */
  symbol?: string;
  /** `main.c:50` when the ELF has DWARF line info for the address. */
  source?: string;
  /** A direct branch or call's destination (b, bl, cbz, ...), and its symbol when known. */
  target?: number;
  targetSymbol?: string;
}

export interface DisasmView {
  /** The address the view is centred on (the PC, bit 0 cleared, unless another was asked for). */
  address: number;
  /** Where decoding started: the enclosing symbol's start when known, else a resync point. */
  start: number;
  lines: DisasmLine[];
  /** Who decoded it, e.g. "Capstone 5.0". */
  decoder: string;
}

/** Instructions before/after the centre a request may ask for. */
export const MAX_DISASM_BEFORE = 64;
export const MAX_DISASM_AFTER = 128;
