// The one address formatter: addresses are printed 0x%08x everywhere (UI, CLI, error
// messages), so 0x8010000 and 0x08010000 never both appear for the same place. Pure
// code, shared by main, the CLI and the renderer.

/** 0x%08x. 64-bit values (bigint, or numbers past 32 bits) keep all their digits. */
export function formatAddress(n: number | bigint): string {
  return hexDigits(n, 8);
}

/** A value of a given width in hex digits (a byte is hexDigits(v, 2): 0xab). */
export function hexDigits(n: number | bigint, digits: number): string {
  // Up to 32 bits (and negative 32-bit values) as unsigned; wider numbers as they are.
  const v = typeof n === 'bigint' ? (n < 0n ? BigInt.asUintN(64, n) : n) : n <= 0xffff_ffff ? n >>> 0 : n;
  return '0x' + v.toString(16).padStart(digits, '0');
}
