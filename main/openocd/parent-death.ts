// OpenOCD must never outlive the app, even when the app is killed with SIGKILL and
// gets no chance to clean up. Two ways, picked per platform:
// - 'pdeathsig' (Linux): util-linux's `setpriv --pdeathsig` asks the kernel to send
//   OpenOCD SIGTERM when its parent dies; setpriv then execs OpenOCD, so the pid, the
//   pipes and the exit code are OpenOCD's own.
// - 'watchdog' (macOS, Windows, Linux without setpriv, or BRINGUP_WATCHDOG=1): a tiny
//   Node script (assets/openocd/watchdog.cjs) starts OpenOCD and stops it when its stdin,
//   a pipe from the app, reaches EOF: the kernel closes that pipe however the app dies.
//   The pid the app holds is then the watchdog's; OpenOcdProcess signals through it
//   (forwarded signals, a signal name on stdin, the process group for SIGKILL), and the
//   watchdog exits with OpenOCD's own exit code or signal.
// 'direct' (no protection) only when neither is available, or BRINGUP_WATCHDOG=0.
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../paths';

/** 'netns': OpenOCD behind the namespace relay (netns.ts), which is also its watchdog. */
export type LaunchMode = 'direct' | 'pdeathsig' | 'watchdog' | 'netns';

export interface Launch {
  command: string;
  args: string[];
  mode: LaunchMode;
  /** Extra environment for the launcher (Electron must be told to run the watchdog as Node). */
  env?: Record<string, string>;
}

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
 * How to run one of our small Node scripts (the watchdog, the namespace relay) as a child:
 * this Node, or Electron as Node. The packaged desktop app has Electron's RunAsNode fuse
 * off (electron-builder.yml: nobody can turn the app binary into a Node interpreter), so
 * there ELECTRON_RUN_AS_NODE would start a second app instead: no runtime then. Fuses
 * apply only to packaged builds; `electron .` in development sets process.defaultApp.
 */
export function nodeRuntime(): { command: string; env: Record<string, string> } | { reason: string } {
  if (!process.versions.electron) return { command: process.execPath, env: {} };
  const dev = (process as NodeJS.Process & { defaultApp?: boolean }).defaultApp === true;
  if (!dev) return { reason: 'the packaged desktop app cannot run Node scripts (RunAsNode fuse off)' };
  return { command: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } };
}

/** The watchdog script, or undefined when the assets folder cannot be found. */
export function watchdogScript(): string | undefined {
  try {
    const p = path.join(assetsDir(), 'openocd', 'watchdog.cjs');
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The command line that starts `binary args` so that it dies with its parent.
 * Only an absolute, executable binary is wrapped, so a missing binary still fails
 * in spawn itself with its own name in the error.
 */
export function withParentDeathSignal(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env): Launch {
  const direct: Launch = { command: binary, args, mode: 'direct' };
  if (!path.isAbsolute(binary)) return direct;
  try {
    accessSync(binary, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
  } catch {
    return direct;
  }
  const force = env.BRINGUP_WATCHDOG;
  if (force === '0') return direct;
  const setpriv = force === '1' ? null : findSetpriv();
  if (setpriv) return { command: setpriv, args: ['--pdeathsig', 'TERM', '--', binary, ...args], mode: 'pdeathsig' };
  const script = watchdogScript();
  const node = nodeRuntime();
  if (!script || 'reason' in node) return direct;
  return { command: node.command, args: [script, binary, ...args], mode: 'watchdog', env: node.env };
}

/**
 * The launch for an OpenOCD whose tcl server is its stdin/stdout (`tcl_port pipe`):
 * OpenOCD shuts down when that pipe ends, which the kernel does however the app dies, so
 * no watchdog sits between (it would hold OpenOCD's stdin); setpriv's parent-death
 * signal is kept where there is one, for an OpenOCD stuck in a long adapter call.
 */
export function withPipeParentDeath(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env): Launch {
  // BRINGUP_WATCHDOG=0 (no guard of ours): the pipe alone ends OpenOCD (orphan.int.test.ts shows it).
  const setpriv = path.isAbsolute(binary) && env.BRINGUP_WATCHDOG !== '0' ? findSetpriv() : null;
  if (setpriv) return { command: setpriv, args: ['--pdeathsig', 'TERM', '--', binary, ...args], mode: 'pdeathsig' };
  return { command: binary, args, mode: 'direct' };
}
