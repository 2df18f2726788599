// The classic hexdump text: 16 bytes a row, address, hex bytes in two groups of 8, ASCII.
//   20000000  48 65 6c 6c 6f 2c 20 62  6f 61 72 64 00 ff 10 7f  |Hello, board....|

function hex2(b: number): string {
  return b < 16 ? '0' + b.toString(16) : b.toString(16);
}

export function formatHexdump(bytes: Uint8Array, baseAddress = 0): string {
  const rows: string[] = [];
  // Rows are aligned to 16-byte addresses, as in a memory view; a range that starts
  // mid-row leaves the leading cells blank.
  const first = baseAddress - (baseAddress % 16);
  const end = baseAddress + bytes.length;
  for (let row = first; row < end; row += 16) {
    let hexPart = '';
    let ascii = '';
    for (let col = 0; col < 16; col++) {
      const addr = row + col;
      const inRange = addr >= baseAddress && addr < end;
      const b = inRange ? (bytes[addr - baseAddress] as number) : -1;
      hexPart += (col === 8 ? '  ' : col === 0 ? '' : ' ') + (b < 0 ? '  ' : hex2(b));
      ascii += b < 0 ? ' ' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    }
    rows.push(`${row.toString(16).padStart(8, '0')}  ${hexPart}  |${ascii}|`);
  }
  return rows.join('\n');
}
