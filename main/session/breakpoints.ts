// Breakpoints (`bp`/`rbp`) and watchpoints (`wp`/`rwp`). Adding one on a running core,
// running out of comparators or removing one that is not there are all BreakpointError
// with OpenOCD's own words. OpenOCD logs most of those reasons instead of returning them
// (and `rbp`/`rwp` even succeed when nothing was removed), so the commands run guarded.
import { formatAddress } from '../../shared/hex';
import { BreakpointError, ValidationError } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { mentionsNotHalted, relabel, throwFailure } from './failures';
import { runGuarded, type Outcome } from './guarded';
import { parseBreakpoints, parseWatchpoints, type Breakpoint, type WatchAccess, type Watchpoint } from './breakpoints-parse';
import { checkRange, hex } from './tcl';

export type { Breakpoint, Watchpoint, WatchAccess } from './breakpoints-parse';

export interface BreakpointOptions {
  /** A comparator (FPB) breakpoint: needed in flash, where a software one cannot be written. */
  hardware?: boolean;
}

export interface WatchpointOptions {
  /** Only trigger when the data equals value (under mask); not every core supports it. */
  value?: number;
  mask?: number;
}

/** @param inUse how many of this kind are set now: "all comparators in use" only when some are. */
function hintFor(o: Outcome, inUse?: number): string | undefined {
  const text = o.log + o.result;
  if (mentionsNotHalted(text)) return 'Halt the target first: OpenOCD adds breakpoints and watchpoints only on a halted core.';
  if (/FPB Comparator|resource not available|can't add/i.test(text)) {
    if (inUse === 0) return 'The core refused it although none is set: check the length, alignment and options against what the core supports.';
    return 'All hardware comparators are in use; remove one first.';
  }
  return undefined;
}

/** Cortex-M DWT comparators watch 2^n bytes (n < 16) at an address aligned to that (cortex_m.c cortex_m_add_watchpoint). */
const CORTEX_M_WATCH_MAX = 32 * 1024;
const CORTEX_M_TYPES = new Set(['cortex_m', 'hla_target']);

export function checkCortexMWatchpoint(address: number, length: number, opts: WatchpointOptions): void {
  if ((length & (length - 1)) !== 0 || length > CORTEX_M_WATCH_MAX) {
    throw new BreakpointError(`cannot add watchpoint at ${formatAddress(address)}: a Cortex-M watchpoint covers a power of two of bytes up to 32 KiB (1, 2, 4, ... 32768), not ${length}`);
  }
  if (address % length !== 0) {
    throw new BreakpointError(`cannot add watchpoint at ${formatAddress(address)}: a ${length}-byte Cortex-M watchpoint must start on a multiple of ${length}`, {
      hint: `Use ${formatAddress(address - (address % length))} (covers ${formatAddress(address)}) or a smaller length.`,
    });
  }
  if ((opts.value !== undefined && opts.value !== 0) || (opts.mask !== undefined && opts.mask !== 0xffffffff)) {
    throw new BreakpointError(`cannot add watchpoint at ${formatAddress(address)}: OpenOCD 0.12 does not support data value or mask watchpoints on Cortex-M`, {
      hint: 'Watch the address without value/mask and check the value when it triggers.',
    });
  }
}

function checkLength(length: number): void {
  if (!Number.isSafeInteger(length) || length < 1) throw new ValidationError(`invalid length ${length}`);
}

function checkU32(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0 || v > 0xffffffff) throw new ValidationError(`invalid ${what} ${v}: must fit in 32 bits`);
}

export class Breakpoints {
  /** The current target's type (`cget -type`), asked once: it decides the watchpoint rules. */
  private targetType: Promise<string | undefined> | undefined;

  constructor(private readonly runner: CommandRunner) {}

  /** Length 2 is a Thumb instruction (Cortex-M); 4 for ARM/Thumb-2 32-bit. */
  async add(address: number, length = 2, opts: BreakpointOptions = {}): Promise<void> {
    checkRange(address, length);
    checkLength(length);
    const o = await runGuarded(this.runner, `bp ${hex(address)} ${length}${opts.hardware ? ' hw' : ''}`);
    if (!o.ok) throwFailure(BreakpointError, `cannot add breakpoint at ${formatAddress(address)}`, o, hintFor(o, await this.count(() => this.list())));
  }

  async remove(address: number): Promise<void> {
    checkRange(address, 1);
    const o = await runGuarded(this.runner, `rbp ${hex(address)}`);
    // rbp returns OK even when there was nothing to remove; only the log says so.
    if (!o.ok || /no breakpoint at address/i.test(o.log)) throwFailure(BreakpointError, `cannot remove breakpoint at ${hex(address)}`, o);
  }

  async removeAll(): Promise<void> {
    const o = await runGuarded(this.runner, 'rbp all');
    if (!o.ok) throwFailure(BreakpointError, 'cannot remove breakpoints', o);
  }

  async list(): Promise<Breakpoint[]> {
    try {
      return parseBreakpoints(await this.runner.command('bp'));
    } catch (e) {
      throw relabel(e, BreakpointError, 'cannot list breakpoints');
    }
  }

  async addWatchpoint(address: number, length: number, access: WatchAccess = 'a', opts: WatchpointOptions = {}): Promise<void> {
    checkRange(address, length);
    checkLength(length);
    if (access !== 'r' && access !== 'w' && access !== 'a') throw new ValidationError(`invalid watchpoint access "${String(access)}": use r, w or a`);
    if (CORTEX_M_TYPES.has((await this.type()) ?? '')) checkCortexMWatchpoint(address, length, opts);
    let tcl = `wp ${hex(address)} ${length} ${access}`;
    if (opts.value !== undefined || opts.mask !== undefined) {
      const value = opts.value ?? 0;
      checkU32(value, 'watch value');
      tcl += ` ${hex(value)}`;
      if (opts.mask !== undefined) {
        checkU32(opts.mask, 'watch mask');
        tcl += ` ${hex(opts.mask)}`;
      }
    }
    const o = await runGuarded(this.runner, tcl);
    if (!o.ok) throwFailure(BreakpointError, `cannot add watchpoint at ${formatAddress(address)}`, o, hintFor(o, await this.count(() => this.listWatchpoints())));
  }

  private type(): Promise<string | undefined> {
    this.targetType ??= this.runner.command('[target current] cget -type').then(
      (t) => t.trim() || undefined,
      () => undefined,
    );
    return this.targetType;
  }

  /** How many are set, or undefined when that cannot be read (then the hint stays generic). */
  private async count(list: () => Promise<unknown[]>): Promise<number | undefined> {
    return list().then((l) => l.length, () => undefined);
  }

  async removeWatchpoint(address: number): Promise<void> {
    checkRange(address, 1);
    const o = await runGuarded(this.runner, `rwp ${hex(address)}`);
    if (!o.ok || /no watchpoint at address/i.test(o.log)) throwFailure(BreakpointError, `cannot remove watchpoint at ${hex(address)}`, o);
  }

  /** OpenOCD 0.12's rwp has no "all": remove them one by one. */
  async removeAllWatchpoints(): Promise<void> {
    for (const w of await this.listWatchpoints()) await this.removeWatchpoint(w.address);
  }

  async listWatchpoints(): Promise<Watchpoint[]> {
    try {
      return parseWatchpoints(await this.runner.command('wp'));
    } catch (e) {
      throw relabel(e, BreakpointError, 'cannot list watchpoints');
    }
  }
}
