// Process-wide registry of live OpenOCD children, so none outlives the host:
// - on the host's 'exit' every child still registered gets SIGKILL (synchronous);
// - on SIGINT/SIGTERM/SIGHUP of the host, and only when no one else listens for that
//   signal, children get SIGTERM and the signal is re-raised so the host still dies as
//   it would have without our handler. When the app handles the signal itself (serve's
//   graceful stop, the CLI's "Ctrl-C cancels a flash cleanly"), we leave OpenOCD to it:
//   killing it here would break the very clean-up the app is running;
// - the Electron shell calls killAll() when the app quits or a renderer crashes.
// A host killed with SIGKILL runs none of this. OpenOCD is then ended by the kernel's
// parent-death signal (Linux, setpriv) or by the watchdog that sees its stdin close
// (elsewhere); see parent-death.ts.
import type { ChildProcess } from 'node:child_process';

/** How to end one child: the watchdog launcher needs more than child.kill(). */
export type ChildKiller = (signal: NodeJS.Signals) => void;

const live = new Map<ChildProcess, ChildKiller>();
let hooksInstalled = false;
const HOST_SIGNALS: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function registerChild(child: ChildProcess, kill?: ChildKiller): void {
  live.set(child, kill ?? ((signal) => child.kill(signal)));
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
  for (const [child, kill] of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        kill(signal);
        n++;
      } catch {
        // already gone
      }
    }
  }
  return n;
}

/** PIDs of the children still registered (tests check this is empty). */
export function livePids(): number[] {
  return [...live.keys()].map((c) => c.pid).filter((p): p is number => p !== undefined);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const sig of HOST_SIGNALS) {
    const onSignal = (): void => {
      // Someone else handles this signal: their clean-up owns OpenOCD's stop.
      if (process.listenerCount(sig) > 1) return;
      killAll('SIGTERM');
      // Only we listen: restore the default action and re-raise, so Ctrl+C still ends the host.
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}
