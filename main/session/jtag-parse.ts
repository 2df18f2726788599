// The JTAG TAP state machine (IEEE 1149.1) for validating paths before they reach
// OpenOCD, and the parser for `scan_chain` (src/jtag/tcl.c handle_scan_chain_command):
//    TapName             Enabled  IdCode     Expected   IrLen IrCap IrMask
// -- ------------------- -------- ---------- ---------- ----- ----- ------
//  0 stm32f1x.cpu           Y     0x3ba00477 0x3ba00477     4 0x01  0x0f
//  1 stm32f1x.bs            Y     0x16410041 0x06412041     5 0x01  0x03
//                                            0x06410041
// (further expected IDs on continuation lines; "0x*..." when the version is ignored)
import { JTAGError } from '../openocd/errors';

export const TAP_STATES = [
  'RESET', 'IDLE',
  'DRSELECT', 'DRCAPTURE', 'DRSHIFT', 'DREXIT1', 'DRPAUSE', 'DREXIT2', 'DRUPDATE',
  'IRSELECT', 'IRCAPTURE', 'IRSHIFT', 'IREXIT1', 'IRPAUSE', 'IREXIT2', 'IRUPDATE',
] as const;
export type TapState = (typeof TAP_STATES)[number];

/** [next with TMS=0, next with TMS=1] for each state. */
const NEXT: Record<TapState, readonly [TapState, TapState]> = {
  RESET: ['IDLE', 'RESET'],
  IDLE: ['IDLE', 'DRSELECT'],
  DRSELECT: ['DRCAPTURE', 'IRSELECT'],
  DRCAPTURE: ['DRSHIFT', 'DREXIT1'],
  DRSHIFT: ['DRSHIFT', 'DREXIT1'],
  DREXIT1: ['DRPAUSE', 'DRUPDATE'],
  DRPAUSE: ['DRPAUSE', 'DREXIT2'],
  DREXIT2: ['DRSHIFT', 'DRUPDATE'],
  DRUPDATE: ['IDLE', 'DRSELECT'],
  IRSELECT: ['IRCAPTURE', 'RESET'],
  IRCAPTURE: ['IRSHIFT', 'IREXIT1'],
  IRSHIFT: ['IRSHIFT', 'IREXIT1'],
  IREXIT1: ['IRPAUSE', 'IRUPDATE'],
  IRPAUSE: ['IRPAUSE', 'IREXIT2'],
  IREXIT2: ['IRSHIFT', 'IRUPDATE'],
  IRUPDATE: ['IDLE', 'DRSELECT'],
};

/** States a scan may end in (jtag/tcl.c scan_is_safe). */
export const SCAN_END_STATES: readonly TapState[] = ['RESET', 'IDLE', 'DRPAUSE', 'IRPAUSE'];

/** States the TAP can stay in; a state move goes between them, a path must end in one (interface.c tap_is_state_stable). */
export const STABLE_STATES: readonly TapState[] = ['RESET', 'IDLE', 'DRSHIFT', 'DRPAUSE', 'IRSHIFT', 'IRPAUSE'];

export function isStable(s: TapState): boolean {
  return STABLE_STATES.includes(s);
}

export function isTapState(s: string): s is TapState {
  return (TAP_STATES as readonly string[]).includes(s);
}

export function isTransition(from: TapState, to: TapState): boolean {
  return NEXT[from][0] === to || NEXT[from][1] === to;
}

/**
 * Checks a path the way OpenOCD's pathmove will (jtag/core.c jtag_add_pathmove), so a bad
 * one is a clear JTAGError before anything is clocked: the first state is where to start
 * (a stable state, reached by a state move), each next one is one TCK away, RESET is only
 * allowed as the start, and the path ends in a stable state.
 */
export function checkPath(states: readonly string[]): TapState[] {
  if (states.length === 0) throw new JTAGError('pathmove needs at least one TAP state');
  for (const s of states) {
    if (!isTapState(s)) throw new JTAGError(`unknown TAP state "${s}" (one of ${TAP_STATES.join(', ')})`);
  }
  const path = states as readonly TapState[];
  if (!isStable(path[0] as TapState)) throw new JTAGError(`a path must start in a stable state (${STABLE_STATES.join(', ')}), not ${path[0]}`);
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1] as TapState;
    const to = path[i] as TapState;
    if (!isTransition(from, to)) throw new JTAGError(`${from} -> ${to} is not a valid TAP transition`);
    if (to === 'RESET') throw new JTAGError('RESET can only start a path (use stateMove("RESET") to reset the TAPs)');
  }
  const last = path[path.length - 1] as TapState;
  if (!isStable(last)) throw new JTAGError(`a path must end in a stable state (${STABLE_STATES.join(', ')}), not ${last}`);
  return [...path];
}

/**
 * Splits a checked path into pathmove commands of at most `max` states that each end in
 * a stable state; each next command starts where the previous one ended.
 */
export function splitPath(path: readonly TapState[], max: number): TapState[][] {
  const parts: TapState[][] = [];
  let start = 0;
  if (path.length === 1) return [[...path]];
  while (start < path.length - 1) {
    let end = -1;
    for (let i = Math.min(path.length - 1, start + max - 1); i > start; i--) {
      if (isStable(path[i] as TapState)) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new JTAGError(`the path has more than ${max - 1} states in a row without a stable one; OpenOCD cannot play it`);
    parts.push(path.slice(start, end + 1));
    start = end;
  }
  return parts;
}

export interface Tap {
  position: number;
  /** Dotted name: chip.tap. */
  name: string;
  enabled: boolean;
  /** IDCODE read from the chain at the last scan (0 when the TAP has none or was not scanned). */
  idcode: number;
  /** IDCODEs the config accepts; empty = any. */
  expectedIds: number[];
  /** The config ignores the version nibble (top 4 bits) when comparing. */
  ignoreVersion: boolean;
  irLength: number;
  irCapture: number;
  irMask: number;
  /** The read IDCODE is one of the expected ones (or nothing is expected). */
  matches: boolean;
}

const ROW = /^\s*(\d+)\s+(\S+)\s+([Yn])\s+(0x[0-9a-fA-F]+)\s+(0x[0-9a-fA-F*]+)\s+(\d+)\s+(0x[0-9a-fA-F]+)\s+(0x[0-9a-fA-F]+)\s*$/;
const MORE = /^\s+(0x[0-9a-fA-F*]+)\s*$/;

function parseExpected(s: string): { id: number; ignoreVersion: boolean } {
  const ignoreVersion = s.startsWith('0x*');
  return { id: Number.parseInt(s.slice(ignoreVersion ? 3 : 2), 16), ignoreVersion };
}

function idMatches(t: Tap): boolean {
  if (t.expectedIds.length === 0) return true;
  const mask = t.ignoreVersion ? 0x0fffffff : 0xffffffff;
  return t.expectedIds.some((e) => ((e ^ t.idcode) & mask) === 0);
}

export function parseScanChain(text: string): Tap[] {
  const taps: Tap[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || /^\s*TapName\b/.test(line) || /^--/.test(line)) continue;
    const row = ROW.exec(line);
    if (row) {
      const exp = parseExpected(row[5] as string);
      taps.push({
        position: Number(row[1]),
        name: row[2] as string,
        enabled: row[3] === 'Y',
        idcode: Number.parseInt((row[4] as string).slice(2), 16),
        // OpenOCD prints 0x00000000 when the config lists no expected ID.
        expectedIds: exp.id === 0 ? [] : [exp.id],
        ignoreVersion: exp.ignoreVersion,
        irLength: Number(row[6]),
        irCapture: Number.parseInt((row[7] as string).slice(2), 16),
        irMask: Number.parseInt((row[8] as string).slice(2), 16),
        matches: false,
      });
      continue;
    }
    const more = MORE.exec(line);
    const last = taps[taps.length - 1];
    if (more && last) {
      last.expectedIds.push(parseExpected(more[1] as string).id);
      continue;
    }
    throw new JTAGError(`unexpected line in scan_chain output: ${line.trim()}`, { openocdText: text });
  }
  for (const t of taps) t.matches = idMatches(t);
  return taps;
}
