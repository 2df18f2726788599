// The Breakpoints panel's actions: list, add, enable/disable, remove breakpoints and
// watchpoints; run to an address, step over; and on every halt, why and where.
import type { WatchKind } from '../../shared/debug';
import type { ErrorValue } from '../../shared/errors';
import { hex, parseAddress, parseNumber } from '../lib/numbers';
import { currentApi } from './actions';
import { useStore } from './index';
import { refreshRegisters, targetControl } from './target-actions';

const invalid = (message: string): void => useStore.setState({ debugError: { kind: 'ValidationError', message } });

async function run<T>(label: string, call: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorValue }>): Promise<T | undefined> {
  useStore.setState({ debugBusy: label, debugError: undefined, debugNotice: undefined });
  const r = await call();
  useStore.setState({ debugBusy: undefined });
  if (!r.ok) {
    useStore.setState({ debugError: r.error });
    return undefined;
  }
  return r.value;
}

/** An address, or a symbol of the ELF whose symbols are loaded (the last flashed .elf, or one opened for symbols). */
async function resolveAddress(text: string): Promise<{ ok: true; value: number } | { ok: false; error: string }> {
  const a = parseAddress(text);
  const t = text.trim();
  if (a.ok || !/^[A-Za-z_.$][\w.$]*$/.test(t)) return a;
  const r = await currentApi().lookupSymbols({ names: [t] });
  const addr = r.ok ? r.value.addresses[0] : null;
  if (addr !== null && addr !== undefined) return { ok: true, value: addr };
  return { ok: false, error: `no symbol '${t}': flash an .elf (or open one for symbols) to use names, or give an address like 0x08000050` };
}

export async function refreshDebugPoints(): Promise<void> {
  const s = useStore.getState();
  if (s.status.state !== 'connected' || s.status.info.targetName === undefined) return;
  const r = await currentApi().debugPoints();
  useStore.setState(r.ok ? { debugPoints: r.value } : { debugError: r.error });
}

export async function refreshHaltInfo(): Promise<void> {
  const s = useStore.getState();
  if (s.status.state !== 'connected' || s.status.info.targetName === undefined) return;
  const r = await currentApi().haltInfo();
  if (r.ok) useStore.setState({ haltInfo: r.value });
}

export async function addBreakpoint(addressText: string, hardware: boolean): Promise<boolean> {
  const a = await resolveAddress(addressText);
  if (!a.ok) {
    invalid(a.error);
    return false;
  }
  const v = await run('add breakpoint', () => currentApi().addBreakpoint({ address: a.value & ~1, hardware }));
  if (v) useStore.setState({ debugPoints: v, debugNotice: `breakpoint at ${hex(a.value & ~1)}` });
  return v !== undefined;
}

export async function addWatchpoint(addressText: string, lengthText: string, access: WatchKind): Promise<boolean> {
  const a = parseAddress(addressText);
  if (!a.ok) {
    invalid(a.error);
    return false;
  }
  const len = parseNumber(lengthText);
  if (len === undefined || len < 1) {
    invalid(`bad size '${lengthText.trim()}': use 1, 2, 4 … bytes`);
    return false;
  }
  const v = await run('add watchpoint', () => currentApi().addWatchpoint({ address: a.value, length: len, access }));
  if (v) useStore.setState({ debugPoints: v, debugNotice: `watchpoint at ${hex(a.value)} (${len} bytes, ${access})` });
  return v !== undefined;
}

export async function removePoint(kind: 'breakpoint' | 'watchpoint', address: number): Promise<void> {
  const v = await run('remove', () => currentApi().removeDebugPoint({ kind, address }));
  if (v) useStore.setState({ debugPoints: v });
}

export async function enablePoint(kind: 'breakpoint' | 'watchpoint', address: number, enabled: boolean): Promise<void> {
  // The checkbox flips at once; main's answer (or the list before, on failure) replaces it.
  const before = useStore.getState().debugPoints;
  if (before) {
    const flip = <T extends { address: number; enabled: boolean }>(l: T[]) => l.map((x) => (x.address === address ? { ...x, enabled } : x));
    useStore.setState({ debugPoints: kind === 'breakpoint' ? { ...before, breakpoints: flip(before.breakpoints) } : { ...before, watchpoints: flip(before.watchpoints) } });
  }
  const v = await run(enabled ? 'enable' : 'disable', () => currentApi().enableDebugPoint({ kind, address, enabled }));
  useStore.setState({ debugPoints: v ?? before });
}

export async function runTo(addressText: string): Promise<void> {
  const a = await resolveAddress(addressText);
  if (!a.ok) return invalid(a.error);
  const v = await run('run to', () => currentApi().runTo({ address: a.value & ~1 }));
  if (v !== undefined) useStore.setState({ debugNotice: `running to ${hex(a.value & ~1)}` });
  await refreshRegisters();
}

export async function stepOver(): Promise<void> {
  await run('step over', () => currentApi().stepOver());
  await refreshRegisters();
  await refreshHaltInfo();
}

/** Keys and buttons share these (the registers panel has the same run control). */
export const control = {
  halt: () => controlThenShow('halt'),
  resume: () => controlThenShow('resume'),
  step: () => controlThenShow('step'),
  stepOver,
  resetHalt: () => controlThenShow('reset', 'halt'),
  resetInit: () => controlThenShow('reset', 'init'),
};

/**
 * Read the halt reason and PC again once the command has finished: the event-driven refresh
 * can run while a reset is still under way and show the PC from before it (seen after Reset halt).
 */
async function controlThenShow(action: Parameters<typeof targetControl>[0], mode?: Parameters<typeof targetControl>[1]): Promise<void> {
  await targetControl(action, mode);
  await refreshHaltInfo();
}

/** Target events: a halt may be a hit; show the reason, PC and the lists (a temp breakpoint went). */
export function onTargetEventForDebug(name: string): void {
  if (name === 'halted' || name === 'resumed' || name === 'reset') {
    void refreshHaltInfo();
    void refreshDebugPoints();
  }
}
