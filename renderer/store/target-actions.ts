// Run control and the registers table. Registers are re-read whenever the core
// halts (target events), after our own run-control actions and on connect.
import type { RegistersSnapshot, ResetMode, TargetAction } from '../../shared/workbench';
import { parseValue } from '../lib/numbers';
import { currentApi } from './actions';
import { useStore } from './index';

let seq = 0;
/** The core ran (or may have) since the last halted snapshot: the next one starts a new "since last halt". */
let moved = true;
let lastHalted: Record<string, number> | undefined;

/** Keeps the values of the previous halt beside the current ones (regPrev). */
function notePrevious(snapshot: RegistersSnapshot): void {
  if (snapshot.state !== 'halted' || snapshot.registers.length === 0) {
    moved = true;
    return;
  }
  const now = Object.fromEntries(snapshot.registers.map((r) => [r.name, r.value]));
  if (moved) useStore.setState({ regPrev: lastHalted });
  moved = false;
  lastHalted = now;
}

export async function refreshRegisters(): Promise<void> {
  const { status } = useStore.getState();
  if (status.state !== 'connected' || status.info.targetName === undefined) {
    useStore.setState({ registers: undefined, regBusy: false });
    return;
  }
  const mine = ++seq;
  useStore.setState({ regBusy: true });
  const r = await currentApi().readRegisters();
  if (mine !== seq) return; // a newer refresh is under way
  if (r.ok) notePrevious(r.value);
  useStore.setState(r.ok ? { regBusy: false, registers: r.value, regError: undefined } : { regBusy: false, regError: r.error });
}

export async function targetControl(action: TargetAction, mode?: ResetMode): Promise<void> {
  moved = true;
  useStore.setState({ controlBusy: mode ? `${action} ${mode}` : action, regError: undefined });
  const r = await currentApi().targetControl(mode ? { action, mode } : { action });
  useStore.setState({ controlBusy: undefined });
  if (!r.ok) useStore.setState({ regError: r.error });
  await refreshRegisters();
}

export async function writeRegister(name: string, bits: number, text: string): Promise<boolean> {
  const value = parseValue(text, bits);
  if (!value.ok) {
    useStore.setState({ regError: { kind: 'ValidationError', message: `${name}: ${value.error}` } });
    return false;
  }
  const r = await currentApi().writeRegister({ name, value: value.value });
  if (!r.ok) {
    useStore.setState({ regError: r.error });
    return false;
  }
  useStore.setState({ regError: undefined });
  await refreshRegisters();
  return true;
}

/** Target events from main: a halt (breakpoint, step, halt from the console) changes the registers. */
export function onTargetEventForRegisters(name: string): void {
  if (name === 'halted' || name === 'resumed' || name === 'reset') {
    moved = true;
    void refreshRegisters();
  }
}
