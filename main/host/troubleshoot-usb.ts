// The troubleshooter's view of the USB bus: the scan as the diagnosis engine takes it,
// the adapter a profile uses (its connector drives the pinouts), and the access fix
// (a udev rule on Linux, the driver on Windows) with its re-check.
import type { DetectedAdapter } from '../../shared/adapters';
import { KNOWN_ADAPTERS } from '../../shared/adapters';
import type { ConnectionProfile } from '../../shared/profile';
import type { DiagnosisReport } from '../../shared/troubleshoot';
import { UDEV_RULE_PATH, udevInstallScript, windowsDriverHint } from '../adapters/udev';
import type { UsbAdapter } from '../diagnose/index';

/** The engine's input: `accessible` is false only when the OS said no (null = cannot tell). */
export function toUsbAdapters(list: readonly DetectedAdapter[]): UsbAdapter[] {
  return list.map((a) => ({
    vid: a.vid,
    pid: a.pid,
    ...(a.serial ? { serial: a.serial } : {}),
    name: a.name,
    accessible: a.permissionOk !== false,
  }));
}

/** The serial a profile pins with `adapter serial X` (in its extra commands), if any. */
function pinnedSerial(profile: ConnectionProfile): string | undefined {
  for (const c of [...(profile.preTargetCommands ?? []), ...profile.extraCommands]) {
    const m = /^\s*(?:adapter serial|hla_serial)\s+"?([^"\s]+)"?/.exec(c);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/**
 * The adapter on USB this profile drives: the one its `adapter serial` names, else the only one
 * with the profile's interface cfg, else the only adapter attached. Undefined for the virtual board.
 */
export function adapterForProfile(list: readonly DetectedAdapter[], profile: ConnectionProfile | undefined): DetectedAdapter | undefined {
  if (!profile || profile.kind === 'vboard') return undefined;
  const serial = pinnedSerial(profile);
  if (serial) {
    const bySerial = list.find((a) => a.openocdSerial === serial || a.serial === serial);
    if (bySerial) return bySerial;
  }
  const cfg = profile.interfaceCfg;
  const byCfg = cfg ? list.filter((a) => (a.interfaceCfg ?? a.known?.interfaceCfg) === cfg) : [];
  if (byCfg.length === 1) return byCfg[0];
  return list.length === 1 ? list[0] : undefined;
}

/** For the report: the adapter's name and its most likely connector (the table's first). */
export function reportAdapter(a: DetectedAdapter | undefined): DiagnosisReport['adapter'] {
  if (!a) return undefined;
  const connector = a.known?.connectors[0];
  return connector ? { name: a.name, connector } : { name: a.name };
}

/** The adapters an access fix is for: those the OS refused, else the profile's, else what its cfg drives. */
export function adaptersNeedingAccess(list: readonly DetectedAdapter[], profile: ConnectionProfile | undefined): Array<Pick<DetectedAdapter, 'vid' | 'pid' | 'name'> & { family?: DetectedAdapter['family']; driver?: string | null }> {
  const refused = list.filter((a) => a.permissionOk === false);
  if (refused.length > 0) return refused;
  const mine = adapterForProfile(list, profile);
  if (mine) return [mine];
  const cfg = profile?.interfaceCfg;
  return KNOWN_ADAPTERS.filter((k) => k.openocd === 'yes' && cfg !== undefined && k.interfaceCfg === cfg);
}

export interface AccessInstructions {
  /** What to tell the user, one paragraph. */
  message: string;
  /** Text to show as is: the shell snippet, or the driver to install per adapter. */
  details: string;
}

/** How to give OpenOCD access to these adapters on this OS. */
export function accessInstructions(adapters: ReturnType<typeof adaptersNeedingAccess>, platform: NodeJS.Platform = process.platform): AccessInstructions {
  const names = adapters.map((a) => a.name).join(', ') || 'the adapter';
  if (platform === 'win32') {
    const seen = new Set<string>();
    const lines = adapters
      .map((a) => `${a.name}: ${windowsDriverHint(a.family ?? 'ftdi', a.driver ?? null)}`)
      .filter((l) => (seen.has(l) ? false : (seen.add(l), true)));
    return {
      message: `Windows needs a driver OpenOCD can open for ${names}. Install it, unplug and replug the adapter, then press the button below: the app scans USB again and reconnects.`,
      details: lines.join('\n') || windowsDriverHint('ftdi'),
    };
  }
  if (platform !== 'linux') {
    return {
      message: `This system needs no permission rule for ${names}. Another program (an IDE, a second OpenOCD, a GDB server) may hold the adapter: close it, replug the adapter, then press the button below.`,
      details: '',
    };
  }
  if (adapters.length === 0) {
    return {
      message: `No adapter to write a rule for: plug the adapter in, then press the button below. The rule goes in ${UDEV_RULE_PATH}, beside (not over) the distribution's 60-openocd.rules.`,
      details: '',
    };
  }
  return {
    message: `Run these commands in a terminal (they need your password). They write ${UDEV_RULE_PATH} for ${names}, beside (not over) the distribution's rules, and apply it to the plugged-in adapter. Then press the button below: the app scans USB again and reconnects.`,
    details: udevInstallScript(adapters),
  };
}

/** After the user applied the access fix: what the new scan says about those adapters. */
export function describeRescan(before: ReturnType<typeof adaptersNeedingAccess>, after: readonly DetectedAdapter[]): { ok: boolean; text: string } {
  const key = (a: { vid: string; pid: string }): string => `${a.vid}:${a.pid}`.toLowerCase();
  const wanted = new Set(before.map(key));
  const found = after.filter((a) => wanted.size === 0 || wanted.has(key(a)));
  if (found.length === 0) return { ok: false, text: 'The USB scan does not see the adapter: plug it in (a data cable, not a charge-only one).' };
  const refused = found.filter((a) => a.permissionOk === false);
  if (refused.length > 0) {
    return { ok: false, text: `The OS still refuses access to ${refused.map((a) => a.name).join(', ')}: check the rule file, replug the adapter, and log in again if the rule names a group you just joined.` };
  }
  return { ok: true, text: `The USB scan can open ${found.map((a) => a.name).join(', ')} now.` };
}
