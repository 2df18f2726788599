// JTAG: the scan chain, TAP declaration, raw IR/DR scans, state moves, and SVF/XSVF
// playback. Failures are JTAGError with OpenOCD's words.
import { JTAGError, ValidationError } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { relabel, throwFailure } from './failures';
import { runGuarded } from './guarded';
import { checkPath, isTapState, parseScanChain, SCAN_END_STATES, splitPath, STABLE_STATES, type Tap, type TapState } from './jtag-parse';
import { parseTclList } from './tcl-list';
import { hex, tclWord } from './tcl';

export type { Tap, TapState } from './jtag-parse';

export interface NewTapOptions {
  irLength: number;
  expectedIds?: number[];
  irCapture?: number;
  irMask?: number;
  disabled?: boolean;
  ignoreVersion?: boolean;
}

export interface ScanOptions {
  /** Where the TAP is left: RESET, IDLE (default), DRPAUSE or IRPAUSE. */
  endState?: TapState;
}

export interface DrScanOptions extends ScanOptions {
  /**
   * Load this instruction first, in the same command. Recommended: OpenOCD polls the
   * target between commands, which moves other TAPs out of BYPASS, and a drscan then
   * hits an assertion that ends OpenOCD (jtag/drivers/driver.c, 0.12). One command
   * cannot be interleaved with a poll.
   */
  instruction?: number | bigint;
}

export interface DrField {
  bits: number;
  value: number | bigint;
}

export interface SvfOptions {
  /** Prefix every SVF command with this TAP (svf -tap). */
  tap?: string;
  quiet?: boolean;
  progress?: boolean;
  /** Keep going after a TDO mismatch (svf ignore_error). */
  ignoreError?: boolean;
  /** Playback can take minutes on a slow adapter (default 10 minutes). */
  timeoutMs?: number;
}

export interface XsvfOptions {
  virt2?: boolean;
  quiet?: boolean;
  timeoutMs?: number;
}

export interface PlaybackResult {
  /** OpenOCD's verdict, e.g. "svf file programmed successfully for 7 commands with 0 errors". */
  summary: string;
  /** Everything it logged while playing (each SVF command, warnings). */
  log: string;
}

/** `pathmove` takes at most 8 states per command (jtag/tcl.c jim_command_pathmove). */
const PATHMOVE_MAX = 8;
const PLAYBACK_TIMEOUT_MS = 10 * 60_000;

function checkTapName(name: string): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new ValidationError(`invalid TAP name "${name}"`);
}

function checkEnd(state: TapState | undefined): string {
  if (state === undefined) return '';
  if (!SCAN_END_STATES.includes(state)) throw new JTAGError(`scan end state must be one of ${SCAN_END_STATES.join(', ')}, not ${state}`);
  return ` -endstate ${state}`;
}

function nonNegative(v: number | bigint, what: string): bigint {
  const b = BigInt(v);
  if (b < 0n) throw new ValidationError(`invalid ${what} ${v}: must not be negative`);
  return b;
}

export class Jtag {
  constructor(private readonly runner: CommandRunner) {}

  async scanChain(): Promise<Tap[]> {
    try {
      return parseScanChain(await this.runner.command('scan_chain'));
    } catch (e) {
      throw relabel(e, JTAGError, 'cannot read the scan chain');
    }
  }

  /** Declares a TAP: only while OpenOCD is in its configuration stage (before init). */
  async newTap(chip: string, tap: string, opts: NewTapOptions): Promise<void> {
    checkTapName(chip);
    checkTapName(tap);
    if (!Number.isInteger(opts.irLength) || opts.irLength < 1) throw new ValidationError(`invalid IR length ${opts.irLength}`);
    let tcl = `jtag newtap ${chip} ${tap} -irlen ${opts.irLength}`;
    if (opts.irCapture !== undefined) tcl += ` -ircapture ${hex(opts.irCapture)}`;
    if (opts.irMask !== undefined) tcl += ` -irmask ${hex(opts.irMask)}`;
    for (const id of opts.expectedIds ?? []) tcl += ` -expected-id ${hex(id)}`;
    if (opts.ignoreVersion) tcl += ' -ignore-version';
    if (opts.disabled) tcl += ' -disable';
    const o = await runGuarded(this.runner, tcl);
    if (!o.ok) throwFailure(JTAGError, `cannot declare TAP ${chip}.${tap}`, o);
  }

  /** Shifts `instruction` into the TAP's IR (other TAPs must be in BYPASS). */
  async irscan(tap: string, instruction: number | bigint, opts: ScanOptions = {}): Promise<void> {
    checkTapName(tap);
    const v = nonNegative(instruction, 'instruction');
    const o = await runGuarded(this.runner, `irscan ${tap} ${hex(v)}${checkEnd(opts.endState)}`);
    if (!o.ok) throwFailure(JTAGError, `irscan on ${tap} failed`, o);
  }

  /** Shifts the fields through the TAP's DR; returns what came out, one value per field. */
  async drscan(tap: string, fields: readonly DrField[], opts: DrScanOptions = {}): Promise<bigint[]> {
    checkTapName(tap);
    if (fields.length === 0) throw new JTAGError('drscan needs at least one field');
    let tcl = opts.instruction === undefined ? '' : `irscan ${tap} ${hex(nonNegative(opts.instruction, 'instruction'))}; `;
    tcl += `drscan ${tap}`;
    for (const f of fields) {
      if (!Number.isInteger(f.bits) || f.bits < 1) throw new ValidationError(`invalid field width ${f.bits}`);
      tcl += ` ${f.bits} ${hex(nonNegative(f.value, 'field value'))}`;
    }
    tcl += checkEnd(opts.endState);
    const o = await runGuarded(this.runner, tcl);
    if (!o.ok) throwFailure(JTAGError, `drscan on ${tap} failed`, o);
    const out = parseTclList(o.result);
    if (out.length !== fields.length || !out.every((s) => /^[0-9a-fA-F]+$/.test(s))) {
      throw new JTAGError(`unexpected drscan reply: ${o.result}`, { openocdText: o.result });
    }
    return out.map((s) => BigInt('0x' + s));
  }

  /** Clocks `cycles` TCKs in Run-Test/Idle. */
  async runtest(cycles: number): Promise<void> {
    if (!Number.isSafeInteger(cycles) || cycles < 0) throw new ValidationError(`invalid cycle count ${cycles}`);
    const o = await runGuarded(this.runner, `runtest ${cycles}`);
    if (!o.ok) throwFailure(JTAGError, 'runtest failed', o);
  }

  /**
   * Walks the TAP through `states` (rules in checkPath: start and end in a stable state,
   * one TCK per step). Long paths go in several commands, split at stable states.
   */
  async pathmove(states: readonly string[]): Promise<void> {
    for (const part of splitPath(checkPath(states), PATHMOVE_MAX)) {
      const o = await runGuarded(this.runner, `pathmove ${part.join(' ')}`);
      if (!o.ok) throwFailure(JTAGError, `pathmove ${part.join(' ')} failed`, o);
    }
  }

  /** Moves the TAP to a stable state (RESET, IDLE, DRSHIFT, DRPAUSE, IRSHIFT, IRPAUSE) by the shortest path. */
  async stateMove(state: TapState): Promise<void> {
    if (!isTapState(state) || !STABLE_STATES.includes(state)) {
      throw new JTAGError(`state move target must be one of ${STABLE_STATES.join(', ')}, not ${String(state)}`);
    }
    const o = await runGuarded(this.runner, `pathmove ${state}`);
    if (!o.ok) throwFailure(JTAGError, `moving to ${state} failed`, o);
  }

  /** Plays an SVF file (the path is read by OpenOCD, i.e. on OpenOCD's machine). */
  async svf(file: string, opts: SvfOptions = {}): Promise<PlaybackResult> {
    let tcl = 'svf';
    if (opts.tap !== undefined) {
      checkTapName(opts.tap);
      tcl += ` -tap ${opts.tap}`;
    }
    tcl += ` ${tclWord(file)}`;
    if (opts.quiet) tcl += ' quiet';
    if (opts.progress) tcl += ' progress';
    if (opts.ignoreError) tcl += ' ignore_error';
    const o = await runGuarded(this.runner, tcl, { timeoutMs: opts.timeoutMs ?? PLAYBACK_TIMEOUT_MS });
    if (!o.ok) throwFailure(JTAGError, `SVF playback of ${file} failed`, o);
    return { summary: o.result.trim(), log: o.log };
  }

  /** Plays an XSVF file on `tap` ('plain' for no TAP-specific handling). */
  async xsvf(tap: string, file: string, opts: XsvfOptions = {}): Promise<PlaybackResult> {
    checkTapName(tap);
    let tcl = `xsvf ${tap} ${tclWord(file)}`;
    if (opts.virt2) tcl += ' virt2';
    if (opts.quiet) tcl += ' quiet';
    const o = await runGuarded(this.runner, tcl, { timeoutMs: opts.timeoutMs ?? PLAYBACK_TIMEOUT_MS });
    if (!o.ok) throwFailure(JTAGError, `XSVF playback of ${file} failed`, o);
    return { summary: o.result.trim(), log: o.log };
  }
}
