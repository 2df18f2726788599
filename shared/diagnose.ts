// What the troubleshooter shows: findings produced by main/diagnose from OpenOCD's
// output. Pure types and constants (no node imports) so the renderer can use them.

/** Stable category ids; `bringup diagnose --json` prints these, so never rename one. */
export const DIAGNOSIS_CATEGORIES = [
  'config-not-found',
  'config-error',
  'usb-permission',
  'adapter-not-found',
  'adapter-busy',
  'target-unpowered',
  'voltage-out-of-range',
  'wiring',
  'signal-integrity',
  'needs-reset-hold',
  'gdb-attach-not-halted',
  'target-not-halted',
  'wrong-target',
  'flash-protected',
  'port-in-use',
  'openocd-outdated',
  'probe-firmware',
  'flash-driver',
  'unknown',
] as const;
export type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];

/**
 * Target supply (VTref against GND) bands, shared by the diagnosis engine and the
 * troubleshooter's voltage flow so both call the same reading the same thing.
 * Below `unpowered`: no supply. Below `minOperating`: too low to run or debug reliably
 * (ST-Link's own warning starts at 1.5 V; STM32 parts need 1.65 V+). Above `maxOperating`:
 * over the 3.6 V absolute I/O rating of 3.3 V parts (5 V wired to VDD/VTref).
 */
/** absMax: the absolute maximum of 3.3 V parts (STM32 VDD 4.0 V); an adapter's reading between maxOperating and it may be its own measuring error. */
export const VOLTAGE_THRESHOLDS = { unpowered: 0.5, minOperating: 1.65, maxOperating: 3.6, absMax: 4.0 } as const;

export type VoltageClass = 'unpowered' | 'too-low' | 'fine' | 'too-high';

export function classifyVoltage(v: number): VoltageClass {
  if (v < VOLTAGE_THRESHOLDS.unpowered) return 'unpowered';
  if (v < VOLTAGE_THRESHOLDS.minOperating) return 'too-low';
  if (v <= VOLTAGE_THRESHOLDS.maxOperating) return 'fine';
  return 'too-high';
}

/**
 * Fixes the app knows how to apply to the connection profile or the machine.
 * A step carrying one of these can get an "Apply" button; `args` holds its values
 * (e.g. { cfg: 'interface/stlink.cfg' } or { cputapid: '0x2ba01477' }).
 */
export const FIX_ACTIONS = [
  'retry-connect-under-reset',
  'lower-adapter-speed',
  'add-gdb-attach-reset-init',
  'suggest-cfg',
  'udev-rule',
  'free-ports',
  'suggest-target-for-idcode',
  'set-cputapid',
  'unlock-flash',
  'remove-write-protection',
  'mass-erase',
  'halt-target',
  'measure-voltage',
  'check-wiring',
  'select-adapter-serial',
  'update-openocd',
  'update-probe-firmware',
] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

export interface FindingStep {
  /** One instruction a technician can follow. */
  text: string;
  action?: FixAction;
  args?: Record<string, string>;
}

/**
 * The one question (or check) that tells this finding from the ones just below it, set
 * when the log alone cannot decide between them (e.g. an unpowered board and swapped
 * wires both read a dead JTAG chain). The troubleshooter asks it first.
 */
export interface DecidingQuestion {
  text: string;
  /** The check that answers it, when the app can run or guide it. */
  action?: FixAction;
  /** The categories it separates, this finding's first. */
  between: DiagnosisCategory[];
}

export interface Finding {
  category: DiagnosisCategory;
  /** 0..1; findings are sorted most likely first. */
  confidence: number;
  title: string;
  /** Plain words: what is wrong and why OpenOCD says so. */
  explanation: string;
  /** The exact OpenOCD lines that led to this finding. */
  evidence: string[];
  /** Ordered next steps. */
  steps: FindingStep[];
  /** Set when the log cannot tell this finding from the next: ask this first. */
  decidingQuestion?: DecidingQuestion;
}

/** The `--json` shape of one finding (steps flattened to their text). */
export interface FindingJson {
  category: DiagnosisCategory;
  title: string;
  confidence: number;
  explanation: string;
  evidence: string[];
  steps: string[];
}

export function findingToJson(f: Finding): FindingJson {
  return {
    category: f.category,
    title: f.title,
    confidence: Math.round(f.confidence * 100) / 100,
    explanation: f.explanation,
    evidence: [...f.evidence],
    steps: f.steps.map((s) => s.text),
  };
}

export function isDiagnosisCategory(v: string): v is DiagnosisCategory {
  return (DIAGNOSIS_CATEGORIES as readonly string[]).includes(v);
}
