// The namespace relay started ahead of OpenOCD (netns-relay.cjs with `-- -`). The relay is
// a Node process, and a Node start (~100 ms here) was the largest single part of a
// connect after OpenOCD's own init (bench/cli-info.ts). Started when a connect begins, it
// boots while the app finds the OpenOCD binary and starts the virtual board; OpenOCD's
// command line reaches it on stdin once known (OpenOcdProcess, option `relay`).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { spawnLauncher } from './launch-spawn';
import { netnsLaunch, type Isolation } from './netns';
import { registerChild } from './registry';

export interface RelayAhead {
  readonly child: ChildProcess;
  /** The private folder its sockets are made in (the run's folder). */
  readonly dir: string;
  /** name -> port inside the namespace, as the relay serves them. */
  readonly forward: Readonly<Record<string, number>>;
  /** The launch it was started with: usable only if the real plan launches the same way. */
  readonly launch: string;
}

/** What must match between the relay started ahead and the plan made once the scripts folder is known. */
function launchKey(iso: Extract<Isolation, { mode: 'netns' }>, forward: Record<string, number>): string {
  return JSON.stringify([iso.unshare, iso.unshareArgs, iso.ip, iso.setpriv, iso.relayScript, iso.node, forward]);
}

export function startRelayAhead(iso: Extract<Isolation, { mode: 'netns' }>, dir: string, forward: Record<string, number>): RelayAhead {
  const child = spawnLauncher({ ...netnsLaunch(iso, dir, forward), mode: 'netns' }, process.env);
  // Until it has a command, any signal just ends the relay; OpenOcdProcess re-registers it
  // with its own way of signalling. Its output stays in the pipes (it prints nothing before
  // a command) until OpenOcdProcess reads them.
  registerChild(child);
  return { child, dir, forward: { ...forward }, launch: launchKey(iso, forward) };
}

/** Still running and not yet given a command: usable for the OpenOCD about to start. */
export function relayAheadUsable(relay: RelayAhead, iso: Extract<Isolation, { mode: 'netns' }>, forward: Record<string, number>): boolean {
  const { child } = relay;
  return relay.launch === launchKey(iso, forward) && child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Ends an unused relay (the start failed or went another way) and removes its folder. */
export async function discardRelayAhead(relay: RelayAhead, opts: { keepDir?: boolean } = {}): Promise<void> {
  const { child } = relay;
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end(); // EOF before a command: the relay exits
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
    await gone;
    clearTimeout(timer);
  }
  if (!opts.keepDir) await fs.rm(relay.dir, { recursive: true, force: true }).catch(() => undefined);
}
