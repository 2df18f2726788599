// How every OpenOCD launcher is spawned (OpenOCD itself, setpriv, the watchdog, the
// namespace relay, also a relay started ahead): one place, so a relay started before
// OpenOCD's command line is known runs exactly as one started with it.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Launch } from './parent-death';

/** `stdinPipe`: OpenOCD's stdin is its tcl connection (`tcl_port pipe`). */
export function spawnLauncher(launch: Launch, env: NodeJS.ProcessEnv, cwd?: string, stdinPipe = false): ChildProcess {
  const child = spawn(launch.command, launch.args, {
    cwd,
    env: { ...env, ...launch.env },
    // The watchdog's and the relay's stdin is the pipe whose EOF tells them the app is gone (parent-death.ts).
    stdio: [stdinPipe || launch.mode === 'watchdog' || launch.mode === 'netns' ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    shell: false,
    windowsHide: true,
    // Its own process group: a Ctrl-C typed at the terminal is ours to handle (cancel a
    // flash cleanly, then stop OpenOCD), not a signal that kills OpenOCD mid-operation.
    // Dying with us is covered by the registry's hooks and the parent-death signal or watchdog.
    detached: process.platform !== 'win32',
  });
  // An EPIPE on the watchdog's stdin (it already exited) is not an error of ours.
  child.stdin?.on('error', () => undefined);
  return child;
}
