// A memory range as Intel HEX: 16 data bytes a record, an 04 (extended linear address)
// record whenever the upper 16 address bits change, and the 01 end record. What
// objcopy -O ihex writes, so every flasher reads it back.
function record(type: number, address: number, data: ArrayLike<number>): string {
  const bytes = [data.length, (address >> 8) & 0xff, address & 0xff, type, ...Array.from(data)];
  const sum = bytes.reduce((a, b) => a + b, 0);
  bytes.push((0x100 - (sum & 0xff)) & 0xff);
  return ':' + bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
}

export function toIntelHex(address: number, data: Uint8Array): string {
  const lines: string[] = [];
  let upper = -1;
  for (let off = 0; off < data.length; ) {
    const at = address + off;
    const hi = Math.floor(at / 0x10000);
    if (hi !== upper) {
      lines.push(record(4, 0, [(hi >> 8) & 0xff, hi & 0xff]));
      upper = hi;
    }
    // A record never crosses a 64 KiB boundary.
    const n = Math.min(16, data.length - off, 0x10000 - (at % 0x10000));
    lines.push(record(0, at & 0xffff, data.subarray(off, off + n)));
    off += n;
  }
  lines.push(':00000001FF');
  return lines.join('\n') + '\n';
}
