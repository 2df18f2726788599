// The contract between the OpenOCD layer (main/openocd) and its users (host.ts,
// the CLI, the troubleshooter): one running OpenOCD for one profile.
import type { ConnectionProfile } from '../../shared/profile';
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { CommandOptions } from './rpc-client';

export interface TargetEvent {
  /** OpenOCD event name as sent on the notifications socket, e.g. "halted", "resumed", "reset-start", "gdb-attach". */
  name: string;
  targetName?: string;
  raw: string;
}

export interface ControllerOptions {
  /**
   * OpenOCD binary: explicit setting, else $BRINGUP_OPENOCD, else PATH. A function is asked
   * at every start (the app's persisted Settings, which the user may change while running).
   */
  openocdPath?: string | (() => Promise<string | undefined>);
  /** OpenOCD scripts folder for -s, when not the binary's default. */
  scriptsDir?: string;
  /** How long to wait for the tcl port before failing the start. */
  readyTimeoutMs?: number;
  /**
   * Keep the virtual board between runs, as a board stays on the bench: its flash, option
   * bytes and switches survive Disconnect/Connect and an OpenOCD crash (the app). Off, the
   * board goes with OpenOCD (a one-shot CLI command). dispose() ends it either way.
   */
  keepBoardBetweenRuns?: boolean;
}

/** Per-start choices that are not part of the profile. */
export interface StartOptions {
  /**
   * Serve GDB: OpenOCD's gdb port is opened only when this is given (telnet never is).
   * `port` pins it (a profile's choice); without it a free port on 127.0.0.1 is picked.
   * The port actually served is `controller.gdbPort()` once connected.
   */
  gdb?: { port?: number };
  /**
   * One-shot work (the CLI): OpenOCD's tcl server on its stdin/stdout (`tcl_port pipe`)
   * instead of a port: no port at all, so no namespace and no relay to start, and OpenOCD
   * ends when the pipe does. One connection only: no notifications socket (the target state
   * is polled), no RTT servers; a command that times out leaves the pipe open and its late
   * reply is dropped (TclRpcClient.over); ignored when gdb is asked for (gdb needs its port).
   */
  tclPipe?: boolean;
}

/** The OpenOCD path setting as it stands now. */
export async function resolveOpenOcdPath(opts: Pick<ControllerOptions, 'openocdPath'>): Promise<string | undefined> {
  const p = opts.openocdPath;
  return typeof p === 'function' ? p() : p;
}

export interface OpenOcdController {
  status(): ConnectionStatus;
  /** Starts OpenOCD (and the virtual board for a vboard profile). Resolves with the final state of the attempt: connected or failed; never hangs. */
  start(profile: ConnectionProfile, opts?: StartOptions): Promise<ConnectionStatus>;
  /** The port GDB connects to (`target extended-remote 127.0.0.1:PORT`) while connected with `gdb`; otherwise undefined. */
  gdbPort(): number | undefined;
  /** `shutdown` over RPC, kill after a timeout; always ends in state stopped (or failed if it died first). */
  stop(): Promise<void>;
  /** stop(), and the virtual board too: the app is closing. */
  dispose(): Promise<void>;
  /** Raw TCL over RPC; throws the library's typed errors. */
  command(tcl: string, opts?: CommandOptions): Promise<string>;
  /** Every log line since the start (bounded ring), for late subscribers and the troubleshooter. */
  logHistory(): LogLine[];
  onStatus(cb: (s: ConnectionStatus) => void): () => void;
  onLog(cb: (line: LogLine) => void): () => void;
  onTargetEvent(cb: (e: TargetEvent) => void): () => void;
}
