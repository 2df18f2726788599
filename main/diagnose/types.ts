// Inputs of the diagnosis engine and the shape of a signature table.
import type { ConnectionProfile } from '../../shared/profile';
import type { LogLevel } from '../../shared/connection';
import type { DiagnosisCategory, FindingStep } from '../../shared/diagnose';

export interface DiagnoseLogLine {
  text: string;
  level?: LogLevel;
}

/** A debug adapter seen on USB (from the app's USB scan). VID/PID as 4 hex digits. */
export interface UsbAdapter {
  vid: string;
  pid: string;
  serial?: string;
  name?: string;
  /** Set by the scan when the OS refused to open the device node. */
  accessible?: boolean;
}

/** Result of an active check: OpenOCD re-run with one setting changed. */
export interface ActiveCheckResult {
  /** e.g. 'connect-under-reset', 'lower-adapter-speed', 'jtag-scan' */
  id: string;
  /** true when the changed setting made the connection work. */
  ok: boolean;
  detail?: string;
  log?: string[];
}

/** What the user told the guided flows. */
export interface UserAnswers {
  /** Volts measured between VCC and GND at the debug header. */
  measuredVoltage?: number;
  /** The user checked every wire against the pinout. */
  wiringChecked?: boolean;
  /** Holding the reset button while connecting made it work. */
  resetHoldHelped?: boolean;
}

export interface DiagnoseInput {
  /** OpenOCD's log: one string (split on newlines) or lines with optional levels. */
  log: string | Array<string | DiagnoseLogLine>;
  exitCode?: number | null;
  /** Error texts returned by TCL RPC commands (they never reach the log). */
  rpcErrors?: string[];
  profile?: ConnectionProfile;
  /** undefined = not scanned; [] = scanned and nothing found. */
  usbAdapters?: UsbAdapter[];
  checks?: ActiveCheckResult[];
  answers?: UserAnswers;
  /** cfg paths relative to OpenOCD's scripts folder, for "did you mean" suggestions. */
  availableCfgs?: string[];
}

/** One normalized line: `text` without OpenOCD's level prefix, `raw` as printed. */
export interface Line {
  raw: string;
  text: string;
  level?: LogLevel;
  index: number;
}

/** One OpenOCD message that points to a category. */
export interface SignatureRule {
  /** Stable id, unique across all tables. */
  id: string;
  /** OpenOCD source file (and version when the wording is version specific). */
  source: string;
  match: RegExp;
  /** How strongly this line alone means the category (0..1). */
  weight: number;
  /** Extra test on the match, e.g. a voltage below a threshold. */
  when?: (m: RegExpMatchArray) => boolean;
}

export interface RuleHit {
  rule: SignatureRule;
  line: Line;
  match: RegExpMatchArray;
}

export interface IdcodeMismatch {
  tap: string;
  found: number;
  expected: number[];
}

/** Values read out of the log once, shared by every category. */
export interface Facts {
  openocdVersion?: string;
  targetVoltage?: number;
  stlinkJtagVersion?: number;
  stlinkVersionText?: string;
  clockKhz?: number;
  foundIdcodes: Array<{ tap: string; idcode: number }>;
  mismatches: IdcodeMismatch[];
  swdDpidr?: number;
  missingFiles: string[];
  unknownCommands: string[];
  busyPorts: Array<{ service: string; port?: number }>;
  deviceId?: number;
  readProtected?: boolean;
  writeProtectRegister?: number;
}

export interface DescribeContext {
  input: DiagnoseInput;
  facts: Facts;
  /** Ids of the rules of this category that matched. */
  hits: Set<string>;
  lines: Line[];
}

export interface FindingText {
  title: string;
  explanation: string;
  steps: FindingStep[];
}

/** One file per category under signatures/: its rules and how to word the finding. */
export interface CategorySignatures {
  category: DiagnosisCategory;
  rules: SignatureRule[];
  describe(ctx: DescribeContext): FindingText;
}
