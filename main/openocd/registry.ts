// Process-wide registry of live OpenOCD children, so none outlives the host:
// - on the host's 'exit' every child still registered gets SIGKILL (synchronous);
// - on SIGINT/SIGTERM/SIGHUP of the host, children get SIGTERM; if nobody else
//   handles that signal we then re-raise it so the host still dies as it would
//   have without our handler;
// - the Electron shell calls killAll() when the app quits or a renderer crashes.
// A host killed with SIGKILL cannot run any of this (no portable parent-death
// signal from Node); OpenOCD then lives on until killed.
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooksInstalled = false;
const HOST_SIGNALS: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function registerChild(child: ChildProcess): void {
  live.add(child);
  installHooks();
  child.once('exit', () => live.delete(child));
  child.once('error', () => {
    if (child.exitCode !== null || child.pid === undefined) live.delete(child);
  });
}

export function unregisterChild(child: ChildProcess): void {
  live.delete(child);
}

/** Kills every live OpenOCD child; returns how many were signalled. */
export function killAll(signal: NodeJS.Signals = 'SIGKILL'): number {
  let n = 0;
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        if (child.kill(signal)) n++;
      } catch {
        // already gone
      }
    }
  }
  return n;
}

/** PIDs of the children still registered (tests check this is empty). */
export function livePids(): number[] {
  return [...live].map((c) => c.pid).filter((p): p is number => p !== undefined);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const sig of HOST_SIGNALS) {
    const onSignal = (): void => {
      killAll('SIGTERM');
      if (process.listenerCount(sig) === 1) {
        // Only we listen: restore the default action and re-raise, so Ctrl+C still ends the host.
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}
