// OpenOCD's tcl port has no authentication: any local user who reaches it owns the probe
// and OpenOCD's whole Tcl (which reads and writes files as our user). The strongest guard
// Linux offers without privileges is a private network namespace: OpenOCD listens on a
// loopback that is not the host's, and the app reaches it only through the relay's
// Unix-domain socket in a 0700 folder of ours (assets/openocd/netns-relay.cjs). GDB, when
// asked for, is forwarded to the host's loopback (gdb-forward.ts) and is then as open to
// local users as in every OpenOCD setup.
//
// Where that is not possible (macOS, Windows, no unprivileged user namespaces, no
// `unshare`/`ip`, a probe that talks TCP, the packaged desktop app that cannot run Node
// scripts) OpenOCD listens on 127.0.0.1 as before, and the reason is logged once per
// start; README "Security" says what that means and what to do on a shared machine.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionProfile } from '../../shared/profile';
import { assetsDir } from '../paths';
import { nodeRuntime } from './parent-death';

export type Isolation =
  | { mode: 'netns'; unshare: string; unshareArgs: readonly string[]; ip: string; setpriv?: string; relayScript: string; node: { command: string; env: Record<string, string> } }
  | { mode: 'host'; reason: string }
  /** No tcl port at all: OpenOCD's tcl server is its stdin/stdout (StartOptions.tclPipe). */
  | { mode: 'pipe' };

/** A folder only we can enter, for the relay's sockets; removed when OpenOCD is gone. */
export async function privateSocketDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'bringup-openocd-'));
}

/**
 * Drivers that reach their probe over TCP: inside a private namespace they could not.
 * A remote_bitbang on a Unix socket (`remote_bitbang port 0`) works across namespaces.
 */
const NETWORK_DRIVER = /\b(jtag_vpi|jtag_dpi|vdebug|xlnx_pcie_xvc|xvc)\b|backend\s+tcp|\bjlink\s+(?:usb|ip)\b|\badapter\s+driver\s+remote_bitbang\b|\bremote_bitbang\s+(?:host|port)\s+(?!0\b)/;

/** Why this profile needs the host's network, or undefined. Reads the profile's cfg files where it can find them. */
export async function networkAdapterReason(profile: ConnectionProfile, scriptsDir: string | undefined): Promise<string | undefined> {
  if (profile.kind === 'vboard') return undefined; // the app's board is on a Unix socket (TCP only on Windows)
  const texts = [...(profile.preTargetCommands ?? []), ...profile.extraCommands];
  for (const cfg of [profile.interfaceCfg, profile.boardCfg]) {
    if (!cfg) continue;
    const file = path.isAbsolute(cfg) ? cfg : scriptsDir ? path.join(scriptsDir, cfg) : undefined;
    if (file) texts.push(await fs.readFile(file, 'utf8').catch(() => ''));
  }
  for (const text of texts) {
    // remote_bitbang pointed at a Unix socket (port 0) works across namespaces.
    const cleaned = text.replace(/^\s*#.*$/gm, '');
    if (/\bremote_bitbang\s+port\s+0\b/.test(cleaned)) continue;
    const m = NETWORK_DRIVER.exec(cleaned);
    if (m) return `the adapter talks over TCP ('${m[0].trim()}'), which a private network namespace would cut off`;
  }
  return undefined;
}

/** A user namespace (no privileges needed) that owns the new network namespace. */
const FIRST_UNSHARE_ARGS: readonly string[] = ['--user', '--map-root-user', '--net'];

type UnshareProbe = { ok: true; args: readonly string[] } | { ok: false; reason: string };

let probed: Promise<UnshareProbe> | undefined;

/** Can this process make a network namespace? Asked once per process (a fork + exec of `unshare true`). */
function probeUnshare(unshare: string): Promise<UnshareProbe> {
  probed ??= (async (): Promise<UnshareProbe> => {
    const attempts = [FIRST_UNSHARE_ARGS];
    // As root (CI containers) a plain network namespace may work where user namespaces are off.
    if (process.getuid?.() === 0) attempts.push(['--net']);
    let last = '';
    for (const args of attempts) {
      const r = await run(unshare, [...args, '--', 'true']);
      if (r.status === 0) return { ok: true, args };
      last = r.why;
    }
    const sysctl = readSysctl('/proc/sys/kernel/unprivileged_userns_clone') ?? readSysctl('/proc/sys/user/max_user_namespaces');
    return { ok: false, reason: `unshare cannot create a network namespace here (${last}${sysctl !== undefined ? `; ${sysctl}` : ''})` };
  })();
  return probed;
}

function run(cmd: string, args: string[]): Promise<{ status: number | null; why: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 5000 }, (err, _stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ status, why: (stderr || err?.message || `exit ${status}`).trim() });
    });
  });
}

/**
 * Start the probe now, so that it runs while the caller does other start-up work
 * (OpenOCD's version check, the virtual board); planIsolation then finds it answered.
 */
export function warmIsolationProbe(): void {
  if (process.platform !== 'linux' || process.env.BRINGUP_NETNS === '0') return;
  const unshare = findExecutable(['/usr/bin/unshare', '/bin/unshare']);
  if (unshare) void probeUnshare(unshare);
}

function readSysctl(file: string): string | undefined {
  try {
    return `${path.basename(file)}=${readFileSync(file, 'utf8').trim()}`;
  } catch {
    return undefined;
  }
}

function findExecutable(candidates: string[]): string | undefined {
  for (const p of candidates) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** How OpenOCD for this profile is isolated on this machine, with the reason when it is not. */
export async function planIsolation(
  profile: ConnectionProfile,
  opts: {
    scriptsDir?: string;
    env?: NodeJS.ProcessEnv;
    /** Do not wait for the `unshare true` probe: plan with unshare's first arguments (a relay started ahead; checked against the real plan before use). */
    guess?: boolean;
  } = {},
): Promise<Exclude<Isolation, { mode: 'pipe' }>> {
  const env = opts.env ?? process.env;
  if (process.platform !== 'linux') return { mode: 'host', reason: `no network namespaces on ${process.platform}` };
  if (env.BRINGUP_NETNS === '0') return { mode: 'host', reason: 'turned off by BRINGUP_NETNS=0' };
  const unshare = findExecutable(['/usr/bin/unshare', '/bin/unshare']);
  if (!unshare) return { mode: 'host', reason: 'util-linux unshare not found' };
  const ip = findExecutable(['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip']);
  if (!ip) return { mode: 'host', reason: "iproute2's ip not found (needed to bring up the namespace's loopback)" };
  const node = nodeRuntime();
  if ('reason' in node) return { mode: 'host', reason: node.reason };
  let relayScript: string | undefined;
  try {
    relayScript = path.join(assetsDir(), 'openocd', 'netns-relay.cjs');
  } catch {
    relayScript = undefined;
  }
  if (!relayScript || !existsSync(relayScript)) return { mode: 'host', reason: 'assets/openocd/netns-relay.cjs not found' };
  const network = await networkAdapterReason(profile, opts.scriptsDir);
  if (network) return { mode: 'host', reason: network };
  const probe = opts.guess ? { ok: true as const, args: FIRST_UNSHARE_ARGS } : await probeUnshare(unshare);
  if (!probe.ok) return { mode: 'host', reason: probe.reason };
  const setpriv = findExecutable(['/usr/bin/setpriv', '/bin/setpriv']);
  return { mode: 'netns', unshare, unshareArgs: probe.args, ip, relayScript, node, ...(setpriv ? { setpriv } : {}) };
}

/**
 * The command line that starts OpenOCD inside the namespace behind the relay. Without
 * `openocd` the relay starts ahead and waits for OpenOCD's command line on stdin
 * (relayCommandLine; relay-ahead.ts).
 */
export function netnsLaunch(
  iso: Extract<Isolation, { mode: 'netns' }>,
  dir: string,
  forward: Record<string, number>,
  openocd?: { binary: string; args: string[] },
): { command: string; args: string[]; env: Record<string, string> } {
  const relayArgs = ['--ip', iso.ip, '--dir', dir];
  if (iso.setpriv) relayArgs.push('--setpriv', iso.setpriv);
  for (const [name, port] of Object.entries(forward)) relayArgs.push('--forward', `${name}=${port}`);
  return {
    command: iso.unshare,
    args: [...iso.unshareArgs, '--', iso.node.command, iso.relayScript, ...relayArgs, '--', ...(openocd ? [openocd.binary, ...openocd.args] : ['-'])],
    env: iso.node.env,
  };
}

/** The stdin line that gives a relay started ahead its OpenOCD (netns-relay.cjs reads it as JSON). */
export function relayCommandLine(binary: string, args: string[], env: Record<string, string>): string {
  return `${JSON.stringify({ binary, args, env })}\n`;
}

/** Type guard: the plan says OpenOCD can run behind the relay. */
export function netnsLaunchable(iso: Isolation): iso is Extract<Isolation, { mode: 'netns' }> {
  return iso.mode === 'netns';
}
