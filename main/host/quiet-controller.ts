// The panels' commands, kept out of the console. OpenOCD prints the result of every
// command it runs from the tcl port into its log (command_run_line, "%s"), so a
// 64 KiB memory read would put 16,000 words into the console and every register
// refresh the whole `reg` listing. The panels' session runs every command `quiet`
// (see QUIET_WRAPPER_PROC in main/openocd/tcl-wrap.ts); failures still reach the
// console, where the user expects them.
import type { ConnectionProfile } from '../../shared/profile';
import type { OpenOcdControllerImpl } from '../openocd/controller';

export function quietController(inner: OpenOcdControllerImpl): OpenOcdControllerImpl {
  return {
    status: () => inner.status(),
    start: (profile: ConnectionProfile, opts) => inner.start(profile, opts),
    gdbPort: () => inner.gdbPort(),
    stop: () => inner.stop(),
    dispose: () => inner.dispose(),
    command: (tcl, opts) => inner.command(tcl, { ...opts, quiet: true }),
    logHistory: () => inner.logHistory(),
    onStatus: (cb) => inner.onStatus(cb),
    onLog: (cb) => inner.onLog(cb),
    onTargetEvent: (cb) => inner.onTargetEvent(cb),
    ports: () => inner.ports(),
    tclEndpoint: () => inner.tclEndpoint(),
    isolation: () => inner.isolation(),
    portRoute: (port) => inner.portRoute(port),
    virtualBoard: () => inner.virtualBoard(),
    refreshTarget: () => inner.refreshTarget(),
  };
}
