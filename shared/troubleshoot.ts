// What the troubleshooter exchanges between main and the renderer: a diagnosis of
// the last connection attempt, and the result of a fix the app applied. Pure types.
import { VOLTAGE_THRESHOLDS, type Finding, type FixAction, type VoltageClass } from './diagnose';
import type { ConnectorKind } from './pinouts';
import type { ConnectionProfile } from './profile';

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
  /** The USB debug adapter this profile uses, when the scan found it: its connector drives the pinouts. */
  adapter?: { name: string; connector?: ConnectorKind };
  /** ms since epoch */
  time: number;
}

/** A follow-up the result offers as a button (keep a setting that helped, check again after a manual step). */
export interface FixOffer {
  action: FixAction;
  args?: Record<string, string>;
  label: string;
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
  /** What to do next from here, e.g. "Keep this speed in the profile" after a check that helped. */
  offer?: FixOffer;
}

/** After undoFix: the profiles as they are now, and what the reconnect with the restored settings showed. */
export interface UndoResult {
  /** As listProfiles answers (shared/contract.ts ProfileList). */
  profiles: { profiles: ConnectionProfile[]; selectedId: string };
  /** Plain words: what was put back and how the reconnect went. */
  message: string;
  /** Connection state after the undo's reconnect. */
  state: string;
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

export const VOLTAGE_ADVICE: Record<VoltageClass, string> = {
  unpowered:
    'The target has no power (or VTref is not connected). Power the board (USB or bench supply) and make sure the adapter\'s VTref pin goes to the target\'s VDD, not left open.',
  'too-low':
    'The target voltage is too low for the chip to run reliably. Check the regulator, the supply current limit and for a short; a brown-out keeps the core in reset.',
  fine: `The target voltage is fine (${VOLTAGE_THRESHOLDS.minOperating}-${VOLTAGE_THRESHOLDS.maxOperating} V). Power is not the problem: check the wiring and the reset next.`,
  'too-high':
    `The voltage is above ${VOLTAGE_THRESHOLDS.maxOperating} V: an STM32 must not see that on its I/O. Disconnect now and check you did not wire 5 V to VDD or VTref.`,
};
