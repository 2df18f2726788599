// The Flash subsystem: banks and sectors, erase, chunked programming with progress,
// verify, read-back, protection, and the stm32f1x driver's own commands.
import { writeFile } from 'node:fs/promises';
import { FlashError, toErrorValue, ValidationError } from '../../openocd/errors';
import { isLoopback } from '../loopback';
import { loadImageFile, type ImageLoadOptions } from '../../images/load';
import type { Image } from '../../images/types';
import type { CommandRunner } from '../command-runner';
import { Memory } from '../memory';
import { formatAddress } from '../../../shared/hex';
import { checkRange } from '../tcl';
import { verifyByChecksum } from './checksum-verify';
import { withChunkFiles } from './chunk-files';
import { combineFlashInfo, parseFlashBanks } from './parse';
import { sectorsCovering, sectorsForRange, splitPieces } from './plan';
import { programImage } from './program';
import { asAbortError, Cancelled, PhaseProgress } from './progress';
import { flashReadError, runFlashCommand } from './run';
import { Stm32f1x } from './stm32f1x';
import type { PaceOptions } from './pacer';
import { looksProtected, protectionHint, stm32f1xBank, stm32f1xProtection, withProtectionHint } from './protection-hint';
import type { FlashBank, FlashBankInfo, ProgramOptions, ProgramResult, ReadOptions, VerifyOptions, VerifyResult } from './types';

/** The sectors an erase covers, and the bytes they span (more than asked when padded). */
export interface EraseRangePlan {
  bank: number;
  first: number;
  last: number;
  address: number;
  length: number;
}

export interface FlashOptions {
  /** Share the session's Memory (its byte-order cache); one is made otherwise. */
  memory?: Memory;
  /** Bytes per write/read/verify command: small enough for frequent progress, large enough for low overhead. */
  chunkSize?: number;
  /** Folder for the per-chunk temp files (default: the OS temp folder). */
  tempDir?: string;
  /**
   * Where OpenOCD runs (Session.connect's host). Programming and verify hand OpenOCD
   * temp files by path, so for another machine they fail at once with a FlashError.
   */
  openocdHost?: string;
  /** How chunks are grouped per command (default: a progress event about every 500 ms, groups up to 256 KiB). */
  pace?: PaceOptions;
}

/** Drivers whose `<driver> mass_erase <bank>` erases the whole bank in one operation. */
const MASS_ERASE_DRIVERS = new Set(['stm32f1x', 'stm32f2x', 'stm32l4x', 'stm32lx', 'stm32h7x']);

const DEFAULT_CHUNK = 4096;
const WRITE_ALIGN = 32;
const ERASED = 0xff;

export class Flash {
  private readonly memory: Memory;
  private readonly chunkSize: number;
  private readonly tempDir: string | undefined;
  private readonly pace: PaceOptions | undefined;
  private readonly openocdHost: string | undefined;
  /** Bank geometry does not change while connected; protection state is always read fresh by info(). */
  private geometryCache: Promise<FlashBankInfo[]> | undefined;
  readonly stm32f1x: Stm32f1x;

  constructor(
    private readonly runner: CommandRunner,
    opts: FlashOptions = {},
  ) {
    this.memory = opts.memory ?? new Memory(runner);
    const size = opts.chunkSize ?? DEFAULT_CHUNK;
    if (!Number.isInteger(size) || size < WRITE_ALIGN || size % WRITE_ALIGN !== 0) {
      throw new ValidationError(`flash chunk size ${size} must be a positive multiple of ${WRITE_ALIGN}`);
    }
    this.chunkSize = size;
    this.tempDir = opts.tempDir;
    this.pace = opts.pace;
    this.openocdHost = opts.openocdHost;
    this.stm32f1x = new Stm32f1x(runner);
  }

  /** `flash banks`. Unprobed banks (stm32f1x before first use) report size 0; info() probes. */
  async banks(): Promise<FlashBank[]> {
    return parseFlashBanks(await runFlashCommand(this.runner, 'flash banks', 'listing flash banks failed'));
  }

  /** `flash info N sectors` + `flash info N`: sectors, protection blocks and their state. */
  async info(bank: number): Promise<FlashBankInfo> {
    checkBank(bank);
    let sectors: string;
    try {
      sectors = await runFlashCommand(this.runner, `flash info ${bank} sectors`, `reading flash bank ${bank} failed`);
    } catch (e) {
      throw e instanceof FlashError && /does not exist/.test(e.message) ? await this.noSuchBank(bank) : e;
    }
    const blocks = await runFlashCommand(this.runner, `flash info ${bank}`, `reading flash bank ${bank} failed`);
    return combineFlashInfo(sectors, blocks);
  }

  /** `flash probe N`: identifies the chip and its flash size. */
  async probe(bank: number): Promise<{ driver: string; base: number }> {
    checkBank(bank);
    const text = await runFlashCommand(this.runner, `flash probe ${bank}`, `probing flash bank ${bank} failed`);
    // "flash '%s' found at " TARGET_ADDR_FMT
    const m = /flash '([^']+)' found at 0x([0-9a-fA-F]+)/.exec(text);
    if (!m) throw new FlashError(`probing flash bank ${bank} failed: ${text.trim() || 'no answer'}`, { openocdText: text });
    this.geometryCache = undefined;
    return { driver: m[1]!, base: parseInt(m[2]!, 16) };
  }

  /**
   * A failed flash access with the hint for the protection that is really on (stm32f1x:
   * read-out vs write protection, from the option bytes); unchanged when there is none
   * or it cannot be told. `address` picks the bank (default: the first).
   */
  async explainProtection(err: unknown, address?: number): Promise<unknown> {
    const bank = stm32f1xBank(await this.geometry().catch(() => []), address);
    if (!bank) return err;
    const hint = protectionHint(await stm32f1xProtection(this.stm32f1x, bank.index, this.memory), bank);
    return hint === undefined ? err : withProtectionHint(err, hint);
  }

  /** The error for an OpenOCD on another machine: it could not open our temp files. */
  private remoteRefusal(): FlashError | undefined {
    if (this.openocdHost === undefined || isLoopback(this.openocdHost)) return undefined;
    return new FlashError(`cannot program through the OpenOCD at ${this.openocdHost}: it runs on another machine`, {
      hint:
        'OpenOCD reads the image (in chunks, from temp files) from its own file system, so programming over --connect only works on the same machine. ' +
        'Copy the image there and run `bringup flash FILE --connect 127.0.0.1:PORT` on that machine (or `program FILE verify` in its console).',
    });
  }

  private async noSuchBank(bank: number): Promise<ValidationError> {
    const banks = await this.banks().catch(() => undefined);
    return new ValidationError(`flash bank ${bank} does not exist`, banks ? { hint: describeBanks(banks) } : {});
  }

  /** Every bank's sectors, probed once per connection. */
  geometry(): Promise<FlashBankInfo[]> {
    this.geometryCache ??= (async () => {
      const banks = await this.banks();
      const infos: FlashBankInfo[] = [];
      for (const b of banks) infos.push(await this.info(b.index));
      return infos;
    })();
    this.geometryCache.catch(() => {
      this.geometryCache = undefined;
    });
    return this.geometryCache;
  }

  /** `flash erase_sector N first last` (the target must be halted). */
  async eraseSectors(bank: number, first: number, last: number): Promise<void> {
    checkBank(bank);
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first) {
      throw new ValidationError(`invalid sector range ${first}..${last}: need 0 <= first <= last`);
    }
    await runFlashCommand(this.runner, `flash erase_sector ${bank} ${first} ${last}`, `erasing sectors ${first}-${last} of bank ${bank} failed`, {
      timeoutMs: 30_000 + (last - first + 1) * 2_000,
    });
  }

  /**
   * Erases [address, address+length). Both ends must be sector boundaries unless pad
   * is set, in which case the range grows to whole sectors (and erases more).
   */
  async eraseRange(address: number, length: number, opts: { pad?: boolean } = {}): Promise<{ bank: number; first: number; last: number }> {
    const plan = await this.planEraseRange(address, length, opts);
    await this.eraseSectors(plan.bank, plan.first, plan.last);
    return { bank: plan.bank, first: plan.first, last: plan.last };
  }

  /**
   * What eraseRange would erase, checked against the bank geometry without touching the
   * target (the CLI checks before it halts the core): the sectors and the byte range they span.
   */
  async planEraseRange(address: number, length: number, opts: { pad?: boolean } = {}): Promise<EraseRangePlan> {
    checkRange(address, length);
    const banks = await this.geometry();
    const bank = banks.find((b) => address >= b.base && address < b.base + b.size);
    if (!bank) throw new ValidationError(`${formatAddress(address)} is not in any flash bank`, { hint: describeBanks(banks) });
    // sectorsForRange also rejects a range running past the bank, so pad checks that first.
    if (opts.pad && address + length > bank.base + bank.size) sectorsForRange(address, length, bank);
    const range = opts.pad ? sectorsCovering(address, length, bank) : sectorsForRange(address, length, bank);
    const first = bank.sectors[range.first]!;
    const last = bank.sectors[range.last]!;
    return { bank: bank.index, ...range, address: first.address, length: last.address + last.size - first.address };
  }

  /** Whole bank: the driver's mass erase where it has one (fast, also clears odd states), else every sector. */
  async eraseAll(bank = 0): Promise<{ method: 'mass_erase' | 'sectors' }> {
    checkBank(bank);
    const info = (await this.geometry()).find((b) => b.index === bank);
    if (!info) throw await this.noSuchBank(bank);
    if (MASS_ERASE_DRIVERS.has(info.driver)) {
      const text = await runFlashCommand(this.runner, `${info.driver} mass_erase ${bank}`, `mass erase of bank ${bank} failed`, { timeoutMs: 120_000 });
      if (/mass erase failed/.test(text)) throw new FlashError(`mass erase of bank ${bank} failed: ${text.trim()}`, { openocdText: text });
      return { method: 'mass_erase' };
    }
    await this.eraseSectors(bank, 0, info.sectors.length - 1);
    return { method: 'sectors' };
  }

  /** Chunked erase + write + verify with progress events; see ProgramOptions. */
  program(image: Image, opts: ProgramOptions = {}): Promise<ProgramResult> {
    const remote = this.remoteRefusal();
    if (remote) {
      opts.onEvent?.({ type: 'failed', error: toErrorValue(remote) });
      return Promise.reject(remote);
    }
    return programImage(
      { runner: this.runner, memory: this.memory, geometry: () => this.geometry(), chunk: { chunkSize: this.chunkSize, align: WRITE_ALIGN, fill: ERASED, pace: this.pace }, tempDir: this.tempDir,
        explainFailure: (e) => (looksProtected(e) ? this.explainProtection(e) : Promise.resolve(e)) },
      image,
      opts,
    );
  }

  /** Loads an image file (.bin needs opts.address) and programs it. Bad files throw ValidationError. */
  async programFile(path: string, opts: ProgramOptions & ImageLoadOptions = {}): Promise<ProgramResult> {
    const load: ImageLoadOptions = {};
    if (opts.address !== undefined) load.address = opts.address;
    if (opts.format !== undefined) load.format = opts.format;
    return this.program(await loadImageFile(path, load), opts);
  }

  /** Compares the target with the image; a mismatch is a result, not an error. Cancel rejects with AbortError. */
  async verify(image: Image, opts: VerifyOptions = {}): Promise<VerifyResult> {
    const remote = this.remoteRefusal();
    if (remote) throw remote;
    const pieces = splitPieces(image.segments.map((s) => ({ bank: -1, ...s })), this.chunkSize);
    try {
      return await withChunkFiles(this.tempDir, (files) =>
        verifyByChecksum({ runner: this.runner, memory: this.memory, files }, pieces, this.chunkSize, opts.onEvent, opts.signal, this.pace),
      );
    } catch (e) {
      throw asAbortError(e, 'verify');
    }
  }

  /** Reads target memory in chunks (progress phase 'read'), optionally into a file. */
  async read(address: number, length: number, opts: ReadOptions = {}): Promise<Buffer> {
    checkRange(address, length);
    const out = Buffer.alloc(length);
    const progress = new PhaseProgress('read', length, opts.onEvent);
    try {
      for (let off = 0; off < length; off += this.chunkSize) {
        if (opts.signal?.aborted) throw new Cancelled(progress);
        const n = Math.min(this.chunkSize, length - off);
        let bytes: Uint8Array;
        try {
          bytes = await this.memory.readBytes(address + off, n);
        } catch (e) {
          throw await this.explainProtection(flashReadError(e, `reading ${length} bytes at ${formatAddress(address)} failed`), address + off);
        }
        out.set(bytes, off);
        progress.advance(n);
      }
    } catch (e) {
      throw asAbortError(e, 'read');
    }
    if (opts.file !== undefined) await writeFile(opts.file, out);
    return out;
  }

  /**
   * `flash protect N first last on|off`. first/last count protection blocks
   * (info().protectionBlocks), which on stm32f1x are 4 pages each. On stm32f1x this
   * rewrites the option bytes: it takes effect after a reset.
   */
  async protect(bank: number, first: number, last: number, on: boolean): Promise<{ message: string; note?: string }> {
    checkBank(bank);
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first) {
      throw new ValidationError(`invalid protection block range ${first}..${last}: need 0 <= first <= last`);
    }
    const text = await runFlashCommand(this.runner, `flash protect ${bank} ${first} ${last} ${on ? 'on' : 'off'}`,
      `${on ? 'setting' : 'clearing'} write protection of blocks ${first}-${last} on bank ${bank} failed`, { timeoutMs: 30_000 });
    const driver = (await this.geometry()).find((b) => b.index === bank)?.driver;
    const result: { message: string; note?: string } = { message: text.trim() };
    if (driver === 'stm32f1x') result.note = 'Write protection lives in the option bytes: reset the target for the change to take effect.';
    return result;
  }
}

/** "Flash banks: 0 stm32f1x 0x08000000..0x0800ffff" for a message naming a wrong bank. */
export function describeBanks(banks: readonly { index: number; driver: string; base: number; size: number }[]): string {
  if (banks.length === 0) return 'This target has no flash banks.';
  return `Flash banks: ${banks.map((b) => `#${b.index} ${b.driver} ${hex32(b.base)}${b.size > 0 ? `..${hex32(b.base + b.size - 1)}` : ''}`).join(', ')}`;
}

const hex32 = (n: number): string => formatAddress(n);

function checkBank(bank: number): void {
  if (!Number.isInteger(bank) || bank < 0) throw new ValidationError(`invalid flash bank number ${String(bank)}`);
}
