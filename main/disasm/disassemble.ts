// Thumb-2 instructions around an address. Thumb mixes 16- and 32-bit encodings, so
// decoding must start on an instruction boundary: at the enclosing function's start
// when the ELF's symbols say where that is, else a little before the address, trying
// halfword-shifted starts until the stream lands exactly on it (Thumb streams resync
// within a few instructions). Halfwords the decoder refuses (literal pools, erased
// flash) are shown as `.short` and decoding goes on after them.
import type { DisasmLine, DisasmView } from '../../shared/disasm';
import type { RawInsn, ThumbDecoder } from './capstone';
import type { Region } from './mapping';

export interface DisasmDeps {
  decoder: ThumbDecoder;
  /** Target memory (the session's; halfword-aligned start and length). */
  read(address: number, length: number): Promise<Uint8Array>;
  /** Start of the function covering an address, when the ELF's symbols know it. */
  functionStart(address: number): number | undefined;
  nameOf(address: number): string | undefined;
  sourceOf(address: number): string | undefined;
  /** Code or data here (the ELF's mapping symbols); undefined: decode as code. */
  regionAt?(address: number): Region | undefined;
}

/** Further back than this from its function's start, the address resyncs instead (a read stays small). */
const MAX_FROM_FUNCTION_START = 2048;
/** Resync starts tried, each a halfword later than the one before. */
const RESYNC_TRIES = 8;

export async function disassembleAround(deps: DisasmDeps, address: number, before: number, after: number): Promise<DisasmView> {
  const centre = (address >>> 0) & ~1;
  const back = Math.max(before * 4, 8);
  const fnStart = deps.functionStart(centre);
  const fromFn = fnStart !== undefined && centre - fnStart >= 0 && centre - fnStart <= MAX_FROM_FUNCTION_START ? fnStart & ~1 : undefined;
  const resyncFrom = Math.max(0, centre - back);
  const base = Math.min(fromFn ?? resyncFrom, resyncFrom);
  const end = Math.min(0x1_0000_0000, centre + after * 4 + 8);
  const bytes = await deps.read(base, end - base);

  const starts: number[] = [];
  if (fromFn !== undefined) starts.push(fromFn);
  for (let i = 0; i < RESYNC_TRIES; i++) if (resyncFrom + 2 * i < centre) starts.push(resyncFrom + 2 * i);
  starts.push(centre); // always lands on itself
  for (const start of starts) {
    const raw = decodeLinear(deps, bytes, base, start);
    const at = raw.findIndex((l) => l.address === centre);
    if (at < 0) continue;
    const picked = raw.slice(Math.max(0, at - before), at + after + 1).filter((l) => l.address + l.size <= end);
    return { address: centre, start, lines: picked.map((l) => line(deps, l)), decoder: deps.decoder.name };
  }
  throw new Error(`disassemble: no instruction boundary at 0x${centre.toString(16)}`); // unreachable: start = centre always lands
}

/** Decodes from `start` to the end of `bytes`: data regions as `.word`, and a halfword the decoder refuses as `.short`. */
function decodeLinear(deps: DisasmDeps, bytes: Uint8Array, base: number, start: number): RawInsn[] {
  const out: RawInsn[] = [];
  let off = start - base;
  while (off + 2 <= bytes.length) {
    const region = deps.regionAt?.(base + off);
    const limit = Math.min(bytes.length, region ? region.end - base : bytes.length);
    if (region?.data) {
      const n = limit - off >= 4 ? 4 : 2;
      out.push(dataInsn(bytes.subarray(off, off + n), base + off));
      off += n;
      continue;
    }
    const got = deps.decoder.decode(bytes.subarray(off, limit), base + off);
    for (const i of got) out.push(i);
    off += got.reduce((n, i) => n + i.size, 0);
    if (off >= limit || off + 2 > bytes.length) continue;
    out.push(dataInsn(bytes.subarray(off, off + 2), base + off));
    off += 2;
  }
  return out;
}

function dataInsn(b: Uint8Array, address: number): RawInsn {
  const value = b.length === 4 ? (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0 : b[0]! | (b[1]! << 8);
  return { address, size: b.length, bytes: b, mnemonic: b.length === 4 ? '.word' : '.short', opStr: `0x${value.toString(16).padStart(b.length * 2, '0')}` };
}

const BRANCH = /^(b|bl|blx|cbz|cbnz)(eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)?(\.[nw])?$/;

/** The destination of a direct branch or call: Capstone prints it as the last operand, `#0x8000128`. */
export function branchTarget(mnemonic: string, operands: string): number | undefined {
  if (!BRANCH.test(mnemonic)) return undefined;
  const m = /#(0x[0-9a-f]+|\d+)$/i.exec(operands);
  return m ? Number(m[1]) >>> 0 : undefined;
}

function line(deps: DisasmDeps, i: RawInsn): DisasmLine {
  const out: DisasmLine = { address: i.address >>> 0, bytes: [...i.bytes], mnemonic: i.mnemonic, operands: i.opStr };
  const sym = deps.nameOf(out.address);
  if (sym) out.symbol = sym;
  const src = deps.sourceOf(out.address);
  if (src) out.source = src;
  const target = branchTarget(i.mnemonic, i.opStr);
  if (target !== undefined) {
    out.target = target;
    const ts = deps.nameOf(target);
    if (ts) out.targetSymbol = ts;
  }
  return out;
}
