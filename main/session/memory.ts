// Target memory through OpenOCD 0.12's read_memory / write_memory.
// Typed accessors (u8..u64, one value or `count`), byte ranges of any length and
// alignment (chunked), and the tools built on them (memory-tools.ts).
import { formatAddress } from '../../shared/hex';
import { TargetError, TargetNotHaltedError, ValidationError, type ErrorDetails } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { relabel } from './failures';
import { runGuarded } from './guarded';
import { decodeElements, decodeValues, encodeElements } from './memory-codec';
import { dumpMemory, fillMemory, hexdumpMemory, loadMemory, searchMemory, type Pattern, type SearchOptions } from './memory-tools';
import { ADDRESS_LIMIT_32, checkAligned, checkCount, checkRange, hex } from './tcl';

export interface MemoryOptions {
  /** Bytes per read_memory/write_memory command (OpenOCD caps a command at 64K elements). */
  chunkBytes?: number;
  /** One past the highest address (default 2^32). */
  addressLimit?: number;
}

/**
 * 64 KB per command: few enough round trips that a 16 KB read is one command, small enough
 * (≈180 KB of reply text) that a reply never nears the client's 10 MB guard.
 */
const DEFAULT_CHUNK = 64 * 1024;
const MAX_CHUNK = 65536 * 4;

export class Memory {
  private readonly chunkBytes: number;
  readonly addressLimit: number;
  private endianPromise: Promise<boolean> | undefined;

  constructor(
    private readonly runner: CommandRunner,
    opts: MemoryOptions = {},
  ) {
    this.chunkBytes = Math.min(MAX_CHUNK, Math.max(4, (opts.chunkBytes ?? DEFAULT_CHUNK) & ~3));
    this.addressLimit = opts.addressLimit ?? ADDRESS_LIMIT_32;
  }

  readU8(address: number): Promise<number>;
  readU8(address: number, count: number): Promise<number[]>;
  readU8(address: number, count?: number): Promise<number | number[]> {
    return this.readTyped(address, 8, count);
  }
  readU16(address: number): Promise<number>;
  readU16(address: number, count: number): Promise<number[]>;
  readU16(address: number, count?: number): Promise<number | number[]> {
    return this.readTyped(address, 16, count);
  }
  readU32(address: number): Promise<number>;
  readU32(address: number, count: number): Promise<number[]>;
  readU32(address: number, count?: number): Promise<number | number[]> {
    return this.readTyped(address, 32, count);
  }
  /**
   * 64-bit values as bigint. Read as 32-bit pairs: Cortex-M memory APs have no 64-bit
   * access size, and two word reads give the same bytes on every target.
   */
  readU64(address: number): Promise<bigint>;
  readU64(address: number, count: number): Promise<bigint[]>;
  async readU64(address: number, count?: number): Promise<bigint | bigint[]> {
    const n = count ?? 1;
    checkCount(n);
    checkAligned(address, 8);
    const bytes = await this.readBytes(address, n * 8);
    const big = await this.bigEndian();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values = Array.from({ length: n }, (_, i) => view.getBigUint64(i * 8, !big));
    return count === undefined ? (values[0] as bigint) : values;
  }

  writeU8(address: number, value: number | readonly number[]): Promise<void> {
    return this.writeTyped(address, 8, value);
  }
  writeU16(address: number, value: number | readonly number[]): Promise<void> {
    return this.writeTyped(address, 16, value);
  }
  writeU32(address: number, value: number | readonly number[]): Promise<void> {
    return this.writeTyped(address, 32, value);
  }
  async writeU64(address: number, value: bigint | readonly bigint[]): Promise<void> {
    const values = typeof value === 'bigint' ? [value] : [...value];
    checkCount(values.length, 'number of values');
    checkAligned(address, 8);
    const big = await this.bigEndian();
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => {
      if (v < 0n || v > 0xffff_ffff_ffff_ffffn) throw new ValidationError(`value ${v} does not fit in 64 bits`);
      view.setBigUint64(i * 8, v, !big);
    });
    await this.writeBytes(address, bytes);
  }

  /** Any length at any address: unaligned edges by bytes, the rest by 32-bit words. */
  async readBytes(address: number, length: number): Promise<Uint8Array> {
    checkRange(address, length, this.addressLimit);
    const out = new Uint8Array(length);
    if (length === 0) return out;
    const big = await this.bigEndian();
    // All chunk commands are queued at once: the client sends each as soon as the
    // previous reply is in, so there is no gap for our own await between them.
    const jobs = this.plan(address, length).map(async (p) => {
      const reply = await this.send(`read_memory ${hex(p.address)} ${p.width} ${p.count}`, p.address, p.count * (p.width / 8), 'read');
      try {
        decodeElements(reply, p.width, out, p.address - address, p.count, big);
      } catch (e) {
        throw this.rangeError('read', p.address, p.count * (p.width / 8), e);
      }
    });
    await Promise.all(jobs);
    return out;
  }

  async writeBytes(address: number, data: Uint8Array): Promise<void> {
    checkRange(address, data.length, this.addressLimit);
    if (data.length === 0) return;
    const big = await this.bigEndian();
    const jobs = this.plan(address, data.length).map(async (p) => {
      const start = p.address - address;
      const slice = data.subarray(start, start + p.count * (p.width / 8));
      const o = await runGuarded(this.runner, `write_memory ${hex(p.address)} ${p.width} {${encodeElements(slice, p.width, big)}}`, {
        timeoutMs: timeoutFor(slice.length),
      });
      if (!o.ok) {
        const text = [o.log.trim(), o.result.trim()].filter(Boolean).join('\n');
        throw new TargetError(`memory write at ${formatAddress(p.address)} (${slice.length} bytes) failed: ${text}`, { openocdText: text });
      }
    });
    await Promise.all(jobs);
  }

  /** Fills [address, address+length) with one byte value. */
  fill(address: number, length: number, value: number): Promise<void> {
    return fillMemory(this, this.runner, address, length, value);
  }
  /** Addresses where the byte pattern (bytes or a string, as UTF-8) occurs in the range. */
  search(address: number, length: number, pattern: Pattern, opts?: SearchOptions): Promise<number[]> {
    return searchMemory(this, address, length, pattern, opts);
  }
  /** Writes the range to a file; returns the byte count. */
  dump(address: number, length: number, file: string): Promise<number> {
    return dumpMemory(this, address, length, file);
  }
  /** Writes a file's bytes to target memory at address; returns the byte count. */
  load(file: string, address: number): Promise<number> {
    return loadMemory(this, file, address);
  }
  /** The range as classic hexdump text (16 bytes a row, with ASCII). */
  hexdump(address: number, length: number): Promise<string> {
    return hexdumpMemory(this, address, length);
  }

  /** Target byte order, asked once (`cget -endian`); Cortex-M parts are little-endian. */
  bigEndian(): Promise<boolean> {
    this.endianPromise ??= this.runner.command('[target current] cget -endian').then(
      (r) => r.trim() === 'big',
      (e: unknown) => {
        this.endianPromise = undefined;
        throw relabel(e, TargetError, 'cannot read the target byte order');
      },
    );
    return this.endianPromise;
  }

  private async readTyped(address: number, width: 8 | 16 | 32, count: number | undefined): Promise<number | number[]> {
    const n = count ?? 1;
    checkCount(n);
    checkAligned(address, width / 8);
    checkRange(address, n * (width / 8), this.addressLimit);
    const values: number[] = [];
    for (let done = 0; done < n; ) {
      const c = Math.min(n - done, Math.floor(this.chunkBytes / (width / 8)));
      const at = address + done * (width / 8);
      const reply = await this.send(`read_memory ${hex(at)} ${width} ${c}`, at, c * (width / 8), 'read');
      try {
        for (const v of decodeValues(reply, width, c)) values.push(v as number);
      } catch (e) {
        throw this.rangeError('read', at, c * (width / 8), e);
      }
      done += c;
    }
    return count === undefined ? (values[0] as number) : values;
  }

  private async writeTyped(address: number, width: 8 | 16 | 32, value: number | readonly number[]): Promise<void> {
    const values = typeof value === 'number' ? [value] : value;
    checkCount(values.length, 'number of values');
    checkAligned(address, width / 8);
    checkRange(address, values.length * (width / 8), this.addressLimit);
    const max = 2 ** width;
    for (const v of values) {
      if (!Number.isInteger(v) || v < 0 || v >= max) throw new ValidationError(`value ${v} does not fit in ${width} bits`);
    }
    const perChunk = Math.floor(this.chunkBytes / (width / 8));
    for (let done = 0; done < values.length; done += perChunk) {
      const part = values.slice(done, done + perChunk);
      const at = address + done * (width / 8);
      const o = await runGuarded(this.runner, `write_memory ${hex(at)} ${width} {${part.map((v) => hex(v)).join(' ')}}`, {
        timeoutMs: timeoutFor(part.length * (width / 8)),
      });
      if (!o.ok) {
        const text = [o.log.trim(), o.result.trim()].filter(Boolean).join('\n');
        throw new TargetError(`memory write at ${formatAddress(at)} (${part.length * (width / 8)} bytes) failed: ${text}`, { openocdText: text });
      }
    }
  }

  private async send(tcl: string, at: number, bytes: number, what: 'read'): Promise<string> {
    try {
      return await this.runner.command(tcl, { timeoutMs: timeoutFor(bytes) });
    } catch (e) {
      throw this.rangeError(what, at, bytes, e);
    }
  }

  private rangeError(what: 'read' | 'write', at: number, bytes: number, e: unknown): unknown {
    const context = `memory ${what} at ${formatAddress(at)} (${bytes} bytes) failed`;
    // A plain TargetError (e.g. OpenOCD's "read_memory: failed to read memory") gets the
    // address and size added: that is what the user needs to find the bad range.
    if (e instanceof TargetError && !(e instanceof TargetNotHaltedError)) {
      const details: ErrorDetails = { cause: e };
      if (e.openocdText !== undefined) details.openocdText = e.openocdText;
      if (e.hint !== undefined) details.hint = e.hint;
      return new TargetError(`${context}: ${e.message}`, details);
    }
    return relabel(e, TargetError, context);
  }

  /** Head bytes up to a word boundary, whole words in chunks, tail bytes. */
  private plan(address: number, length: number): Array<{ address: number; width: 8 | 32; count: number }> {
    const parts: Array<{ address: number; width: 8 | 32; count: number }> = [];
    const end = address + length;
    let at = address;
    const head = Math.min(length, (4 - (address % 4)) % 4);
    if (head > 0) {
      parts.push({ address: at, width: 8, count: head });
      at += head;
    }
    while (end - at >= 4) {
      const words = Math.min(Math.floor((end - at) / 4), this.chunkBytes / 4);
      parts.push({ address: at, width: 32, count: words });
      at += words * 4;
    }
    if (at < end) parts.push({ address: at, width: 8, count: end - at });
    return parts;
  }
}

/** A slow adapter moves ~10 KB/s; never time out a big transfer that is still working. */
function timeoutFor(bytes: number): number {
  return 10_000 + Math.ceil(bytes / 10);
}
