// OpenOCD must never outlive the app, even when the app is killed with SIGKILL and
// gets no chance to clean up. On Linux, util-linux's `setpriv --pdeathsig` asks the
// kernel to send OpenOCD SIGTERM when its parent dies; setpriv then execs OpenOCD,
// so the pid, the pipes and the exit code are OpenOCD's own. Elsewhere (macOS,
// Windows) the process registry's exit hooks are what we have.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const SETPRIV_CANDIDATES = ['/usr/bin/setpriv', '/bin/setpriv'];
let setprivPath: string | null | undefined;

function findSetpriv(): string | null {
  if (setprivPath !== undefined) return setprivPath;
  setprivPath = null;
  if (process.platform !== 'linux') return setprivPath;
  for (const p of SETPRIV_CANDIDATES) {
    try {
      accessSync(p, constants.X_OK);
      setprivPath = p;
      break;
    } catch {
      // not here
    }
  }
  return setprivPath;
}

/**
 * The command line that starts `binary args` so that it dies with its parent.
 * Only an absolute, resolved binary is wrapped, so a missing binary still fails
 * in spawn itself with its own name in the error.
 */
export function withParentDeathSignal(binary: string, args: string[]): { command: string; args: string[] } {
  const setpriv = findSetpriv();
  if (!setpriv || !path.isAbsolute(binary)) return { command: binary, args };
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return { command: binary, args };
  }
  return { command: setpriv, args: ['--pdeathsig', 'TERM', '--', binary, ...args] };
}
