// Pure planning for programming: which sectors to erase, how to cut the image into
// write chunks, how to check an erase range. No OpenOCD here, so it is unit-tested.
import { ValidationError } from '../../openocd/errors';
import type { ImageSegment } from '../../images/types';
import { hex32 } from '../../images/types';
import type { FlashBankInfo } from './types';
import type { PaceOptions } from './pacer';

/** A piece of the image that lies inside one bank. */
export interface BankPiece {
  bank: number;
  address: number;
  data: Uint8Array;
}

export interface EraseGroup {
  bank: number;
  first: number;
  last: number;
  /** Bytes covered by sectors first..last. */
  bytes: number;
}

export interface WriteChunk {
  bank: number;
  address: number;
  /** Image bytes plus fill in small gaps, so no two chunks share a write unit. */
  data: Uint8Array;
  /** How many of data's bytes come from the image (for progress). */
  imageBytes: number;
}

function bankEnd(b: FlashBankInfo): number {
  return b.base + b.size;
}

function describeBanks(banks: readonly FlashBankInfo[]): string {
  if (banks.length === 0) return 'the target has no flash banks';
  return banks.map((b) => `bank ${b.index} (${b.driver}) ${hex32(b.base)}..${hex32(bankEnd(b) - 1)}`).join(', ');
}

/** Cuts segments at bank borders; bytes outside every bank are an error naming the range. */
export function splitByBank(segments: readonly ImageSegment[], banks: readonly FlashBankInfo[], source: string): BankPiece[] {
  const pieces: BankPiece[] = [];
  for (const seg of segments) {
    let at = seg.address;
    const end = seg.address + seg.data.length;
    while (at < end) {
      const bank = banks.find((b) => at >= b.base && at < bankEnd(b));
      if (!bank) {
        // Report the whole run outside flash, up to the next bank or the segment end.
        const next = banks.filter((b) => b.base > at).reduce((m, b) => Math.min(m, b.base), end);
        const stop = Math.min(next, end);
        throw new ValidationError(
          `${source}: ${stop - at} bytes at ${hex32(at)}..${hex32(stop - 1)} are outside flash (${describeBanks(banks)})`,
          { hint: 'Check the load address (for .bin files) or the linker script: only flash can be programmed.' },
        );
      }
      const stop = Math.min(end, bankEnd(bank));
      pieces.push({ bank: bank.index, address: at, data: seg.data.subarray(at - seg.address, stop - seg.address) });
      at = stop;
    }
  }
  return pieces.sort((a, b) => a.address - b.address);
}

/**
 * The sectors the pieces touch, in erase commands of at most groupBytes each (at least
 * one sector), so the erase phase reports progress too. A bank the image covers
 * entirely is one command: drivers turn first..last of the whole bank into a mass
 * erase (stm32x_erase), many times faster than page by page, as OpenOCD's `program` does.
 */
export function planErase(pieces: readonly BankPiece[], banks: readonly FlashBankInfo[], groupBytes: number): EraseGroup[] {
  const groups: EraseGroup[] = [];
  for (const bank of banks) {
    const touched = new Set<number>();
    for (const p of pieces) {
      if (p.bank !== bank.index) continue;
      const end = p.address + p.data.length;
      for (const s of bank.sectors) {
        if (s.address < end && s.address + s.size > p.address) touched.add(s.index);
      }
    }
    const indices = [...touched].sort((a, b) => a - b);
    if (indices.length > 0 && indices.length === bank.sectors.length) {
      groups.push({ bank: bank.index, first: 0, last: bank.sectors.length - 1, bytes: bank.sectors.reduce((a, x) => a + x.size, 0) });
      continue;
    }
    let cur: EraseGroup | undefined;
    for (const i of indices) {
      const size = bank.sectors[i]!.size;
      if (cur && i === cur.last + 1 && cur.bytes + size <= groupBytes) {
        cur.last = i;
        cur.bytes += size;
      } else {
        cur = { bank: bank.index, first: i, last: i, bytes: size };
        groups.push(cur);
      }
    }
  }
  return groups;
}

export interface ChunkOptions {
  /** Target chunk size; a multiple of align. */
  chunkSize: number;
  /** Write unit to keep chunks apart (bytes; 32 covers STM32F1/F4/L4/H7). */
  align: number;
  /** Value for gap bytes inside a shared write unit: the erased state. */
  fill: number;
  /** How chunks are joined into groups per command (pacer.ts). */
  pace?: PaceOptions;
}

/**
 * Write chunks: pieces whose gap lies inside one write unit are joined (gap filled),
 * so that two separate writes never program the same unit twice; long runs are cut
 * at align-multiple addresses into chunks of at most chunkSize.
 */
export function planChunks(pieces: readonly BankPiece[], opts: ChunkOptions): WriteChunk[] {
  const { align, chunkSize } = opts;
  if (chunkSize < align || chunkSize % align !== 0) throw new RangeError(`chunkSize ${chunkSize} must be a multiple of align ${align}`);
  const unit = (addr: number): number => Math.floor(addr / align);
  // 1. Runs of pieces that must be written together.
  const runs: BankPiece[][] = [];
  for (const p of pieces) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.bank === p.bank && unit(last.address + last.data.length - 1) >= unit(p.address)) run.push(p);
    else runs.push([p]);
  }
  // 2. Each run as one buffer, cut into chunks.
  const chunks: WriteChunk[] = [];
  for (const run of runs) {
    const first = run[0]!;
    const lastPiece = run[run.length - 1]!;
    const start = first.address;
    const end = lastPiece.address + lastPiece.data.length;
    const buf = new Uint8Array(end - start).fill(opts.fill);
    for (const p of run) buf.set(p.data, p.address - start);
    let at = start;
    while (at < end) {
      const limit = (unit(at) * align) + chunkSize; // aligned cut point
      const stop = Math.min(end, limit);
      let imageBytes = 0;
      for (const p of run) {
        const lo = Math.max(at, p.address);
        const hi = Math.min(stop, p.address + p.data.length);
        if (hi > lo) imageBytes += hi - lo;
      }
      chunks.push({ bank: first.bank, address: at, data: buf.subarray(at - start, stop - start), imageBytes });
      at = stop;
    }
  }
  return chunks;
}

/** Image bytes in pieces of at most size, for read-back verification (no fill). */
export function splitPieces(pieces: readonly BankPiece[], size: number): BankPiece[] {
  const out: BankPiece[] = [];
  for (const p of pieces) {
    for (let off = 0; off < p.data.length; off += size) {
      out.push({ bank: p.bank, address: p.address + off, data: p.data.subarray(off, off + size) });
    }
  }
  return out;
}

/**
 * The sectors exactly covering [address, address+length): both ends must be sector
 * boundaries of one bank. The error names the sector so the user can fix the range.
 */
export function sectorsForRange(address: number, length: number, bank: FlashBankInfo): { first: number; last: number } {
  if (!Number.isSafeInteger(length) || length <= 0) throw new ValidationError(`erase length must be a positive number of bytes, got ${length}`);
  const end = address + length;
  if (address < bank.base || end > bankEnd(bank)) {
    throw new ValidationError(
      `erase range ${hex32(address)}..${hex32(end - 1)} is outside flash bank ${bank.index} (${hex32(bank.base)}..${hex32(bankEnd(bank) - 1)})`,
      { hint: 'Erase only addresses inside the bank; `flash info` lists its sectors.' },
    );
  }
  const first = bank.sectors.findIndex((s) => s.address === address);
  const last = bank.sectors.findIndex((s) => s.address + s.size === end);
  const misaligned = (at: number, what: string): never => {
    const s = bank.sectors.find((x) => at >= x.address && at < x.address + x.size);
    const span = s ? ` (sector ${s.index} spans ${hex32(s.address)}..${hex32(s.address + s.size - 1)})` : '';
    throw new ValidationError(`erase range ${what} ${hex32(at)} is not on a sector boundary of bank ${bank.index}${span}`, {
      hint: 'Start and end the range on sector boundaries, or let the range be padded out to whole sectors (pad: true) — padding erases more than you asked for.',
    });
  };
  if (first < 0) misaligned(address, 'start');
  if (last < 0) misaligned(end, 'end');
  return { first, last };
}

/** The sector range [first, last] that covers [address, address+length) when padding is allowed. */
export function sectorsCovering(address: number, length: number, bank: FlashBankInfo): { first: number; last: number } {
  const end = address + length;
  const idx = bank.sectors.filter((s) => s.address < end && s.address + s.size > address).map((s) => s.index);
  if (idx.length === 0) throw new ValidationError(`no sector of bank ${bank.index} covers ${hex32(address)}`);
  return { first: idx[0]!, last: idx[idx.length - 1]! };
}
