// What users do with memory beyond single reads: fill, search, dump/load files, hexdump.
import { formatAddress } from '../../shared/hex';
import { readFile, writeFile } from 'node:fs/promises';
import { TargetError, ValidationError } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { throwFailure } from './failures';
import { runGuarded } from './guarded';
import { formatHexdump } from './hexdump';
import { checkRange, hex } from './tcl';

/** The part of Memory the tools need. */
export interface ByteIO {
  readonly addressLimit: number;
  readBytes(address: number, length: number): Promise<Uint8Array>;
  writeBytes(address: number, data: Uint8Array): Promise<void>;
}

function checkByte(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new ValidationError(`fill value ${value} is not a byte (0..255)`);
}

/**
 * Fills with one byte value. The word-aligned body is one `mww ADDR VALUE COUNT` (OpenOCD
 * repeats the value itself, so a 64 KB fill is a short command); edges go byte by byte.
 */
export async function fillMemory(io: ByteIO, runner: CommandRunner, address: number, length: number, value: number): Promise<void> {
  checkByte(value);
  checkRange(address, length, io.addressLimit);
  const end = address + length;
  const bodyStart = Math.min(end, address + ((4 - (address % 4)) % 4));
  const bodyEnd = bodyStart + Math.floor((end - bodyStart) / 4) * 4;
  if (bodyStart > address) await io.writeBytes(address, new Uint8Array(bodyStart - address).fill(value));
  if (bodyEnd > bodyStart) {
    const word = value * 0x01010101;
    const words = (bodyEnd - bodyStart) / 4;
    const o = await runGuarded(runner, `mww ${hex(bodyStart)} ${hex(word)} ${words}`, { timeoutMs: 10_000 + words });
    if (!o.ok) throwFailure(TargetError, `fill at ${formatAddress(bodyStart)} (${words * 4} bytes) failed`, o);
  }
  if (end > bodyEnd) await io.writeBytes(bodyEnd, new Uint8Array(end - bodyEnd).fill(value));
}

export type Pattern = Uint8Array | readonly number[] | string;

export function patternBytes(pattern: Pattern): Uint8Array {
  const bytes = typeof pattern === 'string' ? new TextEncoder().encode(pattern) : Uint8Array.from(pattern);
  if (bytes.length === 0) throw new ValidationError('search pattern is empty');
  for (const b of bytes) if (b > 0xff) throw new ValidationError(`search pattern byte ${b} is not a byte`);
  return bytes;
}

/** Every offset of `needle` in `hay` (overlapping matches included). */
export function findAll(hay: Uint8Array, needle: Uint8Array, limit = Infinity): number[] {
  const found: number[] = [];
  const buf = Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength);
  let at = buf.indexOf(needle, 0);
  while (at >= 0 && found.length < limit) {
    found.push(at);
    at = buf.indexOf(needle, at + 1);
  }
  return found;
}

export interface SearchOptions {
  /** Stop after this many matches (default: all). */
  limit?: number;
  /** Bytes read per step (default 64 KB). */
  chunkBytes?: number;
}

/** Addresses where `pattern` occurs in [address, address+length), read chunk by chunk. */
export async function searchMemory(io: ByteIO, address: number, length: number, pattern: Pattern, opts: SearchOptions = {}): Promise<number[]> {
  const needle = patternBytes(pattern);
  checkRange(address, length, io.addressLimit);
  const limit = opts.limit ?? Infinity;
  const chunk = Math.max(opts.chunkBytes ?? 64 * 1024, needle.length);
  const found: number[] = [];
  const end = address + length;
  // Each step re-reads the last needle.length-1 bytes so a match across a chunk edge is found.
  for (let at = address; at < end && found.length < limit; ) {
    const n = Math.min(chunk, end - at);
    const bytes = await io.readBytes(at, n);
    for (const off of findAll(bytes, needle, limit - found.length)) found.push(at + off);
    if (at + n >= end) break;
    at += n - (needle.length - 1);
  }
  return found;
}

export async function dumpMemory(io: ByteIO, address: number, length: number, file: string): Promise<number> {
  const bytes = await io.readBytes(address, length);
  await writeFile(file, bytes);
  return bytes.length;
}

export async function loadMemory(io: ByteIO, file: string, address: number): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ValidationError(`cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  await io.writeBytes(address, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return bytes.length;
}

export async function hexdumpMemory(io: ByteIO, address: number, length: number): Promise<string> {
  return formatHexdump(await io.readBytes(address, length), address);
}
