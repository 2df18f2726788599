// Core registers of the current target. Values are read with `reg NAME`, not get_reg:
// `get_reg` returns the cache even when it is stale (core running), and `get_reg -force`
// re-reads the core and so misses a value written with set_reg but not yet flushed (it is
// written back on resume/step). `reg NAME` reads the core only when the cache is invalid,
// and fails on a running core. Writes use `set_reg`. `reg` alone lists all registers,
// grouped as OpenOCD groups them. OpenOCD's failure text on a running core is only
// "Could not read register 'pc'" — so on failure we ask the target state, and a running
// core becomes TargetNotHaltedError.
import { TargetError, TargetNotHaltedError, ValidationError } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { relabel } from './failures';
import { parseRegList, parseRegValue, type RegisterGroup } from './registers-parse';
import { parseTclList } from './tcl-list';
import { parseTargetState } from './target';
import { tclWord } from './tcl';

const NOT_HALTED_HINT = 'Halt the target first, then read or write registers.';

function toNumber(name: string, v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ValidationError(`register ${name} is wider than a JavaScript number; use readBig('${name}')`);
  }
  return Number(v);
}

function checkNames(names: readonly string[]): void {
  if (names.length === 0) throw new ValidationError('no register names given');
  for (const n of names) {
    if (!/^[A-Za-z0-9_.]+$/.test(n)) throw new ValidationError(`invalid register name "${n}"`);
  }
}

export class Registers {
  constructor(private readonly runner: CommandRunner) {}

  async read(name: string): Promise<number> {
    return toNumber(name, await this.readBig(name));
  }

  async readBig(name: string): Promise<bigint> {
    const values = await this.fetch([name]);
    return values.get(name) as bigint;
  }

  /** Several registers in one command; the result keeps the order of `names`. */
  async readMany(names: readonly string[]): Promise<Record<string, number>> {
    const values = await this.fetch(names);
    const out: Record<string, number> = {};
    for (const n of names) out[n] = toNumber(n, values.get(n) as bigint);
    return out;
  }

  /** Every register, grouped as OpenOCD groups them. The core must be halted. */
  async readAll(): Promise<RegisterGroup[]> {
    await this.requireHalted('cannot read registers');
    let text: string;
    try {
      text = await this.runner.command('reg');
    } catch (e) {
      throw relabel(e, TargetError, 'reading the register list failed');
    }
    const groups = parseRegList(text);
    await this.fillUnread(groups);
    return groups;
  }

  /**
   * `reg` lists only cached values. OpenOCD 0.12 fills the cache when it sees the core halt,
   * so a core that was already halted when OpenOCD attached (a CLI run after `bringup halt`,
   * or `--halt` on a halted core: "target was already halted") lists every register as not
   * read. `reg NAME` reads the core when the cache is invalid: ask for those, in one round
   * trip, each under its own catch so one unreadable register leaves only itself unread.
   */
  private async fillUnread(groups: RegisterGroup[]): Promise<void> {
    const unread = groups.flatMap((g) => g.registers.filter((r) => r.value === null && /^[A-Za-z0-9_.]+$/.test(r.name)));
    if (unread.length === 0) return;
    const tcl = `list ${unread.map((r) => `[if {[catch {reg ${r.name}} __v]} {set __v {}} else {set __v}]`).join(' ')}`;
    let replies: string[];
    try {
      replies = parseTclList(await this.runner.command(tcl));
    } catch {
      return; // the list itself is still right; the values stay "not read"
    }
    unread.forEach((r, i) => {
      try {
        const v = parseRegValue(replies[i] ?? '');
        if (v.name === r.name) r.value = v.value;
      } catch {
        // unreadable (e.g. an unimplemented register): stays null
      }
    });
  }

  async write(name: string, value: number | bigint): Promise<void> {
    checkNames([name]);
    if (typeof value === 'number' && (!Number.isSafeInteger(value) || value < 0)) {
      throw new ValidationError(`invalid value ${value} for register ${name}`);
    }
    if (typeof value === 'bigint' && value < 0n) throw new ValidationError(`invalid value ${value} for register ${name}`);
    try {
      await this.runner.command(`set_reg {${tclWord(name)} 0x${value.toString(16)}}`);
    } catch (e) {
      throw await this.explain(e, `writing register ${name} failed`);
    }
  }

  pc(): Promise<number> {
    return this.read('pc');
  }
  sp(): Promise<number> {
    return this.read('sp');
  }
  lr(): Promise<number> {
    return this.read('lr');
  }

  private async fetch(names: readonly string[]): Promise<Map<string, bigint>> {
    checkNames(names);
    const context = `reading register${names.length > 1 ? 's' : ''} ${names.join(', ')} failed`;
    // Several registers in one round trip: a Tcl list of `reg` results.
    const tcl = names.length === 1 ? `reg ${names[0]}` : `list ${names.map((n) => `[reg ${n}]`).join(' ')}`;
    let text: string;
    try {
      text = await this.runner.command(tcl);
    } catch (e) {
      throw await this.explain(e, context);
    }
    const replies = names.length === 1 ? [text] : parseTclList(text);
    const values = new Map<string, bigint>();
    try {
      names.forEach((n, i) => {
        const r = parseRegValue(replies[i] ?? '');
        if (r.name !== n) throw new TargetError(`asked for register ${n}, OpenOCD answered ${r.name}`, { openocdText: text });
        values.set(n, r.value);
      });
    } catch (e) {
      throw relabel(e, TargetError, context);
    }
    return values;
  }

  /** A failed register access: TargetNotHaltedError when the core runs, else TargetError. */
  private async explain(e: unknown, context: string): Promise<unknown> {
    if (e instanceof TargetNotHaltedError) return e;
    const labelled = relabel(e, TargetError, context);
    if (!(labelled instanceof TargetError)) return labelled;
    let state: string;
    try {
      state = parseTargetState(await this.runner.command('[target current] curstate'));
    } catch {
      return labelled; // the state query failing too tells us nothing more
    }
    if (state === 'halted') return labelled;
    return new TargetNotHaltedError(`${context}: target not halted (state: ${state})`, {
      hint: NOT_HALTED_HINT,
      openocdText: labelled.openocdText ?? labelled.message,
      cause: e,
    });
  }

  private async requireHalted(context: string): Promise<void> {
    const state = parseTargetState(await this.runner.command('[target current] curstate'));
    if (state !== 'halted') {
      throw new TargetNotHaltedError(`${context}: target not halted (state: ${state})`, { hint: NOT_HALTED_HINT });
    }
  }
}
