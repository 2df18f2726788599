// When the log cannot tell the top finding from the next (their confidences within
// TIE_MARGIN), the finding carries the one question or check that decides, cheapest
// first: a voltmeter on VTref separates power from wiring; a retry with reset held
// separates firmware that takes the pins from wiring; a slow clock separates a wrong
// wire from a noisy one. The UI asks it before the steps.
import type { DecidingQuestion, DiagnosisCategory, Finding } from '../../shared/diagnose';
import type { DiagnoseInput, Facts } from './types';
import { knownVoltage, resetEvidence } from './no-answer';

/** Findings this close are the log's tie: it holds no evidence that orders them. */
export const TIE_MARGIN = 0.1;

interface Question {
  pair: [DiagnosisCategory, DiagnosisCategory];
  q: Omit<DecidingQuestion, 'between'>;
  /** False when the app already has the answer. */
  open(input: DiagnoseInput, facts: Facts): boolean;
}

const VOLTAGE: Omit<DecidingQuestion, 'between'> = {
  text: 'What do you measure between VTref (the target VCC pin of the debug header) and GND? About 0 V: the board has no power. 1.65-3.6 V: power is fine and the wiring (or the firmware) is the cause.',
  action: 'measure-voltage',
};
const RESET: Omit<DecidingQuestion, 'between'> = {
  text: 'Does it connect while reset is held (connect under reset, or hold the reset button while OpenOCD starts)? Yes: the firmware disables or sleeps the debug port. No: check the wires.',
  action: 'retry-connect-under-reset',
};
const SLOW: Omit<DecidingQuestion, 'between'> = {
  text: 'Does it connect at 100 kHz with short wires? Yes: the link is unreliable at speed (noise, long cable). No: a wire is wrong or missing.',
  action: 'lower-adapter-speed',
};

const PROBE_BUILD: Omit<DecidingQuestion, 'between'> = {
  text: 'Is the probe a plain Raspberry Pi Pico (not the Debug Probe in its case)? Then it needs the debugprobe_on_pico.uf2 build; flash it and retry. If it is the Debug Probe, or the right build: check the SWD cable is seated and the target has power.',
  action: 'update-probe-firmware',
};

const noVoltage = (input: DiagnoseInput, facts: Facts): boolean => knownVoltage(input, facts) === undefined;
const noResetCheck = (input: DiagnoseInput): boolean => resetEvidence(input) === undefined;

const QUESTIONS: Question[] = [
  { pair: ['target-unpowered', 'wiring'], q: VOLTAGE, open: noVoltage },
  { pair: ['target-unpowered', 'needs-reset-hold'], q: VOLTAGE, open: noVoltage },
  { pair: ['wiring', 'needs-reset-hold'], q: RESET, open: noResetCheck },
  { pair: ['probe-firmware', 'wiring'], q: PROBE_BUILD, open: () => true },
  { pair: ['probe-firmware', 'target-unpowered'], q: PROBE_BUILD, open: () => true },
  { pair: ['wiring', 'signal-integrity'], q: SLOW, open: (i) => !(i.checks ?? []).some((c) => c.id === 'lower-adapter-speed') },
];

/** Sets `decidingQuestion` on the top finding when it is tied with the next and a question separates them. */
export function addDecidingQuestion(findings: Finding[], input: DiagnoseInput, facts: Facts): void {
  const [top, ...rest] = findings;
  if (!top) return;
  const tied = rest.filter((f) => top.confidence - f.confidence <= TIE_MARGIN).slice(0, 2);
  for (const other of tied) {
    const found = QUESTIONS.find((x) => x.pair.includes(top.category) && x.pair.includes(other.category) && x.open(input, facts));
    if (found) {
      top.decidingQuestion = { ...found.q, between: [top.category, ...tied.map((f) => f.category)] };
      return;
    }
  }
}
