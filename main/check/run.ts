// Runs the first power-on check: the steps in order, each timed, the first failure
// stopping the rest (they are reported as not reached), a failure's OpenOCD lines run
// through the troubleshooter. The report is built from the step results alone.
import { CHECK_STEPS, CHECK_STEP_TITLES, overallResult, type BoardCheckReport, type CheckFindingRef, type CheckProgress, type CheckStepId, type CheckStepResult } from '../../shared/check';
import type { DiagnosisCategory } from '../../shared/diagnose';
import type { ConnectionProfile } from '../../shared/profile';
import { diagnose } from '../diagnose/engine';
import { OpenOCDError } from '../openocd/errors';
import type { Session } from '../session/session';
import { isStepId, type CheckContext, type CheckFacts, type CheckOptions, type CheckStep, type StepOutcome } from './context';
import { coreStep } from './steps/core';
import { debugPortStep } from './steps/debug-port';
import { deviceStep } from './steps/device';
import { flashStep } from './steps/flash';
import { clockStep } from './steps/clock';
import { probeStep } from './steps/probe';
import { protectionStep } from './steps/protection';
import { ramStep } from './steps/ram';
import { resetStep } from './steps/reset';
import { voltageStep } from './steps/voltage';

const STEPS: Record<CheckStepId, CheckStep> = {
  probe: probeStep,
  voltage: voltageStep,
  'debug-port': debugPortStep,
  device: deviceStep,
  core: coreStep,
  ram: ramStep,
  flash: flashStep,
  reset: resetStep,
  clock: clockStep,
  protection: protectionStep,
};

/** Which step a failed OpenOCD start belongs to, by the troubleshooter's category. */
const START_FAILURE_STEP: Partial<Record<DiagnosisCategory, CheckStepId>> = {
  'config-not-found': 'probe',
  'config-error': 'probe',
  'usb-permission': 'probe',
  'adapter-not-found': 'probe',
  'adapter-busy': 'probe',
  'probe-firmware': 'probe',
  'port-in-use': 'probe',
  'openocd-outdated': 'probe',
  'voltage-out-of-range': 'voltage',
};

/** A start failure's step: "no power" is the voltage step's only when the probe measured a voltage. */
function startFailureStep(category: DiagnosisCategory | undefined, lines: readonly string[]): CheckStepId {
  if (category === 'target-unpowered' && lines.some((l) => /target voltage|VTarget|VTref/i.test(l))) return 'voltage';
  return (category && START_FAILURE_STEP[category]) ?? 'debug-port';
}

export interface RunCheckOptions extends CheckOptions {
  profile: ConnectionProfile;
  /** Opens the session (starts OpenOCD); a failure here is diagnosed and ends the check. */
  open(): Promise<Session>;
  onProgress?(p: CheckProgress): void;
  appVersion?: string;
}

export function validateStepNames(names: readonly string[]): string | undefined {
  const bad = names.find((n) => !isStepId(n, CHECK_STEPS));
  return bad === undefined ? undefined : `unknown step '${bad}' (steps: ${CHECK_STEPS.join(', ')})`;
}

function findingFor(lines: string[]): CheckFindingRef | undefined {
  const [top] = diagnose({ log: lines.join('\n') });
  return top && top.category !== 'unknown' ? { category: top.category, title: top.title, steps: top.steps.map((s) => s.text) } : undefined;
}

function result(id: CheckStepId, o: StepOutcome, ms: number): CheckStepResult {
  return { id, title: CHECK_STEP_TITLES[id], status: o.status, summary: o.summary, evidence: o.evidence, ...(o.openocdLines ? { openocdLines: o.openocdLines } : {}), ...(o.finding ? { finding: o.finding } : {}), durationMs: Math.round(ms) };
}

/** The board's settings from its profile, under what the caller asked for this run. */
function withProfileSettings(opts: RunCheckOptions): RunCheckOptions {
  const c = opts.profile.check;
  if (!c) return opts;
  const out: RunCheckOptions = { ...opts, skip: [...new Set([...(c.skip ?? []), ...(opts.skip ?? [])])] };
  const idcodes = opts.expectedIdcodes ?? c.expectedIdcodes;
  const devId = opts.expectedDevId ?? c.expectedDevId;
  const range = opts.flashRange ?? c.flashTest;
  if (idcodes) out.expectedIdcodes = idcodes;
  if (devId !== undefined) out.expectedDevId = devId;
  if (range) out.flashRange = range;
  return out;
}

export async function runCheck(given: RunCheckOptions): Promise<BoardCheckReport> {
  const opts = withProfileSettings(given);
  const startedAt = new Date();
  const results: CheckStepResult[] = [];
  const emit = (r: CheckStepResult): void => {
    results.push(r);
    opts.onProgress?.({ type: 'step-done', result: r });
  };
  const skip = new Set(opts.skip ?? []);
  const fromIndex = opts.from ? CHECK_STEPS.indexOf(opts.from as CheckStepId) : 0;
  const facts: CheckFacts = {};
  let session: Session | undefined;
  let openFailure: { lines: string[]; message: string } | undefined;
  const t0 = performance.now();
  try {
    session = await opts.open();
  } catch (e) {
    const lines = e instanceof OpenOCDError && e.openocdText ? e.openocdText.split('\n') : [];
    openFailure = { lines, message: (e as Error).message };
  }
  try {
    let stopped: CheckStepId | undefined;
    if (openFailure) {
      const finding = findingFor(openFailure.lines);
      const at = startFailureStep(finding?.category as DiagnosisCategory | undefined, openFailure.lines);
      for (const id of CHECK_STEPS) {
        if (CHECK_STEPS.indexOf(id) < CHECK_STEPS.indexOf(at)) {
          emit(result(id, { status: id === 'voltage' ? 'skipped' : 'pass', summary: id === 'voltage' ? 'not measured: OpenOCD did not get far enough to ask' : 'OpenOCD opened the probe', evidence: [] }, 0));
        } else if (id === at) {
          const r = result(id, { status: 'fail', summary: finding ? `${finding.title}` : openFailure.message, evidence: [{ label: 'OpenOCD', value: openFailure.message }], openocdLines: openFailure.lines }, performance.now() - t0);
          if (finding) r.finding = finding;
          emit(r);
          stopped = id;
        } else emit(result(id, { status: 'skipped', summary: `not reached: the check stopped at "${CHECK_STEP_TITLES[at]}"`, evidence: [] }, 0));
      }
    } else {
      const s = session as Session;
      for (const [i, id] of CHECK_STEPS.entries()) {
        if (stopped) {
          emit(result(id, { status: 'skipped', summary: `not reached: the check stopped at "${CHECK_STEP_TITLES[stopped]}"`, evidence: [] }, 0));
          continue;
        }
        // Earlier steps still run before a "from" (quietly) when later steps need what they learn.
        const quiet = i < fromIndex;
        if (skip.has(id) && !needsFacts(id)) {
          emit(result(id, { status: 'skipped', summary: 'skipped, as asked', evidence: [] }, 0));
          continue;
        }
        opts.onProgress?.({ type: 'step-start', id, title: CHECK_STEP_TITLES[id] });
        const ctx: CheckContext = { session: s, profile: opts.profile, options: opts, facts, progress: (text, fraction) => opts.onProgress?.({ type: 'step-progress', id, text, ...(fraction !== undefined ? { fraction } : {}) }) };
        const logMark = s.controller?.logHistory().length ?? 0;
        const t = performance.now();
        let outcome: StepOutcome;
        try {
          outcome = await STEPS[id](ctx);
        } catch (e) {
          const lines = s.controller?.logHistory().slice(logMark).map((l) => l.text).filter((l) => /^(Error|Warn)/.test(l)) ?? [];
          const text = e instanceof OpenOCDError && e.openocdText ? e.openocdText.split('\n') : [];
          outcome = { status: 'fail', summary: (e as Error).message, evidence: [], openocdLines: [...new Set([...text, ...lines])].filter(Boolean) };
        }
        if ((skip.has(id) || quiet) && outcome.status !== 'fail') outcome = { ...outcome, status: 'skipped', summary: `${skip.has(id) ? 'skipped, as asked' : 'before the step the check was retried from'} (read only: ${outcome.summary})` };
        const r = result(id, outcome, performance.now() - t);
        if (r.status === 'fail' && !r.finding && r.openocdLines?.length) {
          const f = findingFor(r.openocdLines);
          if (f) r.finding = f;
        }
        emit(r);
        if (r.status === 'fail') stopped = id;
      }
    }
  } finally {
    // A check leaves the board running its firmware, as it found it (unless a step failed with the core stuck).
    if (session && !session.closed) await session.target.reset('run').catch(() => undefined);
  }
  const report: BoardCheckReport = {
    schema: 'bringup-check/1',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    appVersion: opts.appVersion ?? 'unknown',
    ...(facts.info?.openocdVersion ? { openocdVersion: facts.info.openocdVersion } : {}),
    profile: {
      name: opts.profile.name,
      kind: opts.profile.kind,
      ...(opts.profile.targetCfg ?? opts.profile.boardCfg ? { target: opts.profile.targetCfg ?? opts.profile.boardCfg } : {}),
      ...(opts.profile.vboardFaults?.length ? { faults: [...opts.profile.vboardFaults] } : {}),
    },
    ...(facts.uid ? { boardUid: facts.uid } : {}),
    ...(facts.part ? { part: facts.part.name } : {}),
    steps: results,
    result: overallResult(results),
  };
  return report;
}

/** Steps whose facts later steps need: they run (read only) even when skipped. */
function needsFacts(id: CheckStepId): boolean {
  return id === 'probe' || id === 'device';
}
