// What the troubleshooter exchanges between main and the renderer: a diagnosis of
// the last connection attempt, and the result of a fix the app applied. Pure types.
import type { Finding, FixAction } from './diagnose';

/** An active check the app ran by itself (OpenOCD re-run with one setting changed). */
export interface CheckReport {
  /** 'connect-under-reset' */
  id: string;
  status: 'running' | 'ok' | 'failed';
  /** Plain words: what was tried and what came of it. */
  message: string;
}

export interface DiagnosisReport {
  /** Findings, most likely first. */
  findings: Finding[];
  /** Automatic checks of this investigation; a 'running' one means more findings follow. */
  checks?: CheckReport[];
  /** 'auto': a connect attempt just failed; 'on-demand': the user asked. */
  trigger: 'auto' | 'on-demand';
  profileId?: string;
  /** Connection state when the diagnosis ran. */
  state: string;
  /** Adapter-reported target voltage, when OpenOCD printed one. */
  targetVoltage?: number;
  exitCode?: number | null;
  /** ms since epoch */
  time: number;
}

export interface FixResult {
  /** Id for undoFix; absent when the fix cannot be undone (erasing flash). */
  fixId?: string;
  action: FixAction;
  /** What the app changed, in words (e.g. "reset_config srst_only srst_nogate connect_assert_srst"). */
  applied: string;
  /** The profile the reconnect used (a saved copy when the original is built in). */
  profileId?: string;
  /** Did the reconnect / check after the fix work? */
  worked: boolean;
  /** Plain words: what happened after the fix. */
  message: string;
  state: string;
  /** Longer text to show as is (e.g. the udev rule and the commands to install it). */
  details?: string;
  /** The failed attempt diagnosed again with this fix's outcome as an active check. */
  diagnosis?: DiagnosisReport;
}

/** What the technician told the guided flows; the engine weighs them with the log. */
export interface TroubleAnswers {
  /** Volts measured between VTref and GND. */
  measuredVoltage?: number;
  wiringChecked?: boolean;
  resetHoldHelped?: boolean;
}

/** Connect under reset: hold NRST while OpenOCD examines the chip. */
export const CONNECT_UNDER_RESET = 'srst_only srst_nogate connect_assert_srst';
/** A slow, forgiving clock for the "lower adapter speed" check. */
export const SLOW_ADAPTER_KHZ = 100;
export const GDB_ATTACH_RESET_INIT = '$_TARGETNAME configure -event gdb-attach { reset init }';

export type VoltageClass = 'unpowered' | 'too-low' | 'fine' | 'too-high';

/** Classifies VTref against GND: below 0.5 V unpowered, below 1.65 V too low, up to 3.6 V fine. */
export function classifyVoltage(v: number): VoltageClass {
  if (v < 0.5) return 'unpowered';
  if (v < 1.65) return 'too-low';
  if (v <= 3.6) return 'fine';
  return 'too-high';
}

export const VOLTAGE_ADVICE: Record<VoltageClass, string> = {
  unpowered:
    'The target has no power (or VTref is not connected). Power the board (USB or bench supply) and make sure the adapter\'s VTref pin goes to the target\'s VDD, not left open.',
  'too-low':
    'The target voltage is too low for the chip to run reliably. Check the regulator, the supply current limit and for a short; a brown-out keeps the core in reset.',
  fine: 'The target voltage is fine (1.65-3.6 V). Power is not the problem: check the wiring and the reset next.',
  'too-high':
    'The voltage is above 3.6 V: an STM32 must not see that on its I/O. Disconnect now and check you did not wire 5 V to VDD or VTref.',
};
