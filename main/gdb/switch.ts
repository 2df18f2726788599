// The GDB switch: whether the session's OpenOCD serves GDB. The Connection panel's switch
// wins for this process once used; until then the profile's own `gdb` option decides.
// OpenOCD fixes its ports at `init`, so switching while connected restarts it.
import type { GdbSwitchState } from '../../shared/gdb';
import type { ConnectionProfile } from '../../shared/profile';
import type { StartOptions } from '../openocd/controller-api';

export class GdbSwitch {
  private override: { enabled: boolean; port?: number } | undefined;

  set(enabled: boolean, port?: number): void {
    this.override = port === undefined ? { enabled } : { enabled, port };
  }

  /** On or off for this profile (the switch, else the profile's option), and the pinned port. */
  effective(profile: ConnectionProfile | undefined): { enabled: boolean; port?: number } {
    const o = this.override ?? profile?.gdb;
    if (!o?.enabled) return { enabled: false };
    // A port pinned by the profile stays unless the switch pinned another.
    const port = o.port ?? profile?.gdb?.port;
    return port === undefined ? { enabled: true } : { enabled: true, port };
  }

  startOptions(profile: ConnectionProfile | undefined): StartOptions {
    const e = this.effective(profile);
    if (!e.enabled) return {};
    return { gdb: e.port === undefined ? {} : { port: e.port } };
  }

  state(profile: ConnectionProfile | undefined, servedPort: number | undefined): GdbSwitchState {
    const e = this.effective(profile);
    const out: GdbSwitchState = { enabled: e.enabled };
    if (e.port !== undefined) out.port = e.port;
    if (servedPort !== undefined) out.servedPort = servedPort;
    return out;
  }
}
