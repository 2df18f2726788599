// The troubleshooter's host side: diagnoses the last connection attempt (on a
// failure, and when asked) and applies the fixes the app knows how to apply,
// each followed by a reconnect or a check that says whether it worked.
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { ProfileList } from '../../shared/contract';
import type { FixAction } from '../../shared/diagnose';
import type { ConnectionProfile } from '../../shared/profile';
import type { DiagnosisReport, FixResult } from '../../shared/troubleshoot';
import { diagnose } from '../diagnose/index';
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
  diagnose(trigger: DiagnosisReport['trigger']): Promise<DiagnosisReport>;
  applyFix(req: FixRequest): Promise<FixResult>;
  undoFix(fixId: string): Promise<ProfileList>;
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

export function createTroubleshooter(services: HostServices): Troubleshooter {
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

  /** While connected, read what the log alone cannot show (e.g. flash protection). */
  async function probeConnected(status: ConnectionStatus): Promise<string[]> {
    const chip = status.info.targetName?.split('.')[0];
    if (status.state !== 'connected' || !chip || !/^stm32f1x$/.test(chip)) return [];
    try {
      const reply = await controller.command(`${chip} options_read 0`, { timeoutMs: 5000 });
      return reply.split('\n').filter((l) => l.trim());
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

  return {
    async diagnose(trigger) {
      const status = controller.status();
      const lines = lastRun(controller.logHistory());
      const extra = trigger === 'on-demand' ? await probeConnected(status) : [];
      const profile = status.profileId ? await profiles.get(status.profileId) : undefined;
      const findings = diagnose({
        log: [...lines.map((l) => ({ text: l.text, level: l.level })), ...extra],
        exitCode: status.exit?.code,
        profile,
        availableCfgs: await cfgs(),
      });
      return {
        findings,
        trigger,
        profileId: status.profileId,
        state: status.state,
        targetVoltage: status.info.targetVoltage,
        exitCode: status.exit?.code,
        time: Date.now(),
      };
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
        const s = await reconnect(saved);
        return { fixId, action, applied: fix.applied, profileId: saved.id, state: s.state, ...outcome(s, fix.applied) };
      }
      switch (action) {
        case 'free-ports': {
          const id = profileId ?? controller.status().profileId;
          const p = id ? await profiles.get(id) : undefined;
          if (!p) throw new ValidationError(`profileId: no profile '${id ?? ''}'`);
          const s = await reconnect(p);
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
        case 'mass-erase':
        case 'halt-target':
          return runTargetFix(controller, action);
        default:
          throw new ValidationError(`action: '${action}' is not something the app can apply; follow the step's instructions`);
      }
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
