// A JTAG chain that reads a constant (TDO stuck at all ones or all zeroes) looks the same
// for an unpowered chip, a broken/swapped wire and firmware that takes the debug pins:
// the log alone cannot tell them apart. Only a voltage (adapter reading or the user's
// measurement) or an active check / answer decides; until then the engine keeps the
// three close and leads with the check that discriminates (measure VTref first).
import type { FindingStep } from '../../shared/diagnose';
import type { DiagnoseInput, Facts, Line } from './types';

/**
 * How the dead port reads. 'ones': TDO high, nobody drives it (the adapter's pull-up): a
 * wire that is off or swapped, or firmware that took the JTAG pins; 'zeroes': TDO held
 * low, which an unpowered chip does through its pin protection (or TDO shorted to GND);
 * 'swd': an SWD multidrop connect without any answer (no level to read).
 */
export type NoAnswerKind = 'ones' | 'zeroes' | 'swd';

const NO_ANSWER: Array<[RegExp, NoAnswerKind]> = [
  [/JTAG scan chain interrogation failed: all ones/, 'ones'], // src/jtag/core.c
  [/JTAG scan chain interrogation failed: all zeroes/, 'zeroes'], // src/jtag/core.c
  [/Failed to connect multidrop/, 'swd'], // src/target/adi_v5_swd.c
];
// src/target/riscv/riscv-013.c: the DTM reads 0 -- only a dead port when no IDCODE was read before it.
const DTM_ZERO = /dtmcontrol is 0\. Check JTAG connectivity/;

export function noAnswerKind(lines: Line[], facts?: Facts): NoAnswerKind | undefined {
  for (const l of lines) for (const [re, kind] of NO_ANSWER) if (re.test(l.text)) return kind;
  if (facts && facts.foundIdcodes.length === 0 && facts.mismatches.length === 0 && lines.some((l) => DTM_ZERO.test(l.text))) return 'zeroes';
  return undefined;
}

export function constantTdo(lines: Line[], facts?: Facts): boolean {
  return noAnswerKind(lines, facts) !== undefined;
}

export function knownVoltage(input: DiagnoseInput, facts: Facts): number | undefined {
  return input.answers?.measuredVoltage ?? facts.targetVoltage;
}

/** What has already ruled reset-hold in or out (a check the app ran, or the user's answer). */
export function resetEvidence(input: DiagnoseInput): 'helped' | 'did-not-help' | undefined {
  const check = (input.checks ?? []).find((c) => c.id === 'connect-under-reset');
  if (check?.ok || input.answers?.resetHoldHelped === true) return 'helped';
  if (check || input.answers?.resetHoldHelped === false) return 'did-not-help';
  return undefined;
}

/** Constant TDO with nothing yet to tell power from wiring. */
export function undecidedNoAnswer(input: DiagnoseInput, facts: Facts, lines: Line[]): boolean {
  return constantTdo(lines, facts) && knownVoltage(input, facts) === undefined && resetEvidence(input) !== 'helped' && !input.answers?.wiringChecked;
}

/** The steps that tell the causes apart, cheapest and most decisive first. */
export function discriminatingSteps(input: DiagnoseInput): FindingStep[] {
  const steps: FindingStep[] = [
    { text: "Measure VCC to GND at the debug header (the adapter's VTref pin): about 0 V means no power; 1.65-3.6 V means power is fine and the cause is the wiring or the firmware.", action: 'measure-voltage' },
  ];
  if (resetEvidence(input) === undefined)
    steps.push({ text: 'Connect with reset held (connect_assert_srst): if that works, the firmware takes or sleeps the debug pins.', action: 'retry-connect-under-reset' });
  steps.push({ text: 'Check each wire against the pinout: TCK, TMS, TDI, TDO, GND (TDI/TDO is the usual swap), and that VTref goes to the target VCC.', action: 'check-wiring' });
  return steps;
}
