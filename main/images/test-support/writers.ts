// Tiny writers for the formats the parsers read, so tests build their inputs
// from known bytes instead of checking in opaque fixture files.

export interface WriterSegment {
  address: number;
  data: Uint8Array;
}

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, '0');
}

export function ihexRecord(type: number, offset: number, data: ArrayLike<number>): string {
  const bytes = [data.length, (offset >> 8) & 0xff, offset & 0xff, type, ...Array.from(data)];
  const sum = bytes.reduce((a, b) => a + b, 0);
  return ':' + bytes.map((b) => hex(b, 2)).join('') + hex((0x100 - (sum & 0xff)) & 0xff, 2);
}

/** Intel HEX with type-04 records whenever the upper 16 address bits change. */
export function writeIntelHex(segments: WriterSegment[], opts: { entry?: number; recordSize?: number } = {}): string {
  const lines: string[] = [];
  const size = opts.recordSize ?? 16;
  let upper = -1;
  for (const seg of segments) {
    for (let off = 0; off < seg.data.length; ) {
      const addr = seg.address + off;
      if (addr >>> 16 !== upper) {
        upper = addr >>> 16;
        lines.push(ihexRecord(0x04, 0, [(upper >> 8) & 0xff, upper & 0xff]));
      }
      // Never let a record cross a 64 KiB boundary.
      const n = Math.min(size, seg.data.length - off, 0x10000 - (addr & 0xffff));
      lines.push(ihexRecord(0x00, addr & 0xffff, seg.data.subarray(off, off + n)));
      off += n;
    }
  }
  if (opts.entry !== undefined) {
    const e = opts.entry;
    lines.push(ihexRecord(0x05, 0, [(e >>> 24) & 0xff, (e >> 16) & 0xff, (e >> 8) & 0xff, e & 0xff]));
  }
  lines.push(ihexRecord(0x01, 0, []));
  return lines.join('\n') + '\n';
}


export function srecRecord(type: number, address: number, addrBytes: number, data: ArrayLike<number>): string {
  const addr: number[] = [];
  for (let k = addrBytes - 1; k >= 0; k--) addr.push(Math.floor(address / 2 ** (8 * k)) & 0xff);
  const bytes = [addrBytes + data.length + 1, ...addr, ...Array.from(data)];
  const sum = bytes.reduce((a, b) => a + b, 0);
  return 'S' + type + bytes.map((b) => hex(b, 2)).join('') + hex(~sum & 0xff, 2);
}

/** S-records using S3 (32-bit addresses) data, an S5 count and an S7 start address. */
export function writeSrec(segments: WriterSegment[], opts: { entry?: number; recordSize?: number } = {}): string {
  const size = opts.recordSize ?? 16;
  const lines = [srecRecord(0, 0, 2, Array.from('test', (c) => c.charCodeAt(0)))];
  let count = 0;
  for (const seg of segments) {
    for (let off = 0; off < seg.data.length; off += size) {
      lines.push(srecRecord(3, seg.address + off, 4, seg.data.subarray(off, off + size)));
      count++;
    }
  }
  lines.push(srecRecord(5, count, 2, []));
  lines.push(srecRecord(7, opts.entry ?? 0, 4, []));
  return lines.join('\r\n') + '\r\n';
}


export interface ElfSegment {
  type?: number; // PT_LOAD by default
  paddr: number;
  vaddr?: number;
  data: Uint8Array;
  /** memsz beyond the file bytes, e.g. .bss. */
  extraMem?: number;
}

/** A minimal 32-bit ELF executable: header, program headers, then segment bytes. */
export function writeElf(segments: ElfSegment[], opts: { entry?: number; machine?: number; cls?: number; order?: number } = {}): Uint8Array {
  const phoff = 52;
  const phsize = 32;
  let dataOff = phoff + phsize * segments.length;
  const total = dataOff + segments.reduce((a, s) => a + s.data.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, opts.cls ?? 1, opts.order ?? 1, 1], 0);
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, opts.machine ?? 40, true);
  v.setUint32(20, 1, true);
  v.setUint32(24, opts.entry ?? 0, true);
  v.setUint32(28, phoff, true);
  v.setUint16(40, 52, true);
  v.setUint16(42, phsize, true);
  v.setUint16(44, segments.length, true);
  segments.forEach((s, i) => {
    const o = phoff + i * phsize;
    v.setUint32(o, s.type ?? 1, true);
    v.setUint32(o + 4, dataOff, true);
    v.setUint32(o + 8, s.vaddr ?? s.paddr, true);
    v.setUint32(o + 12, s.paddr, true);
    v.setUint32(o + 16, s.data.length, true);
    v.setUint32(o + 20, s.data.length + (s.extraMem ?? 0), true);
    v.setUint32(o + 24, 5, true);
    v.setUint32(o + 28, 4, true);
    out.set(s.data, dataOff);
    dataOff += s.data.length;
  });
  return out;
}

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
