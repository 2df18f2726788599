// The troubleshooter's host side: diagnoses the last connection attempt (on a
// failure, and when asked) and applies the fixes the app knows how to apply,
// each followed by a reconnect or a check that says whether it worked.
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { ProfileList } from '../../shared/contract';
import type { FixAction } from '../../shared/diagnose';
import type { ConnectionProfile } from '../../shared/profile';
import { CONNECT_UNDER_RESET, type CheckReport, type DiagnosisReport, type FixResult, type TroubleAnswers } from '../../shared/troubleshoot';
import { diagnose, shouldRetryUnderReset, type ActiveCheckResult, type DiagnoseLogLine, type UserAnswers } from '../diagnose/index';
import { applyProfileFix, isProfileFix } from '../diagnose/flows/profile-fixes';
import { udevInstructions } from '../diagnose/flows/udev';
import { ValidationError } from '../openocd/errors';
import { isBuiltinProfile } from '../profiles/builtin';
import type { HostServices } from './services';
import { runTargetFix } from './troubleshoot-target';

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
  undoFix(fixId: string): Promise<ProfileList>;
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

interface UndoEntry {
  /** The profile as it was, or null when the fix created a new profile (a copy of a built-in one). */
  before: ConnectionProfile | null;
  savedId: string;
}

/** The lines of the most recent OpenOCD run: each run starts with OpenOCD's banner. */
export function lastRun(history: readonly LogLine[]): LogLine[] {
  let start = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    if (/Open On-Chip Debugger/.test(history[i]?.text ?? '')) {
      start = i;
      break;
    }
  }
  return history.slice(start);
}

let fixCounter = 0;

function toDiagnoseLines(lines: readonly LogLine[]): DiagnoseLogLine[] {
  return lines.map((l) => ({ text: l.text, level: l.level }));
}

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

  async function cfgs(): Promise<string[]> {
    try {
      const c = await services.listConfigs();
      return [...c.interface, ...c.target, ...c.board];
    } catch {
      return [];
    }
  }

  /**
   * While connected, read what the log alone cannot show. STM32F1 read protection:
   * FLASH_OBR bit 1 (RDPRT), read over the bus without halting the core (OpenOCD's
   * `options_read` would need it halted). Worded as options_read prints it.
   */
  async function probeConnected(status: ConnectionStatus): Promise<string[]> {
    const chip = status.info.targetName?.split('.')[0];
    if (status.state !== 'connected' || chip !== 'stm32f1x') return [];
    try {
      // FLASH_OBR then FLASH_WRPR (0x40022020: a 0 bit = those pages write-protected).
      const reply = await controller.command('mdw 0x4002201c 2', { timeoutMs: 5000 });
      const m = /:\s*([0-9a-f]{8})(?:\s+([0-9a-f]{8}))?/i.exec(reply);
      if (!m?.[1]) return [];
      const obr = parseInt(m[1], 16);
      const lines = [`stm32f1x FLASH_OBR = 0x${m[1]}: read protection: ${obr & 2 ? 'on' : 'off'}`];
      if (m[2]) lines.push(`stm32f1x FLASH_WRPR: write protection register = 0x${m[2]}`);
      return lines;
    } catch {
      return [];
    }
  }

  async function reconnect(profile: ConnectionProfile): Promise<ConnectionStatus> {
    await profiles.markUsed(profile.id).catch(() => undefined);
    // As the connect channel does: the board menu's fault switches apply to a virtual board profile.
    return controller.start(services.board.profileFor(profile));
  }

  function outcome(s: ConnectionStatus, applied: string): { worked: boolean; message: string } {
    if (s.state === 'connected') return { worked: true, message: `Reconnected with ${applied}: connected${s.info.targetName ? ` to ${s.info.targetName}` : ''}. The fix worked.` };
    const why = s.exit?.reasonLines.find((l) => /error/i.test(l)) ?? s.exit?.reasonLines[0] ?? s.state;
    return { worked: false, message: `Reconnected with ${applied}: still ${s.state} (${why}). This fix did not help; try the next finding.` };
  }

  let current: Investigation | undefined;
  let fixing = false;
  let autoRun: Promise<DiagnosisReport> | undefined;

  async function run(trigger: DiagnosisReport['trigger']): Promise<DiagnosisReport> {
    const inv = current as Investigation;
    const profile = inv.profileId ? await profiles.get(inv.profileId) : undefined;
    const findings = diagnose({
      log: inv.log,
      exitCode: inv.exitCode,
      profile,
      checks: inv.checks,
      answers: inv.answers,
      availableCfgs: await cfgs(),
    });
    return {
      findings,
      ...(inv.autoChecks ? { checks: inv.autoChecks.map((c) => ({ ...c })) } : {}),
      trigger,
      profileId: inv.profileId,
      state: controller.status().state,
      targetVoltage: inv.targetVoltage,
      exitCode: inv.exitCode,
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
    fixing = true;
    let s: ConnectionStatus;
    try {
      s = await reconnect({ ...profile, resetConfig: CONNECT_UNDER_RESET });
    } finally {
      fixing = false;
    }
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

  /** Reconnects for a fix; the outcome of a reset or speed retry is an active check for the engine. */
  async function reconnectForFix(profile: ConnectionProfile, action: FixAction): Promise<{ status: ConnectionStatus; diagnosis?: DiagnosisReport }> {
    fixing = true;
    let status: ConnectionStatus;
    try {
      status = await reconnect(profile);
    } finally {
      fixing = false;
    }
    const checkId = action === 'retry-connect-under-reset' ? 'connect-under-reset' : action === 'lower-adapter-speed' ? 'lower-adapter-speed' : undefined;
    if (!checkId || !current) return { status };
    current.checks = [...current.checks.filter((c) => c.id !== checkId), { id: checkId, ok: status.state === 'connected' }];
    return { status, diagnosis: await run('on-demand') };
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
      if (status.state === 'connected' || !current) {
        // Connected (e.g. flash reads fail): the live run's log plus what a probe reads.
        const extra = await probeConnected(status);
        current = {
          log: [...toDiagnoseLines(lastRun(controller.logHistory())), ...extra.map((text) => ({ text }))],
          exitCode: status.exit?.code,
          profileId: status.profileId,
          targetVoltage: status.info.targetVoltage,
          checks: [],
          answers: {},
        };
      }
      if (answers) current.answers = { ...current.answers, ...answers };
      return run(trigger);
    },

    async applyFix({ profileId, action, args }) {
      if (isProfileFix(action)) {
        const id = profileId ?? controller.status().profileId;
        const original = id ? await profiles.get(id) : undefined;
        if (!original) throw new ValidationError(`profileId: no profile '${id ?? ''}'`);
        const fix = applyProfileFix(original, action, args);
        if (fix instanceof Error) throw new ValidationError(fix.message);
        // A built-in profile cannot change: the fix is saved as a copy beside it.
        const builtin = isBuiltinProfile(original.id);
        const saved: ConnectionProfile = builtin
          ? { ...fix.profile, id: `${original.id}-${action}`, name: `${original.name} (${fix.applied})` }
          : fix.profile;
        const before = builtin ? ((await profiles.get(saved.id)) ?? null) : original;
        await profiles.save(saved);
        const fixId = `fix-${Date.now().toString(36)}-${++fixCounter}`;
        undo.set(fixId, { before, savedId: saved.id });
        const { status: s, diagnosis } = await reconnectForFix(saved, action);
        return { fixId, action, applied: fix.applied, profileId: saved.id, state: s.state, ...outcome(s, fix.applied), ...(diagnosis ? { diagnosis } : {}) };
      }
      switch (action) {
        case 'free-ports': {
          const id = profileId ?? controller.status().profileId;
          const p = id ? await profiles.get(id) : undefined;
          if (!p) throw new ValidationError(`profileId: no profile '${id ?? ''}'`);
          const { status: s } = await reconnectForFix(p, action);
          const applied = 'new free ports for tcl, gdb and telnet (the app always picks unused ports on 127.0.0.1)';
          return { action, applied, profileId: p.id, state: s.state, ...outcome(s, 'free ports') };
        }
        case 'udev-rule': {
          const u = udevInstructions();
          return {
            action,
            applied: 'nothing changed yet: these commands need your password',
            worked: false,
            state: controller.status().state,
            message: `Install the udev rule as ${u.ruleFile}, then replug the adapter and connect again.`,
            details: `${u.rules}\n\n${u.commands.join('\n')}`,
          };
        }
        case 'unlock-flash':
        case 'remove-write-protection':
        case 'mass-erase':
        case 'halt-target':
          return runTargetFix(controller, action);
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
      if (entry.before) return profiles.save(entry.before);
      return profiles.delete(entry.savedId);
    },
  };
}
