// Where OpenOCD's log cannot tell two causes apart (an unpowered board and broken or
// swapped wiring both read a dead JTAG chain), the troubleshooter asks the one question
// that decides before anything else: is there voltage on VTref? The diagnosis engine may
// name the question itself (a finding's `decidingQuestion`); otherwise it is decided here
// from the top findings being tied.
import type { Finding } from '../../../shared/diagnose';
import type { DiagnosisReport } from '../../../shared/troubleshoot';

export type DecidingKind = 'voltage' | 'slow-clock';

export interface DecidingQuestion {
  kind: DecidingKind;
  /** The question, in the words shown. */
  text: string;
  /** Why it decides: which causes it separates. */
  why: string;
  /** The categories it separates. */
  between: [string, string];
}

/** Findings whose confidences are this close are treated as tied. */
export const TIE_MARGIN = 0.05;

const POWER_OR_WIRING = new Set(['target-unpowered', 'wiring']);
const WIRING_OR_SIGNAL = new Set(['wiring', 'signal-integrity']);

/** The engine's own question, when a finding carries one (shared/diagnose.ts decidingQuestion). */
function engineQuestion(f: Finding): string | undefined {
  const q = f.decidingQuestion?.text;
  return q && q.trim() ? q : undefined;
}

export function decidingQuestion(report: DiagnosisReport | undefined): DecidingQuestion | undefined {
  const [a, b] = report?.findings ?? [];
  if (!a || !b) return undefined;
  const pair = new Set([a.category, b.category]);
  const tied = Math.abs(a.confidence - b.confidence) <= TIE_MARGIN || engineQuestion(a) !== undefined;
  if (!tied) return undefined;
  if (pair.size === 2 && [...pair].every((c) => POWER_OR_WIRING.has(c))) {
    // A voltage the adapter reported has already decided it (the engine weighs it).
    if (report?.targetVoltage !== undefined) return undefined;
    return {
      kind: 'voltage',
      text: engineQuestion(a) ?? 'Is the board powered? Measure VTref against GND with a multimeter.',
      why: 'OpenOCD reads the same dead JTAG chain from a board without power and from broken or swapped wires: the voltage decides which.',
      between: ['target-unpowered', 'wiring'],
    };
  }
  if (pair.size === 2 && [...pair].every((c) => WIRING_OR_SIGNAL.has(c))) {
    return {
      kind: 'slow-clock',
      text: engineQuestion(a) ?? 'Does it connect at a slow adapter clock?',
      why: 'A wrong or missing wire fails at any speed; a long or noisy cable works when the clock is slow: one retry at 100 kHz decides.',
      between: ['wiring', 'signal-integrity'],
    };
  }
  return undefined;
}
