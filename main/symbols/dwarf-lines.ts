// DWARF line tables (.debug_line, versions 2-5) of 32-bit little-endian firmware: the
// source file and line for an address. Hand-written for the same reason as the symbol
// reader (elf-symbols.ts): no maintained npm package reads DWARF for a 32-bit MCU image
// (@vscode/dwarf-debugging is a WebAssembly debugger for Chrome's DevTools), and the line
// program is one small state machine (DWARF 5, section 6.2).
import { elfSections } from './elf-sections';

export interface SourceLine {
  /** As the compiler recorded it: directory joined with the file name. */
  file: string;
  line: number;
}

interface Range {
  start: number;
  end: number;
  file: string;
  line: number;
}

const DW_FORM = { block: 0x09, data1: 0x0b, data2: 0x05, data4: 0x06, data8: 0x07, data16: 0x1e, string: 0x08, strp: 0x0e, line_strp: 0x1f, udata: 0x0f } as const;
const DW_LNCT_path = 1;
const DW_LNCT_directory_index = 2;

class Reader {
  private readonly dv: DataView;
  constructor(
    readonly b: Uint8Array,
    public pos: number,
  ) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  u8(): number {
    return this.b[this.pos++]!;
  }
  i8(): number {
    return (this.u8() << 24) >> 24;
  }
  u16(): number {
    const v = this.dv.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(): number {
    const v = this.dv.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  uleb(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(byte & 0x80)) return result;
    }
  }
  sleb(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return byte & 0x40 ? result - 2 ** shift : result;
  }
  cstr(): string {
    const start = this.pos;
    while (this.pos < this.b.length && this.b[this.pos] !== 0) this.pos++;
    const s = new TextDecoder().decode(this.b.subarray(start, this.pos));
    this.pos++;
    return s;
  }
}

function cstrAt(section: Uint8Array | undefined, off: number): string {
  if (!section) return '?';
  return new Reader(section, off).cstr();
}

function joinPath(dir: string | undefined, file: string): string {
  // Relative to the compilation directory ("." under -ffile-prefix-map): shown without "./".
  const tidy = (p: string): string => p.replace(/^(\.\/)+/, '');
  if (!dir || file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return tidy(file);
  const d = tidy(dir).replace(/\/$/, '');
  return d === '.' || d === '' ? tidy(file) : `${d}/${tidy(file)}`;
}

export class LineTable {
  private constructor(private readonly ranges: Range[]) {}

  static fromElf(bytes: Uint8Array): LineTable {
    const sections = elfSections(bytes);
    const line = sections.get('.debug_line');
    if (!line) return new LineTable([]);
    const strs = { str: sections.get('.debug_str'), lineStr: sections.get('.debug_line_str') };
    const ranges: Range[] = [];
    let off = 0;
    while (off + 4 <= line.length) {
      const r = new Reader(line, off);
      const unitLength = r.u32();
      if (unitLength === 0xffffffff || unitLength === 0) break; // 64-bit DWARF: not on a 32-bit MCU
      const end = r.pos + unitLength;
      parseUnit(r, end, strs, ranges);
      off = end;
    }
    ranges.sort((a, b) => a.start - b.start);
    return new LineTable(ranges);
  }

  /** The source line whose code holds `address`, if the line table covers it. */
  lookup(address: number): SourceLine | undefined {
    const a = address >>> 0;
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.ranges[mid]!;
      if (a < r.start) hi = mid - 1;
      else if (a >= r.end) lo = mid + 1;
      else return { file: r.file, line: r.line };
    }
    return undefined;
  }

  static empty(): LineTable {
    return new LineTable([]);
  }

  get size(): number {
    return this.ranges.length;
  }
}

function parseUnit(r: Reader, end: number, strs: { str?: Uint8Array; lineStr?: Uint8Array }, out: Range[]): void {
  const version = r.u16();
  if (version < 2 || version > 5) return;
  if (version >= 5) r.pos += 2; // address_size, segment_selector_size
  const headerLength = r.u32();
  const programStart = r.pos + headerLength;
  const minInst = r.u8();
  if (version >= 4) r.u8(); // maximum_operations_per_instruction (1 on non-VLIW)
  const defaultIsStmt = r.u8() !== 0;
  const lineBase = r.i8();
  const lineRange = r.u8();
  const opcodeBase = r.u8();
  const stdLengths: number[] = [];
  for (let i = 1; i < opcodeBase; i++) stdLengths.push(r.u8());

  const dirs: string[] = [];
  const files: { name: string; dir: number }[] = [];
  if (version >= 5) {
    const readEntries = (): { path: string; dir: number }[] => {
      const formats: [number, number][] = [];
      const n = r.u8();
      for (let i = 0; i < n; i++) formats.push([r.uleb(), r.uleb()]);
      const count = r.uleb();
      const entries: { path: string; dir: number }[] = [];
      for (let i = 0; i < count; i++) {
        const e = { path: '', dir: 0 };
        for (const [type, form] of formats) {
          const v = readForm(r, form, strs);
          if (type === DW_LNCT_path) e.path = String(v);
          else if (type === DW_LNCT_directory_index) e.dir = Number(v);
        }
        entries.push(e);
      }
      return entries;
    };
    for (const d of readEntries()) dirs.push(d.path);
    for (const f of readEntries()) files.push({ name: f.path, dir: f.dir });
  } else {
    dirs.push(''); // index 0: the compilation directory
    for (let s = r.cstr(); s !== ''; s = r.cstr()) dirs.push(s);
    files.push({ name: '', dir: 0 }); // files count from 1 before DWARF 5
    for (let s = r.cstr(); s !== ''; s = r.cstr()) {
      const dir = r.uleb();
      r.uleb();
      r.uleb();
      files.push({ name: s, dir });
    }
  }
  const fileName = (i: number): string => {
    const f = files[i];
    return f ? joinPath(dirs[f.dir], f.name) : `file ${i}`;
  };

  r.pos = programStart;
  let address = 0;
  let file = 1;
  let line = 1;
  let isStmt = defaultIsStmt;
  let rows: { address: number; file: number; line: number }[] = [];
  const emit = (): void => {
    rows.push({ address, file, line });
  };
  const endSequence = (): void => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const next = i + 1 < rows.length ? rows[i + 1]!.address : address;
      if (next > row.address) out.push({ start: row.address, end: next, file: fileName(row.file), line: row.line });
    }
    rows = [];
  };
  void isStmt;
  while (r.pos < end) {
    const op = r.u8();
    if (op >= opcodeBase) {
      const adj = op - opcodeBase;
      address += Math.floor(adj / lineRange) * minInst;
      line += lineBase + (adj % lineRange);
      emit();
      continue;
    }
    switch (op) {
      case 0: {
        const len = r.uleb();
        const next = r.pos + len;
        const sub = r.u8();
        if (sub === 1) {
          endSequence();
          address = 0;
          file = 1;
          line = 1;
          isStmt = defaultIsStmt;
        } else if (sub === 2) address = r.u32();
        r.pos = next;
        break;
      }
      case 1: emit(); break;
      case 2: address += r.uleb() * minInst; break;
      case 3: line += r.sleb(); break;
      case 4: file = r.uleb(); break;
      case 5: r.uleb(); break;
      case 6: isStmt = !isStmt; break;
      case 8: address += Math.floor((255 - opcodeBase) / lineRange) * minInst; break;
      case 9: address += r.u16(); break;
      default:
        // 7, 10, 11 take no operands; 12 and any newer standard opcode: skip its ULEB operands.
        for (let i = 0; i < (stdLengths[op - 1] ?? 0); i++) r.uleb();
    }
  }
}

function readForm(r: Reader, form: number, strs: { str?: Uint8Array; lineStr?: Uint8Array }): string | number {
  switch (form) {
    case DW_FORM.string: return r.cstr();
    case DW_FORM.line_strp: return cstrAt(strs.lineStr, r.u32());
    case DW_FORM.strp: return cstrAt(strs.str, r.u32());
    case DW_FORM.udata: return r.uleb();
    case DW_FORM.data1: return r.u8();
    case DW_FORM.data2: return r.u16();
    case DW_FORM.data4: return r.u32();
    case DW_FORM.data8: r.pos += 8; return 0;
    case DW_FORM.data16: r.pos += 16; return 0;
    case DW_FORM.block: r.pos += r.uleb(); return 0;
    default: throw new Error(`DWARF line table: unsupported form 0x${form.toString(16)}`);
  }
}
