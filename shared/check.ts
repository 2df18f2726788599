// The first power-on check (main/check): the steps, their results and the saved report.
// Pure types and constants so the renderer, the CLI and the report renderer share them.

/** The steps in the order they run. A board's profile may skip any of them. */
export const CHECK_STEPS = [
  'probe',
  'voltage',
  'debug-port',
  'device',
  'core',
  'ram',
  'flash',
  'reset',
  'clock',
  'protection',
] as const;
export type CheckStepId = (typeof CHECK_STEPS)[number];

export const CHECK_STEP_TITLES: Record<CheckStepId, string> = {
  probe: 'Probe found and opened',
  voltage: 'Target voltage',
  'debug-port': 'Debug port answers (JTAG chain / SWD DPIDR)',
  device: 'Access port, CPUID, device id and flash size',
  core: 'Core halts, registers read, single step',
  ram: 'RAM test (data bus, address bus, March C-)',
  flash: 'Flash erase / program / verify',
  reset: 'Reset halts at the reset vector; SRST line',
  clock: 'Core clock matches RCC (cycle counter against the host clock)',
  protection: 'Option bytes and protection',
};

/** pass: as expected; warn: works but look at it; fail: stops the check; skipped: not run (why in evidence). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

export interface CheckEvidence {
  /** What was looked at, e.g. "DBGMCU_IDCODE". */
  label: string;
  /** What was read or seen, e.g. "0x20036410 (STM32F10x medium density, rev Y)". */
  value: string;
}

export interface CheckFindingRef {
  category: string;
  title: string;
  steps: string[];
}

export interface CheckStepResult {
  id: CheckStepId;
  title: string;
  status: CheckStatus;
  /** One line in plain words: what this result means. */
  summary: string;
  evidence: CheckEvidence[];
  /** OpenOCD's own lines behind a failure, verbatim. */
  openocdLines?: string[];
  /** On failure: the troubleshooter's finding for what OpenOCD printed, when it has one. */
  finding?: CheckFindingRef;
  durationMs: number;
}

export interface BoardCheckReport {
  schema: 'bringup-check/1';
  startedAt: string;
  finishedAt: string;
  appVersion: string;
  openocdVersion?: string;
  profile: { name: string; kind: string; target?: string; faults?: string[] };
  /** The STM32 96-bit unique id as 24 hex digits, when it could be read. */
  boardUid?: string;
  part?: string;
  steps: CheckStepResult[];
  /** pass when no step failed and none warned; warn when something warned; fail when a step failed. */
  result: CheckStatus;
}

/** A board's own check settings, kept in its profile. */
export interface ProfileCheckSettings {
  /** Steps this board does not run (e.g. flash on a board whose flash must not be touched). */
  skip?: CheckStepId[];
  /** JTAG IDCODEs (chain order) or the SWD DPIDR the board must answer with. */
  expectedIdcodes?: number[];
  /** STM32 DBGMCU DEV_ID the board must have, e.g. 0x410. */
  expectedDevId?: number;
  /** The flash test range (default: the last page). */
  flashTest?: { address: number; length: number };
  /** The board's HSE crystal in Hz (default 8 MHz), for the clock step. */
  hseHz?: number;
}

/** Progress of a running check (the app's live view and the CLI's lines). */
export type CheckProgress =
  | { type: 'step-start'; id: CheckStepId; title: string }
  | { type: 'step-progress'; id: CheckStepId; text: string; fraction?: number }
  | { type: 'step-done'; result: CheckStepResult };

export function overallResult(steps: readonly CheckStepResult[]): CheckStatus {
  if (steps.some((s) => s.status === 'fail')) return 'fail';
  if (steps.some((s) => s.status === 'warn')) return 'warn';
  return 'pass';
}
