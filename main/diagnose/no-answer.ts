// A JTAG chain that reads a constant (TDO stuck at all ones or all zeroes) looks the same
// for an unpowered chip, a broken/swapped wire and firmware that takes the debug pins:
// the log alone cannot tell them apart. Only a voltage (adapter reading or the user's
// measurement) or an active check / answer decides; until then the engine keeps the
// three close and leads with the check that discriminates (measure VTref first).
import type { FindingStep } from '../../shared/diagnose';
import type { DiagnoseInput, Facts, Line } from './types';

const CONSTANT_TDO = /JTAG scan chain interrogation failed: all (ones|zeroes)/; // src/jtag/core.c

export function constantTdo(lines: Line[]): boolean {
  return lines.some((l) => CONSTANT_TDO.test(l.text));
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
  return constantTdo(lines) && knownVoltage(input, facts) === undefined && resetEvidence(input) !== 'helped' && !input.answers?.wiringChecked;
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
