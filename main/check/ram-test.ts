// RAM tests over a block interface (the debug port: read_memory/write_memory of whole
// ranges). The classic three, in the order that makes each failure name its cause:
//   1. data bus: walking ones through one word; a bit that does not follow is a data line;
//   2. address bus: a pattern at every power-of-two offset, the inverse at each in turn;
//      an offset whose write shows up elsewhere is an address line stuck or shorted;
//   3. March C- (van de Goor): ⇕(w0) ⇑(r0,w1) ⇑(r1,w0) ⇓(r0,w1) ⇓(r1,w0) ⇕(r0) over the range.
// Over the debug port each march element is applied range-wide (read all, check, write all)
// rather than cell by cell: element order and direction are kept, so stuck-at, transition
// and address-decoder faults are found; cell-to-cell coupling faults need the cell-wise
// order an on-target routine gives.

export interface BlockMemory {
  read(address: number, length: number): Promise<Uint8Array>;
  write(address: number, data: Uint8Array): Promise<void>;
}

export type RamFault =
  | { kind: 'data-line'; address: number; bit: number; wrote: number; read: number }
  | { kind: 'address-line'; address: number; lines: number[]; detail: string }
  | { kind: 'cell'; address: number; bit: number; expected: number; read: number; element: string };

export interface RamTestResult {
  ok: boolean;
  fault?: RamFault;
  bytesMoved: number;
}

function word(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
}
function readWord(b: Uint8Array, off = 0): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, true);
}

export async function dataBusTest(mem: BlockMemory, address: number): Promise<RamTestResult> {
  let moved = 0;
  for (let bit = 0; bit < 32; bit++) {
    const wrote = (1 << bit) >>> 0;
    await mem.write(address, word(wrote));
    const read = readWord(await mem.read(address, 4));
    moved += 8;
    if (read !== wrote) {
      const diff = (read ^ wrote) >>> 0;
      const bad = 31 - Math.clz32(diff & -diff);
      return { ok: false, bytesMoved: moved, fault: { kind: 'data-line', address, bit: bad, wrote, read } };
    }
  }
  return { ok: true, bytesMoved: moved };
}

const PATTERN = 0xaaaaaaaa;
const ANTI = 0x55555555;

/**
 * Address lines are byte-address bits; word-wide accesses test A2 and up. A line that
 * "lands elsewhere" is probed once more with each other line high: if it then decodes,
 * the two are shorted together (a wired-AND bridge), and both are named.
 */
export async function addressBusTest(mem: BlockMemory, base: number, size: number): Promise<RamTestResult> {
  const lines: number[] = [];
  for (let line = 2; 1 << line < size; line++) lines.push(line);
  const at = (...ls: number[]): number => base + ls.reduce((a, l) => a + (1 << l), 0);
  const put = (addr: number, v: number): Promise<void> => mem.write(addr, word(v));
  const get = async (addr: number): Promise<number> => readWord(await mem.read(addr, 4));
  const fault = async (l: number, what: string): Promise<RamTestResult> => {
    // A cell that cannot hold what was just written to it is a bad cell (a stuck bit),
    // not an address line: an aliased address still reads back what it was just given.
    for (const v of [PATTERN, ANTI]) {
      await put(at(l), v);
      const got = await get(at(l));
      if (got !== v) {
        const diff = (got ^ v) >>> 0;
        const b = 31 - Math.clz32(diff & -diff);
        const byte = at(l) + (b >> 3);
        const want = (v >>> ((b >> 3) * 8)) & 0xff;
        const read = (got >>> ((b >> 3) * 8)) & 0xff;
        return { ok: false, bytesMoved: 0, fault: { kind: 'cell', address: byte, bit: b & 7, expected: want, read, element: 'address-bus pattern' } };
      }
    }
    for (const m of lines) {
      if (m === l || (1 << l) + (1 << m) >= size) continue;
      await put(at(m), PATTERN);
      await put(at(l, m), ANTI);
      if ((await get(at(m))) === PATTERN && (await get(at(l, m))) === ANTI) {
        return { ok: false, bytesMoved: 0, fault: { kind: 'address-line', address: at(l), lines: [l, m], detail: `address lines A${l} and A${m} are shorted: a write to ${hex(at(l))} lands at ${what}, while ${hex(at(l, m))} (both high) decodes` } };
      }
    }
    return { ok: false, bytesMoved: 0, fault: { kind: 'address-line', address: at(l), lines: [l], detail: `address line A${l} is stuck: a write to ${hex(at(l))} lands at ${what}` } };
  };
  for (const l of lines) await put(at(l), PATTERN);
  await put(base, ANTI);
  // Writing the base must not change any power-of-two cell.
  for (const l of lines) if ((await get(at(l))) !== PATTERN) return fault(l, hex(base));
  await put(base, PATTERN);
  for (const l of lines) {
    await put(at(l), ANTI);
    if ((await get(base)) !== PATTERN) return fault(l, hex(base));
    for (const m of lines) {
      if (m !== l && (await get(at(m))) !== PATTERN) return fault(l, hex(at(m)));
    }
    await put(at(l), PATTERN);
  }
  return { ok: true, bytesMoved: 4 * lines.length * (lines.length + 3) };
}

interface MarchElement {
  name: string;
  down: boolean;
  read?: 0 | 1;
  write?: 0 | 1;
}
const MARCH_C_MINUS: MarchElement[] = [
  { name: '⇕(w0)', down: false, write: 0 },
  { name: '⇑(r0,w1)', down: false, read: 0, write: 1 },
  { name: '⇑(r1,w0)', down: false, read: 1, write: 0 },
  { name: '⇓(r0,w1)', down: true, read: 0, write: 1 },
  { name: '⇓(r1,w0)', down: true, read: 1, write: 0 },
  { name: '⇕(r0)', down: false, read: 0 },
];

/** Range-wide March C- in blocks of `block` bytes (ascending or descending by block). */
export async function marchCMinus(
  mem: BlockMemory,
  base: number,
  size: number,
  opts: { block?: number; onProgress?: (fraction: number, element: string) => void; signal?: AbortSignal } = {},
): Promise<RamTestResult> {
  const block = opts.block ?? 4096;
  const blocks: number[] = [];
  for (let off = 0; off < size; off += block) blocks.push(off);
  const fill = (bit: 0 | 1, n: number): Uint8Array => new Uint8Array(n).fill(bit ? 0xff : 0x00);
  let moved = 0;
  const steps = MARCH_C_MINUS.length * blocks.length;
  let done = 0;
  for (const el of MARCH_C_MINUS) {
    const order = el.down ? [...blocks].reverse() : blocks;
    for (const off of order) {
      if (opts.signal?.aborted) throw new Error('the RAM test was cancelled');
      const n = Math.min(block, size - off);
      if (el.read !== undefined) {
        const got = await mem.read(base + off, n);
        moved += n;
        const want = el.read ? 0xff : 0x00;
        for (let i = 0; i < n; i++) {
          if (got[i] !== want) {
            const diff = (got[i]! ^ want) & 0xff;
            const bit = 31 - Math.clz32(diff & -diff);
            return { ok: false, bytesMoved: moved, fault: { kind: 'cell', address: base + off + i, bit, expected: want, read: got[i]!, element: el.name } };
          }
        }
      }
      if (el.write !== undefined) {
        await mem.write(base + off, fill(el.write, n));
        moved += n;
      }
      opts.onProgress?.(++done / steps, el.name);
    }
  }
  return { ok: true, bytesMoved: moved };
}

function hex(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}
