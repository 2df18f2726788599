// What every check step gets and returns. A step is a small function of the session:
// it reads, decides pass/warn/fail, and says why with the values it saw.
import type { CheckEvidence, CheckFindingRef, CheckStatus, CheckStepId } from '../../shared/check';
import type { ConnectionInfo } from '../../shared/connection';
import type { ConnectionProfile } from '../../shared/profile';
import type { Session } from '../session/session';
import type { PartInfo } from './parts';

export interface CheckOptions {
  /** Steps not to run (reported as skipped). */
  skip?: readonly string[];
  /** Start here (the earlier steps are reported as skipped): "retry from here". */
  from?: string;
  /** Flash step range; default: the last page of main flash. */
  flashRange?: { address: number; length: number };
  /** Run March C- over the debug port even where the core could run it (slower; for comparison). */
  ramOverDebugPort?: boolean;
  /** Leave the flash test range erased instead of restoring what it held. */
  leaveErased?: boolean;
  /** Expected DBGMCU DEV_ID (default: 0x410 for the virtual board, any STM32F1 id for an stm32f1x profile). */
  expectedDevId?: number;
  /** Expected JTAG IDCODEs / SWD DPIDR, in chain order. */
  expectedIdcodes?: number[];
  signal?: AbortSignal;
}

/** Facts a step learns for the steps after it (the part, the board's UID). */
export interface CheckFacts {
  info?: ConnectionInfo;
  part?: PartInfo;
  uid?: string;
  resetVector?: number;
  initialSp?: number;
}

export interface CheckContext {
  session: Session;
  profile: ConnectionProfile;
  options: CheckOptions;
  facts: CheckFacts;
  /** Live progress within the step (RAM march, flash phases). */
  progress(text: string, fraction?: number): void;
}

export interface StepOutcome {
  status: CheckStatus;
  summary: string;
  evidence: CheckEvidence[];
  openocdLines?: string[];
  /** The step's own explanation of a failure (otherwise the troubleshooter reads openocdLines). */
  finding?: CheckFindingRef;
}

export type CheckStep = (ctx: CheckContext) => Promise<StepOutcome>;

export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}

export function ev(label: string, value: string): CheckEvidence {
  return { label, value };
}

export function skipped(summary: string, evidence: CheckEvidence[] = []): StepOutcome {
  return { status: 'skipped', summary, evidence };
}

export function checkAborted(ctx: CheckContext): void {
  if (ctx.options.signal?.aborted) throw new Error('the check was cancelled');
}

export function isStepId(s: string, ids: readonly CheckStepId[]): s is CheckStepId {
  return (ids as readonly string[]).includes(s);
}
