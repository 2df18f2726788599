// The seam for ELF symbols (issue 12 builds the ELF reader): whoever knows the symbols
// of the running firmware registers a resolver here; the breakpoints panel then shows
// PCs as symbol+offset and accepts a symbol where it takes an address. Until then both
// answer "unknown" and the panel works with addresses only.
export interface SymbolResolver {
  /** "main+0x12" for an address inside a known function or object. */
  nameOf(address: number): string | undefined;
  /** The address of a symbol by name. */
  addressOf(name: string): number | undefined;
}

let current: SymbolResolver | undefined;

export function setSymbolResolver(r: SymbolResolver | undefined): void {
  current = r;
}

export function symbolOf(address: number): string | undefined {
  return current?.nameOf(address);
}

export function addressOfSymbol(name: string): number | undefined {
  return current?.addressOf(name);
}
