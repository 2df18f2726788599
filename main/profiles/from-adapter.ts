// A connection profile for a detected debug adapter: its interface cfg, and when another
// adapter the same script would open is attached, the `adapter serial` (or USB location)
// command that makes OpenOCD open this one. The user adds the target cfg.
import type { DetectedAdapter } from '../../shared/adapters';
import type { ConnectionProfile } from '../../shared/profile';
import { selectAdapter } from '../adapters/select';

export interface AdapterProfile {
  /** null when no interface script fits on its own (bare FTDI) or OpenOCD cannot drive it. */
  profile: ConnectionProfile | null;
  warning?: string;
}

function slug(v: string): string {
  return v.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'x';
}

export function profileForAdapter(all: readonly DetectedAdapter[], chosen: DetectedAdapter): AdapterProfile {
  const sel = selectAdapter(all, chosen);
  const warning = sel.warning ? { warning: sel.warning } : {};
  if (!sel.interfaceCfg || chosen.known?.openocd === 'no') return { profile: null, ...warning };
  const which = chosen.openocdSerial ?? chosen.usbLocation ?? '';
  const profile: ConnectionProfile = {
    id: `adapter-${chosen.vid}${chosen.pid}${which ? `-${slug(which)}` : ''}`,
    name: `${chosen.name}${sel.commands.length > 0 && which ? ` (${which})` : ''}`,
    kind: 'configs',
    interfaceCfg: sel.interfaceCfg,
    // Runs after the interface cfg (which selects the driver) and before init.
    extraCommands: [...sel.commands],
  };
  return { profile, ...warning };
}
