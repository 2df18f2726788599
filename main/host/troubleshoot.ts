// The troubleshooter's host side: diagnoses the last connection attempt (on a
// failure, and when asked) and applies the fixes the app knows how to apply,
// each followed by a reconnect or a check that says whether it worked.
import type { DetectedAdapter } from '../../shared/adapters';
import type { ConnectionStatus } from '../../shared/connection';
import type { FixAction } from '../../shared/diagnose';
import type { ErrorValue } from '../../shared/errors';
import type { ConnectionProfile } from '../../shared/profile';
import { CONNECT_UNDER_RESET, type CheckReport, type DiagnosisReport, type FixResult, type TroubleAnswers, type UndoResult } from '../../shared/troubleshoot';
import { diagnose, shouldRetryUnderReset, type ActiveCheckResult, type DiagnoseLogLine, type UserAnswers } from '../diagnose/index';
import { applyProfileFix, isProfileFix } from '../diagnose/flows/profile-fixes';
import { ValidationError } from '../openocd/errors';
import { isBuiltinProfile } from '../profiles/builtin';
import type { HostServices } from './services';
import { lastRun, probeConnected, toDiagnoseLines, withoutConsoleReplies } from './troubleshoot-log';
import { runTargetFix, undoTargetFix, type TargetUndo } from './troubleshoot-target';
import { accessInstructions, adapterForProfile, adaptersNeedingAccess, describeRescan, reportAdapter, toUsbAdapters } from './troubleshoot-usb';
import { gdbSwitchFor } from '../gdb/handlers'; // GDB stays on across the restarts this makes

export interface FixRequest {
  profileId?: string;
  action: FixAction;
  args?: Record<string, string>;
}

export interface Troubleshooter {
  /**
   * 'auto' (a connect just failed) remembers that attempt; rejects while a fix's own reconnect runs.
   * When the profile has NRST wired and the debug port never answered, 'auto' first retries
   * once with connect-under-reset (onProgress gets the report that says so) and weighs the outcome.
   */
  diagnose(trigger: DiagnosisReport['trigger'], answers?: TroubleAnswers, onProgress?: (r: DiagnosisReport) => void): Promise<DiagnosisReport>;
  /** Resolves when the automatic diagnosis (and its retry) of the last failed connect is done. */
  settled(): Promise<void>;
  applyFix(req: FixRequest): Promise<FixResult>;
  undoFix(fixId: string): Promise<UndoResult>;
  /** An error a request to OpenOCD returned (they never reach the log): weighed with the next diagnosis. */
  /** `channel`: the request that failed; console commands typed on a working connection are not weighed. */
  noteRpcError(error: ErrorValue, channel?: string): void;
}

/** The failed attempt under investigation, and what fixes and answers have taught since. */
interface Investigation {
  log: DiagnoseLogLine[];
  exitCode?: number | null;
  profileId?: string;
  targetVoltage?: number;
  checks: ActiveCheckResult[];
  /** The automatic checks as the panel shows them. */
  autoChecks?: CheckReport[];
  answers: UserAnswers;
}

type UndoEntry =
  | {
      kind: 'profile';
      /** The profile as it was, or null when the fix created a new profile (a copy of a built-in one). */
      before: ConnectionProfile | null;
      savedId: string;
      /** The profile to reconnect with after the undo. */
      originalId: string;
      applied: string;
    }
  | { kind: 'target'; undo: TargetUndo };

/**
 * Fixes that are first a check: OpenOCD re-run with one setting changed, on a copy of the
 * profile that is not saved. Only when it helped does the result offer to keep it
 * (the same action with keep=true), which saves the profile and can be undone.
 */
const CHECKS: Partial<Record<FixAction, { id: string; keepLabel: string }>> = {
  'retry-connect-under-reset': { id: 'connect-under-reset', keepLabel: 'Keep connect-under-reset in this profile' },
  'lower-adapter-speed': { id: 'lower-adapter-speed', keepLabel: 'Keep this speed in the profile' },
};

/** How many recent RPC errors the diagnosis weighs. */
const MAX_RPC_ERRORS = 20;

let fixCounter = 0;

// One troubleshooter per set of services (one controller): every window's Host shares it,
// so a failed connect is retried under reset once, not once per window.
const shared = new WeakMap<HostServices, Troubleshooter>();

export function createTroubleshooter(services: HostServices): Troubleshooter {
  let t = shared.get(services);
  if (!t) shared.set(services, (t = makeTroubleshooter(services)));
  return t;
}

function makeTroubleshooter(services: HostServices): Troubleshooter {
  const { controller, profiles } = services;
  const undo = new Map<string, UndoEntry>();
  const rpcErrors: string[] = [];
  /** When this run's init succeeded: what the log shows after it includes replies to commands typed in the console. */
  let connectedAt: number | undefined;
  // Errors belong to one OpenOCD run: a new start begins a fresh list.
  controller.onStatus((s) => {
    if (s.state === 'starting') {
      rpcErrors.length = 0;
      connectedAt = undefined;
    } else if (s.state === 'connected') connectedAt ??= Date.now();
  });

  async function cfgs(): Promise<string[]> {
    try {
      const c = await services.listConfigs();
      return [...c.interface, ...c.target, ...c.board];
    } catch {
      return [];
    }
  }

  /** The USB scan now; undefined when it could not run (the engine then ignores USB). */
  async function scan(): Promise<DetectedAdapter[] | undefined> {
    try {
      return await services.listAdapters();
    } catch {
      return undefined;
    }
  }

  async function reconnect(profile: ConnectionProfile): Promise<ConnectionStatus> {
    await profiles.markUsed(profile.id).catch(() => undefined);
    // As the connect channel does: the board menu's fault switches apply to a virtual board profile.
    return controller.start(services.board.profileFor(profile), gdbSwitchFor(services).startOptions(profile));
  }

  /** A reconnect made by the troubleshooter itself: its failure is reported by the fix, not diagnosed as a new attempt. */
  async function ownReconnect(profile: ConnectionProfile): Promise<ConnectionStatus> {
    fixing = true;
    try {
      return await reconnect(profile);
    } finally {
      fixing = false;
    }
  }

  function whyFailed(s: ConnectionStatus): string {
    return s.exit?.reasonLines.find((l) => /error/i.test(l)) ?? s.exit?.reasonLines[0] ?? s.state;
  }

  function outcome(s: ConnectionStatus, applied: string): { worked: boolean; message: string } {
    if (s.state === 'connected') return { worked: true, message: `Reconnected with ${applied}: connected${s.info.targetName ? ` to ${s.info.targetName}` : ''}. The fix worked.` };
    return { worked: false, message: `Reconnected with ${applied}: still ${s.state} (${whyFailed(s)}). This fix did not help; try the next finding.` };
  }

  let current: Investigation | undefined;
  let fixing = false;
  let autoRun: Promise<DiagnosisReport> | undefined;

  async function run(trigger: DiagnosisReport['trigger']): Promise<DiagnosisReport> {
    const inv = current as Investigation;
    const profile = inv.profileId ? await profiles.get(inv.profileId) : undefined;
    const adapters = await scan();
    const findings = diagnose({
      log: inv.log,
      exitCode: inv.exitCode,
      profile,
      checks: inv.checks,
      answers: inv.answers,
      availableCfgs: await cfgs(),
      ...(rpcErrors.length > 0 ? { rpcErrors: [...rpcErrors] } : {}),
      ...(adapters ? { usbAdapters: toUsbAdapters(adapters) } : {}),
    });
    const adapter = reportAdapter(adapters ? adapterForProfile(adapters, profile) : undefined);
    return {
      findings,
      ...(inv.autoChecks ? { checks: inv.autoChecks.map((c) => ({ ...c })) } : {}),
      trigger,
      profileId: inv.profileId,
      state: controller.status().state,
      targetVoltage: inv.targetVoltage,
      exitCode: inv.exitCode,
      ...(adapter ? { adapter } : {}),
      time: Date.now(),
    };
  }

  /**
   * The failed attempt, and (NRST wired, debug port silent) one retry under reset with a
   * temporary copy of the profile: nothing is saved. If it connects, the app stays connected.
   */
  async function autoDiagnose(onProgress?: (r: DiagnosisReport) => void): Promise<DiagnosisReport> {
    const status = controller.status();
    const inv: Investigation = {
      log: toDiagnoseLines(lastRun(controller.logHistory())),
      exitCode: status.exit?.code,
      profileId: status.profileId,
      targetVoltage: status.info.targetVoltage,
      checks: [],
      answers: {},
    };
    current = inv;
    const profile = inv.profileId ? await profiles.get(inv.profileId) : undefined;
    if (!profile || !shouldRetryUnderReset(profile, inv.log)) return run('auto');
    const id = 'connect-under-reset';
    inv.autoChecks = [{ id, status: 'running', message: `Trying connect-under-reset (reset_config ${CONNECT_UNDER_RESET})…` }];
    onProgress?.(await run('auto'));
    const s = await ownReconnect({ ...profile, resetConfig: CONNECT_UNDER_RESET });
    const ok = s.state === 'connected';
    const why = s.exit?.reasonLines.find((l) => /error/i.test(l)) ?? s.state;
    inv.checks.push({ id, ok, detail: ok ? 'connected' : why });
    inv.autoChecks = [
      {
        id,
        status: ok ? 'ok' : 'failed',
        message: ok
          ? `Connected with connect-under-reset (reset_config ${CONNECT_UNDER_RESET}) after plain init failed. The app stays connected; the profile is unchanged until you keep the setting.`
          : `Connect-under-reset failed too (${why}): holding reset is not the missing piece.`,
      },
    ];
    return run('auto');
  }

  /** Records an active check's outcome in the investigation and ranks the findings again with it. */
  async function recordCheck(checkId: string, s: ConnectionStatus): Promise<DiagnosisReport | undefined> {
    if (!current) return undefined;
    const ok = s.state === 'connected';
    current.checks = [...current.checks.filter((c) => c.id !== checkId), { id: checkId, ok, ...(ok ? {} : { detail: whyFailed(s) }) }];
    return run('on-demand');
  }

  async function profileOf(profileId: string | undefined): Promise<ConnectionProfile> {
    const id = profileId ?? controller.status().profileId;
    const p = id ? await profiles.get(id) : undefined;
    if (!p) throw new ValidationError(`profileId: no profile '${id ?? ''}'`);
    return p;
  }

  /** A check: reconnect with a changed copy of the profile (nothing saved), and say whether it helped. */
  async function runCheck(original: ConnectionProfile, action: FixAction, args: Record<string, string> | undefined, check: { id: string; keepLabel: string }): Promise<FixResult> {
    const fix = applyProfileFix(original, action, args);
    if (fix instanceof Error) throw new ValidationError(fix.message);
    const s = await ownReconnect(fix.profile);
    const diagnosis = await recordCheck(check.id, s);
    const worked = s.state === 'connected';
    const message = worked
      ? `Connected with ${fix.applied}: that setting helped. This connection uses it; the saved profile is unchanged until you keep it.`
      : `Still ${s.state} with ${fix.applied} (${whyFailed(s)}): that setting is not the missing piece. The profile is unchanged.`;
    return {
      action,
      applied: `${fix.applied} (this connection only)`,
      profileId: original.id,
      worked,
      state: s.state,
      message,
      ...(diagnosis ? { diagnosis } : {}),
      ...(worked ? { offer: { action, args: { ...(args ?? {}), keep: 'true' }, label: check.keepLabel } } : {}),
    };
  }

  /** Saves the fixed profile (a copy beside a built-in one), reconnects with it, and keeps the original for undo. */
  async function keepProfileFix(original: ConnectionProfile, action: FixAction, args: Record<string, string> | undefined): Promise<FixResult> {
    const fix = applyProfileFix(original, action, args);
    if (fix instanceof Error) throw new ValidationError(fix.message);
    // A built-in profile cannot change: the fix is saved as a copy beside it.
    const builtin = isBuiltinProfile(original.id);
    const saved: ConnectionProfile = builtin ? { ...fix.profile, id: `${original.id}-${action}`, name: `${original.name} (${fix.applied})` } : fix.profile;
    const before = builtin ? ((await profiles.get(saved.id)) ?? null) : original;
    await profiles.save(saved);
    const fixId = `fix-${Date.now().toString(36)}-${++fixCounter}`;
    undo.set(fixId, { kind: 'profile', before, savedId: saved.id, originalId: original.id, applied: fix.applied });
    const s = await ownReconnect(saved);
    const check = CHECKS[action];
    const diagnosis = check ? await recordCheck(check.id, s) : undefined;
    return { fixId, action, applied: fix.applied, profileId: saved.id, state: s.state, ...outcome(s, fix.applied), ...(diagnosis ? { diagnosis } : {}) };
  }

  /** The access fix: instructions first; once the user says they applied them, a new USB scan and a reconnect. */
  async function accessFix(profileId: string | undefined, args: Record<string, string> | undefined): Promise<FixResult> {
    const action: FixAction = 'udev-rule';
    const id = profileId ?? controller.status().profileId;
    const profile = id ? await profiles.get(id) : undefined;
    const before = adaptersNeedingAccess((await scan()) ?? [], profile);
    if (args?.applied !== 'true') {
      const how = accessInstructions(before);
      return {
        action,
        applied: 'nothing changed yet: these steps need your password',
        worked: false,
        state: controller.status().state,
        message: how.message,
        ...(how.details ? { details: how.details } : {}),
        ...(profile ? { profileId: profile.id } : {}),
        offer: { action, args: { applied: 'true' }, label: 'I have applied it: scan USB and reconnect' },
      };
    }
    const rescan = describeRescan(before, (await scan()) ?? []);
    if (!profile) {
      return { action, applied: 'USB scanned again', worked: rescan.ok, state: controller.status().state, message: rescan.text };
    }
    const s = await ownReconnect(profile);
    const o = outcome(s, 'the new access rights');
    return {
      action,
      applied: 'USB scanned again; reconnected',
      profileId: profile.id,
      worked: o.worked,
      state: s.state,
      message: `${rescan.text} ${o.message}`,
      ...(o.worked ? {} : { offer: { action, args: { applied: 'true' }, label: 'Scan USB and reconnect again' } }),
    };
  }

  return {
    async diagnose(trigger, answers, onProgress) {
      const status = controller.status();
      if (trigger === 'auto') {
        // A fix's own reconnect failing is reported by the fix, against the original failure.
        if (fixing) throw new Error('a fix is reconnecting');
        // Every window's Host asks at once: one investigation answers them all.
        if (autoRun) return autoRun;
        const r = autoDiagnose(onProgress);
        autoRun = r;
        const clear = (): void => {
          if (autoRun === r) autoRun = undefined;
        };
        r.then(clear, clear);
        return r;
      }
      // Answers from a guided flow belong to the investigation under way (e.g. holding RESET
      // made the connect work: the app is connected now, the failure is still what is diagnosed).
      const continuing = current !== undefined && answers !== undefined && Object.keys(answers).length > 0;
      if (!continuing && (status.state === 'connected' || !current)) {
        // Connected (e.g. flash reads fail): the live run's log plus what a probe reads.
        const extra = await probeConnected(controller, status);
        current = {
          log: [...toDiagnoseLines(withoutConsoleReplies(lastRun(controller.logHistory()), connectedAt)), ...extra.map((text) => ({ text }))],
          exitCode: status.exit?.code,
          profileId: status.profileId,
          targetVoltage: status.info.targetVoltage,
          checks: [],
          answers: {},
        };
      }
      const inv = current as Investigation;
      if (answers) inv.answers = { ...inv.answers, ...answers };
      return run(trigger);
    },

    async applyFix({ profileId, action, args }) {
      if (isProfileFix(action)) {
        const original = await profileOf(profileId);
        const check = CHECKS[action];
        if (check && args?.keep !== 'true') return runCheck(original, action, args, check);
        return keepProfileFix(original, action, args);
      }
      switch (action) {
        case 'free-ports': {
          const p = await profileOf(profileId);
          const s = await ownReconnect(p);
          const applied = 'new free ports for tcl, gdb and telnet (the app always picks unused ports on 127.0.0.1)';
          return { action, applied, profileId: p.id, state: s.state, ...outcome(s, 'free ports') };
        }
        case 'udev-rule':
          return accessFix(profileId, args);
        case 'unlock-flash':
        case 'remove-write-protection':
        case 'mass-erase':
        case 'halt-target': {
          const { result, undo: u } = await runTargetFix(controller, action);
          if (!u) return result;
          const fixId = `fix-${Date.now().toString(36)}-${++fixCounter}`;
          undo.set(fixId, { kind: 'target', undo: u });
          return { ...result, fixId };
        }
        default:
          throw new ValidationError(`action: '${action}' is not something the app can apply; follow the step's instructions`);
      }
    },

    async settled() {
      await autoRun?.catch(() => undefined);
    },

    async undoFix(fixId) {
      const entry = undo.get(fixId);
      if (!entry) throw new ValidationError(`fixId: nothing to undo for '${fixId}'`);
      undo.delete(fixId);
      if (entry.kind === 'target') {
        const r = await undoTargetFix(controller, entry.undo);
        return { profiles: await profiles.list(), message: `${r.ok ? 'Undone' : 'Undo incomplete'}: ${r.message}`, state: controller.status().state };
      }
      const list = entry.before ? await profiles.save(entry.before) : await profiles.delete(entry.savedId);
      // The restored settings take effect now: reconnect with them and say how it went.
      const restored = entry.before ?? (await profiles.get(entry.originalId));
      if (!restored) return { profiles: list, message: `Undone: ${entry.applied} removed from the profile.`, state: controller.status().state };
      const s = await ownReconnect(restored);
      const how = s.state === 'connected' ? `connected${s.info.targetName ? ` to ${s.info.targetName}` : ''}` : `${s.state} (${whyFailed(s)})`;
      return {
        profiles: { ...list, selectedId: restored.id },
        message: `Undone: ${entry.applied} removed from “${restored.name}”. Reconnected with the profile as it was: ${how}.`,
        state: s.state,
      };
    },

    noteRpcError(error, channel) {
      // Refused requests and "not connected" say nothing about the board.
      if (error.kind === 'ValidationError' || /not connected/i.test(error.message)) return;
      // A command the user typed that OpenOCD rejected, on a connection that works, is a typo, not the setup's fault.
      if (channel === 'command' && controller.status().state === 'connected') return;
      for (const text of [error.openocdText, error.message]) {
        for (const line of (text ?? '').split('\n')) {
          const t = line.trim();
          if (t && !rpcErrors.includes(t)) rpcErrors.push(t);
        }
      }
      rpcErrors.splice(0, Math.max(0, rpcErrors.length - MAX_RPC_ERRORS));
    },
  };
}
