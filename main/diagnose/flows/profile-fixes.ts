// Fixes that change the connection profile: pure functions from (profile, action,
// args) to the changed copy and a sentence saying what changed. The host saves the
// copy, reconnects with it, and keeps the original for undo.
import type { FixAction } from '../../../shared/diagnose';
import type { ConnectionProfile } from '../../../shared/profile';
import { CONNECT_UNDER_RESET, GDB_ATTACH_RESET_INIT, SLOW_ADAPTER_KHZ } from '../../../shared/troubleshoot';

export interface ProfileFix {
  profile: ConnectionProfile;
  applied: string;
}

export const PROFILE_FIX_ACTIONS: readonly FixAction[] = [
  'retry-connect-under-reset',
  'lower-adapter-speed',
  'suggest-cfg',
  'suggest-target-for-idcode',
  'set-cputapid',
  'add-gdb-attach-reset-init',
];

export function isProfileFix(action: FixAction): boolean {
  return PROFILE_FIX_ACTIONS.includes(action);
}

/** The changed copy, or an Error saying why this fix does not apply. */
export function applyProfileFix(p: ConnectionProfile, action: FixAction, args: Record<string, string> = {}): ProfileFix | Error {
  const copy: ConnectionProfile = structuredClone(p);
  switch (action) {
    case 'retry-connect-under-reset':
      copy.resetConfig = CONNECT_UNDER_RESET;
      return { profile: copy, applied: `reset_config ${CONNECT_UNDER_RESET}` };
    case 'lower-adapter-speed': {
      const khz = Number(args.khz ?? SLOW_ADAPTER_KHZ);
      if (!Number.isInteger(khz) || khz <= 0) return new Error(`Invalid adapter speed '${args.khz ?? ''}'`);
      copy.adapterSpeedKhz = khz;
      return { profile: copy, applied: `adapter speed ${khz} kHz (was ${p.adapterSpeedKhz ?? 'the cfg default'})` };
    }
    case 'suggest-cfg':
    case 'suggest-target-for-idcode': {
      const cfg = args.cfg ?? args.suggestion;
      if (!cfg) return new Error('No cfg to use');
      const missing = args.missing;
      // Replace the field that named the missing file; else decide by the folder.
      const field =
        missing && p.boardCfg === missing ? 'boardCfg'
        : missing && p.targetCfg === missing ? 'targetCfg'
        : missing && p.interfaceCfg === missing ? 'interfaceCfg'
        : cfg.startsWith('interface/') ? 'interfaceCfg'
        : cfg.startsWith('board/') ? 'boardCfg'
        : 'targetCfg';
      const before = copy[field];
      copy[field] = cfg;
      return { profile: copy, applied: `${fieldLabel(field)}: ${before ?? '(none)'} → ${cfg}` };
    }
    case 'set-cputapid': {
      const id = args.cputapid ?? args.idcode;
      if (!id || !/^0x[0-9a-fA-F]{1,8}$/.test(id)) return new Error(`Invalid CPUTAPID '${id ?? ''}'`);
      // The target cfg reads CPUTAPID when it is sourced, so it is set in the commands that
      // run just before it (main/openocd/args.ts); everything else stays where it was.
      const pre = (copy.preTargetCommands ?? []).filter((c) => !/^\s*set\s+CPUTAPID\s/.test(c));
      copy.preTargetCommands = [`set CPUTAPID ${id}`, ...pre];
      const cfg = copy.kind === 'vboard' ? 'the target cfg' : (copy.targetCfg ?? copy.boardCfg ?? 'the target cfg');
      return { profile: copy, applied: `set CPUTAPID ${id} (before ${cfg})` };
    }
    case 'add-gdb-attach-reset-init':
      if (!copy.extraCommands.includes(GDB_ATTACH_RESET_INIT)) copy.extraCommands.push(GDB_ATTACH_RESET_INIT);
      return { profile: copy, applied: GDB_ATTACH_RESET_INIT };
    default:
      return new Error(`'${action}' does not change the profile`);
  }
}

function fieldLabel(f: 'boardCfg' | 'targetCfg' | 'interfaceCfg'): string {
  return f === 'boardCfg' ? 'board cfg' : f === 'targetCfg' ? 'target cfg' : 'interface cfg';
}
