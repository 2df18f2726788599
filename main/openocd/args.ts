// The OpenOCD command line for a connection profile. An argv array for spawn()
// without a shell, so nothing needs shell quoting; only Tcl quoting matters
// (each -c is a Tcl line, and -f X becomes the Tcl line `script {X}`).
//
// Order, and why:
//   -s scripts       only when the user named a folder (OpenOCD knows its own)
//   bindto 127.0.0.1 first, so no server ever listens beyond this machine
//   tcl/telnet/gdb   our free ports (or disabled)
//   -f interface     the adapter driver must exist before `transport select`
//   transport select before the target cfg, which branches on the transport
//   pre-target cmds  the profile's preTargetCommands: variables the target cfg
//                    reads (`set CPUTAPID ...`) must exist before it is sourced
//   -f target/board  (a board cfg sources interface and target itself, so the
//                    pre-target commands come before it and transport after it)
//   adapter speed    after the target cfg, which often sets its own speed
//   reset_config     likewise
//   extra commands   the user's, in order
//   init             explicit: a failing init (no target, wrong wiring) ends
//                    OpenOCD with exit code 1 before any server opens, which is
//                    what the user sees on the command line and what we report.
import path from 'node:path';
import type { ConnectionProfile } from '../../shared/profile';
import { ValidationError } from './errors';
import { tclQuote } from './tcl-wrap';

export interface OpenOcdPorts {
  tcl: number;
  /** Omitted: the server is disabled. */
  telnet?: number;
  gdb?: number;
}

export interface BuildArgsOptions {
  ports: OpenOcdPorts;
  scriptsDir?: string;
  /** The app's assets folder; required for a 'vboard' profile. */
  assetsDir?: string;
  /** The tcl server on OpenOCD's stdin/stdout (`tcl_port pipe`) instead of ports.tcl. */
  tclPipe?: boolean;
}

/** Tcl run when the gdb port is open: a GDB detach resumes a halted core (see buildOpenOcdArgs).
 *  In `catch`: an odd target that refuses the event must not stop OpenOCD's start. */
export const GDB_DETACH_RESUMES =
  'catch { foreach t [target names] { if {[$t cget -event gdb-detach] eq ""} { $t configure -event gdb-detach { if {[[target current] curstate] eq "halted"} { resume } } } } }';

export const VBOARD_TARGET_CFG = 'target/stm32f1x.cfg';
export const VBOARD_PORT_ENV = 'VBOARD_PORT';
export const VBOARD_SOCKET_ENV = 'VBOARD_SOCKET';

export function vboardCfgPath(assetsDir: string): string {
  return path.join(assetsDir, 'openocd', 'vboard.cfg');
}

export function buildOpenOcdArgs(profile: ConnectionProfile, opts: BuildArgsOptions): string[] {
  const args: string[] = [];
  const c = (cmd: string): void => {
    args.push('-c', cmd);
  };
  if (opts.scriptsDir) args.push('-s', opts.scriptsDir);
  c('bindto 127.0.0.1');
  c(`tcl_port ${opts.tclPipe ? 'pipe' : port(opts.ports.tcl, 'tcl')}`);
  c(`telnet_port ${opts.ports.telnet === undefined ? 'disabled' : port(opts.ports.telnet, 'telnet')}`);
  c(`gdb_port ${opts.ports.gdb === undefined ? 'disabled' : port(opts.ports.gdb, 'gdb')}`);

  const preTarget = (): void => {
    for (const cmd of profile.preTargetCommands ?? []) command(cmd, c);
  };
  if (profile.kind === 'vboard') {
    if (!opts.assetsDir) throw new ValidationError('The virtual board needs the assets folder (assets/openocd/vboard.cfg)');
    args.push(...fileArgs(vboardCfgPath(opts.assetsDir)));
    if (profile.transport) c(`transport select ${word(profile.transport, 'transport')}`);
    preTarget();
    args.push(...fileArgs(VBOARD_TARGET_CFG));
  } else if (profile.boardCfg) {
    // A board cfg sources its own interface and target.
    preTarget();
    args.push(...fileArgs(profile.boardCfg));
    if (profile.transport) c(`transport select ${word(profile.transport, 'transport')}`);
  } else {
    if (profile.interfaceCfg) args.push(...fileArgs(profile.interfaceCfg));
    if (profile.transport) c(`transport select ${word(profile.transport, 'transport')}`);
    preTarget();
    if (profile.targetCfg) args.push(...fileArgs(profile.targetCfg));
  }
  if (profile.adapterSpeedKhz !== undefined) {
    const khz = profile.adapterSpeedKhz;
    if (!Number.isInteger(khz) || khz <= 0) throw new ValidationError(`Adapter speed must be a positive whole number of kHz, not ${khz}`);
    c(`adapter speed ${khz}`);
  }
  if (profile.resetConfig?.trim()) {
    const words = profile.resetConfig.trim().split(/\s+/);
    for (const w of words) word(w, 'reset_config');
    c(`reset_config ${words.join(' ')}`);
  }
  for (const extra of profile.extraCommands) command(extra, c);
  // GDB's `detach` means "let the program run on", but OpenOCD leaves the core halted on
  // a detach. Each target resumes then, unless the user's cfg already handles the event.
  if (opts.ports.gdb !== undefined) c(GDB_DETACH_RESUMES);
  c('init');
  return args;
}

/** Environment additions for the OpenOCD process of this profile. */
export function buildOpenOcdEnv(profile: ConnectionProfile, opts: { vboardPort?: number; vboardSocket?: string }): Record<string, string> {
  if (profile.kind !== 'vboard') return {};
  // vboard.cfg prefers the Unix-domain socket when one is given.
  if (opts.vboardSocket) return { [VBOARD_SOCKET_ENV]: opts.vboardSocket };
  if (opts.vboardPort === undefined) throw new ValidationError('The virtual board port is not known');
  return { [VBOARD_PORT_ENV]: String(opts.vboardPort) };
}

/**
 * `-f X` runs `script {X}` inside OpenOCD: fine unless X has braces or
 * backslashes (which Tcl would treat specially). Such paths go through
 * `-c script "..."` with full quoting; the messages are the same.
 */
function fileArgs(file: string): string[] {
  const f = process.platform === 'win32' ? file.replace(/\\/g, '/') : file;
  if (/[{}\\]/.test(f)) return ['-c', `script "${tclQuote(f)}"`];
  return ['-f', f];
}

/** One user command as its own `-c`; blank ones are skipped. */
function command(cmd: string, c: (cmd: string) => void): void {
  if (cmd.includes('\0')) throw new ValidationError('A profile command cannot contain a NUL character');
  if (cmd.trim()) c(cmd);
}

function port(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ValidationError(`Invalid ${name} port ${n}`);
  return n;
}

/** A single Tcl word from a profile field: no spaces or Tcl syntax. */
function word(w: string, what: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(w)) throw new ValidationError(`Invalid ${what} value '${w}'`);
  return w;
}
