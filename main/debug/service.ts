// The Breakpoints panel's back end over the session's Breakpoints: OpenOCD's own lists
// plus what OpenOCD has no word for (disabled entries, kept here and re-added on
// enable), the free comparator counts (FP_CTRL / DWT_CTRL), run-to-address and step
// over (a temporary hardware breakpoint, removed at the next halt) and the halt reason.
import type { BreakpointView, DebugPoints, HaltInfo, WatchKind, WatchpointView } from '../../shared/debug';
import { BreakpointError, TargetNotHaltedError } from '../openocd/errors';
import type { Session } from '../session/session';
import { symbolOf } from './symbols';
import { callLength, dwtComparators, fpbCodeComparators, haltReasonFromLog } from './thumb';

export interface DebugDeps {
  session(): Session;
  logLines(): readonly string[];
  /** Calls back on each target event name; returns the unsubscribe function. */
  onTargetEvent(cb: (name: string) => void): () => void;
  /** Calls back when OpenOCD stops (its breakpoints go with it); returns the unsubscribe function. */
  onDisconnect(cb: () => void): () => void;
}

const FP_CTRL = 0xe0002000;
const DWT_CTRL = 0xe0001000;

export class DebugService {
  private readonly disabledBps = new Map<number, BreakpointView>();
  private readonly disabledWps = new Map<number, WatchpointView>();
  /** Temporary breakpoints (run to, step over) to remove at the next halt. */
  private readonly temps = new Set<number>();
  private totals: { session: Session; bp: number | null; wp: number | null } | undefined;
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly deps: DebugDeps) {
    this.unsubscribe = [
      deps.onTargetEvent((name) => {
        if (name === 'halted' || name === 'reset') void this.clearTemps();
      }),
      // A new OpenOCD starts with no breakpoints: disabled entries would be the only ones left.
      deps.onDisconnect(() => {
        this.disabledBps.clear();
        this.disabledWps.clear();
        this.temps.clear();
      }),
    ];
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
  }

  private async clearTemps(): Promise<void> {
    const addrs = [...this.temps];
    this.temps.clear();
    for (const a of addrs) await this.deps.session().breakpoints.remove(a).catch(() => undefined);
  }

  private async comparatorTotals(s: Session): Promise<{ bp: number | null; wp: number | null }> {
    if (this.totals?.session === s) return this.totals;
    const [fp, dwt] = await Promise.all([s.memory.readU32(FP_CTRL).catch(() => undefined), s.memory.readU32(DWT_CTRL).catch(() => undefined)]);
    this.totals = { session: s, bp: fp === undefined ? null : fpbCodeComparators(fp), wp: dwt === undefined ? null : dwtComparators(dwt) };
    return this.totals;
  }

  async points(): Promise<DebugPoints> {
    const s = this.deps.session();
    const [bps, wps, totals] = await Promise.all([s.breakpoints.list(), s.breakpoints.listWatchpoints(), this.comparatorTotals(s)]);
    const breakpoints: BreakpointView[] = bps
      .filter((b) => !this.temps.has(b.address))
      .map((b) => withSymbol({ address: b.address, length: b.length, hardware: b.kind === 'hardware', enabled: true }));
    for (const d of this.disabledBps.values()) if (!breakpoints.some((b) => b.address === d.address)) breakpoints.push(withSymbol(d));
    const watchpoints: WatchpointView[] = wps.map((w) => ({ address: w.address, length: w.length, access: w.access, enabled: true }));
    for (const d of this.disabledWps.values()) if (!watchpoints.some((w) => w.address === d.address)) watchpoints.push(d);
    breakpoints.sort((a, b) => a.address - b.address);
    watchpoints.sort((a, b) => a.address - b.address);
    const hwUsed = bps.filter((b) => b.kind === 'hardware').length;
    return {
      breakpoints,
      watchpoints,
      hwBreakpointsTotal: totals.bp,
      watchpointsTotal: totals.wp,
      hwBreakpointsFree: totals.bp === null ? null : Math.max(0, totals.bp - hwUsed),
      watchpointsFree: totals.wp === null ? null : Math.max(0, totals.wp - wps.length),
    };
  }

  async addBreakpoint(address: number, hardware: boolean, length = 2): Promise<DebugPoints> {
    await this.deps.session().breakpoints.add(address, length, { hardware });
    this.disabledBps.delete(address);
    return this.points();
  }

  async addWatchpoint(address: number, length: number, access: WatchKind): Promise<DebugPoints> {
    await this.deps.session().breakpoints.addWatchpoint(address, length, access);
    this.disabledWps.delete(address);
    return this.points();
  }

  async remove(kind: 'breakpoint' | 'watchpoint', address: number): Promise<DebugPoints> {
    const bp = this.deps.session().breakpoints;
    if (kind === 'breakpoint') {
      if (!this.disabledBps.delete(address)) await bp.remove(address);
    } else if (!this.disabledWps.delete(address)) await bp.removeWatchpoint(address);
    return this.points();
  }

  /** Disable = off the target (its comparator freed), kept in the list; enable puts it back. */
  async setEnabled(kind: 'breakpoint' | 'watchpoint', address: number, enabled: boolean): Promise<DebugPoints> {
    const s = this.deps.session();
    if (kind === 'breakpoint') {
      if (enabled) {
        const d = this.disabledBps.get(address);
        if (!d) throw new BreakpointError(`no disabled breakpoint at 0x${address.toString(16)}`);
        await s.breakpoints.add(address, d.length, { hardware: d.hardware });
        this.disabledBps.delete(address);
      } else {
        const b = (await s.breakpoints.list()).find((x) => x.address === address);
        if (!b) throw new BreakpointError(`no breakpoint at 0x${address.toString(16)}`);
        await s.breakpoints.remove(address);
        this.disabledBps.set(address, { address, length: b.length, hardware: b.kind === 'hardware', enabled: false });
      }
    } else if (enabled) {
      const d = this.disabledWps.get(address);
      if (!d) throw new BreakpointError(`no disabled watchpoint at 0x${address.toString(16)}`);
      await s.breakpoints.addWatchpoint(address, d.length, d.access);
      this.disabledWps.delete(address);
    } else {
      const w = (await s.breakpoints.listWatchpoints()).find((x) => x.address === address);
      if (!w) throw new BreakpointError(`no watchpoint at 0x${address.toString(16)}`);
      await s.breakpoints.removeWatchpoint(address);
      this.disabledWps.set(address, { address, length: w.length, access: w.access, enabled: false });
    }
    return this.points();
  }

  /** A temporary breakpoint at `address`, then resume; it goes at the next halt. */
  async runTo(address: number): Promise<void> {
    const s = this.deps.session();
    if ((await s.target.state()) !== 'halted') throw new TargetNotHaltedError('run to: the target is not halted', { hint: 'Halt first.' });
    const existing = (await s.breakpoints.list()).some((b) => b.address === address);
    if (!existing) {
      // The Cortex-M3/M4 FPB only matches the code region (below 0x20000000): code in RAM
      // gets a software breakpoint (a BKPT written there), which RAM allows.
      await s.breakpoints.add(address, 2, { hardware: address < 0x20000000 });
      this.temps.add(address);
    }
    await s.target.resume();
  }

  /** Steps one instruction, or runs over the call (BL / BLX) at PC to the next one. */
  async stepOver(): Promise<'step' | 'over'> {
    const s = this.deps.session();
    if ((await s.target.state()) !== 'halted') throw new TargetNotHaltedError('step over: the target is not halted', { hint: 'Halt first.' });
    const pc = (await s.registers.pc()) >>> 0;
    const [first, second] = await s.memory.readU16(pc & ~1, 2);
    const len = callLength(first ?? 0, second ?? 0);
    if (len === undefined) {
      await s.target.step();
      return 'step';
    }
    await this.runTo((pc & ~1) + len);
    return 'over';
  }

  async haltInfo(): Promise<HaltInfo> {
    const s = this.deps.session();
    const state = await s.target.state();
    if (state !== 'halted') return { state };
    const info: HaltInfo = { state };
    const reason = haltReasonFromLog(this.deps.logLines().slice(-400));
    if (reason) info.reason = reason;
    const pc = await s.registers.pc().catch(() => undefined);
    if (pc !== undefined) {
      info.pc = pc >>> 0;
      const sym = symbolOf(info.pc);
      if (sym) info.symbol = sym;
    }
    return info;
  }
}

function withSymbol(b: BreakpointView): BreakpointView {
  const sym = symbolOf(b.address);
  return sym ? { ...b, symbol: sym } : b;
}
