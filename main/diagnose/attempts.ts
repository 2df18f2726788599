// A pasted log often holds several runs: the user retried with another speed, cfg or
// probe. Each run starts with OpenOCD's banner. The finding is about the last run (what
// is wrong now); what changed since the run before is noted, because "it failed the same
// way at 100 kHz" or "the error changed after switching cfg" is itself evidence.
import type { Line } from './types';

/** OpenOCD's banner (also after a vendor's prefix: "xPack OpenOCD x86_64 Open On-Chip Debugger 0.11.0"); not a comment line. */
const BANNER = /^(?!#).*Open On-Chip Debugger \d/;
/** Lines that say how a run was set up (command line, speed, transport, adapter, version). */
const SETUP: Array<[string, RegExp]> = [
  ['command', /^(?:\S*[$#>]\s*)?\S*openocd(?:\.exe)?\s+.*-[fc]\s/],
  ['version', /Open On-Chip Debugger (\S+)/],
  ['speed', /(?:^adapter speed: (\d+ kHz)|clock speed (\d+ kHz))/],
  ['transport', /session transport "(\w+)"|^Transport "?(\w+)"? was already selected|autoselect '(\w+)'/],
  ['adapter', /^(STLINK \S+|J-Link \S+.*compiled|CMSIS-DAP: FW Version = \S+|Using CMSIS-DAPv\d)/],
];

export interface Attempts {
  /** Lines of the last run (all lines when there is one run). */
  last: Line[];
  count: number;
  /** "speed 4000 kHz -> 100 kHz" etc., empty when nothing visible changed. */
  changes: string[];
}

function setupOf(lines: Line[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines)
    for (const [key, re] of SETUP) {
      const m = re.exec(l.text);
      if (m && !out.has(key)) out.set(key, key === 'command' ? m[0] : (m.slice(1).find(Boolean) ?? m[0]));
    }
  return out;
}

export function splitAttempts(lines: Line[]): Attempts {
  const starts = lines.filter((l) => BANNER.test(l.text)).map((l) => lines.indexOf(l));
  if (starts.length < 2) return { last: lines, count: 1, changes: [] };
  // A command line just above a banner belongs to that run.
  const begin = (i: number): number => (i > 0 && SETUP[0]![1].test(lines[i - 1]?.text ?? '') ? i - 1 : i);
  const lastStart = begin(starts[starts.length - 1]!);
  const prevStart = begin(starts[starts.length - 2]!);
  const last = lines.slice(lastStart);
  const before = setupOf(lines.slice(prevStart, lastStart));
  const now = setupOf(last);
  const changes: string[] = [];
  for (const [key] of SETUP) {
    const a = before.get(key);
    const b = now.get(key);
    if (a !== undefined && b !== undefined && a !== b) changes.push(`${key}: ${a} -> ${b}`);
  }
  return { last, count: starts.length, changes };
}

/** The sentence appended to the top finding of a multi-run log. */
export function attemptNote(a: Attempts, previousOutcome: string | undefined): string {
  const changed = a.changes.length ? ` Changed since the run before: ${a.changes.join('; ')}.` : ' No change in the setup is visible between the last two runs.';
  const prev = previousOutcome ? ` The run before ended differently (${previousOutcome}).` : '';
  return `This log holds ${a.count} OpenOCD runs; this finding is about the last one.${changed}${prev}`;
}
