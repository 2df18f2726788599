// One OpenOCD child process: spawn (no shell), log lines with levels, readiness
// on the tcl port, exit reason, and a stop that always ends the process.
import type { ChildProcess } from 'node:child_process';
import { withParentDeathSignal, withPipeParentDeath, type LaunchMode } from './parent-death';
import { EventEmitter } from 'node:events';
import type { LogLine } from '../../shared/connection';
import { ProcessError, TimeoutError } from './errors';
import { findRule } from './error-map';
import { LineSplitter, LogRing, parseLogLevel, reasonLines } from './log-lines';
import { registerChild } from './registry';
import { pipeLink, TclRpcClient } from './rpc-client';
import { LOOPBACK, type TclEndpoint } from './ports';
import { netnsLaunch, relayCommandLine, type Isolation } from './netns';
import { spawnLauncher } from './launch-spawn';
import type { RelayAhead } from './relay-ahead';

export interface OpenOcdProcessOptions {
  binary: string;
  args: string[];
  /** Added to the host's environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Lines kept for logHistory() and the exit reason. Default 5000. */
  logCapacity?: number;
  /** Sequence numbers for log lines; the controller shares one counter across restarts. */
  nextSeq?: () => number;
  /**
   * Run OpenOCD in a private network namespace behind the relay (netns.ts): its ports
   * `forward` (name → port inside) are served as `<dir>/<name>.sock`.
   */
  netns?: { isolation: Extract<Isolation, { mode: 'netns' }>; dir: string; forward: Record<string, number> };
  /** A relay started ahead (relay-ahead.ts) that runs this OpenOCD instead of a new one. */
  relay?: RelayAhead;
  /**
   * OpenOCD's tcl server is its stdin/stdout (the args say `tcl_port pipe`): no port at
   * all, one connection (waitReady's), and OpenOCD ends when we close it or die.
   */
  tclPipe?: boolean;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the binary could not be started at all (ENOENT, EACCES). */
  spawnError?: Error;
}

export interface OpenOcdProcessEvents {
  log: [line: LogLine];
  exit: [exit: ExitResult];
}

export interface StopOptions {
  /** An open RPC connection to send `shutdown` on; otherwise one is opened to `tcl` (or `tclPort` on 127.0.0.1). */
  rpc?: TclRpcClient;
  tclPort?: number;
  tcl?: TclEndpoint;
  /** How long to wait after `shutdown` before SIGTERM. Default 3000 ms. */
  graceMs?: number;
  /** How long to wait after SIGTERM before SIGKILL. Default 2000 ms. */
  termMs?: number;
}

export class OpenOcdProcess extends EventEmitter<OpenOcdProcessEvents> {
  readonly child: ChildProcess;
  /** Resolves once the process has ended and its output is read (never rejects). */
  readonly exited: Promise<ExitResult>;
  /** How OpenOCD was launched: in 'watchdog' mode `pid` is the watchdog's, and OpenOCD is its only child. */
  readonly launchMode: LaunchMode;
  private readonly ring: LogRing;
  private readonly nextSeq: () => number;
  private exitResult: ExitResult | undefined;
  /** OpenOCD's tcl server is its stdin/stdout (OpenOcdProcessOptions.tclPipe). */
  private readonly tclPipe: boolean;

  constructor(opts: OpenOcdProcessOptions) {
    super();
    this.ring = new LogRing(opts.logCapacity ?? 5000);
    let seq = 0;
    this.nextSeq = opts.nextSeq ?? (() => ++seq);
    const env = { ...process.env, ...opts.env };
    this.tclPipe = opts.tclPipe === true;
    if (opts.relay) {
      // The relay is up already; OpenOCD's command line (and its environment) goes on its stdin.
      this.launchMode = 'netns';
      this.child = opts.relay.child;
      this.child.stdin?.write(relayCommandLine(opts.binary, opts.args, opts.env ?? {}));
    } else if (this.tclPipe) {
      const launch = withPipeParentDeath(opts.binary, opts.args, env);
      this.launchMode = launch.mode;
      this.child = spawnLauncher(launch, env, opts.cwd, true);
    } else {
      const launch = opts.netns
        ? { ...netnsLaunch(opts.netns.isolation, opts.netns.dir, opts.netns.forward, { binary: opts.binary, args: opts.args }), mode: 'netns' as const }
        : withParentDeathSignal(opts.binary, opts.args, env);
      this.launchMode = launch.mode;
      this.child = spawnLauncher(launch, env, opts.cwd);
    }
    registerChild(this.child, (signal) => this.signal(signal));
    this.exited = new Promise<ExitResult>((resolve) => {
      const out = new LineSplitter();
      const err = new LineSplitter();
      // With `tcl_port pipe` stdout carries the tcl replies; OpenOCD's log is on stderr.
      if (!this.tclPipe) this.child.stdout?.on('data', (chunk: Buffer) => this.addLines(out.push(chunk)));
      this.child.stderr?.on('data', (chunk: Buffer) => this.addLines(err.push(chunk)));
      const finish = (r: ExitResult): void => {
        if (this.exitResult) return;
        this.addLines(out.flush());
        this.addLines(err.flush());
        this.exitResult = r;
        this.emit('exit', r);
        resolve(r);
      };
      this.child.once('error', (e) => {
        // spawn failure: no 'exit' will follow
        if (this.child.pid === undefined) {
          this.addLines([`Error: cannot start ${opts.binary}: ${e.message}`]);
          finish({ code: null, signal: null, spawnError: e });
        }
      });
      // 'close' comes after the pipes are drained, so the last lines are in; 'exit'
      // has the code. A grandchild holding the pipes must not delay us forever.
      this.child.once('exit', (code, signal) => {
        const timer = setTimeout(() => finish({ code, signal }), 500);
        this.child.once('close', () => {
          clearTimeout(timer);
          finish({ code, signal });
        });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }
  get running(): boolean {
    return this.exitResult === undefined;
  }
  get exit(): ExitResult | undefined {
    return this.exitResult;
  }
  logHistory(): LogLine[] {
    return this.ring.toArray();
  }
  /** Error lines first, then the last lines: what explains an exit or a failed start. */
  reasonLines(): string[] {
    return reasonLines(this.ring.toArray());
  }

  /**
   * Resolves with an open RPC connection once the tcl port accepts a connection
   * and answers `version`. Rejects with ProcessError if OpenOCD exits first and
   * with TimeoutError if it is not ready in time (the process is left running;
   * the caller stops it).
   */
  async waitReady(opts: { port: number; host?: string; endpoint?: TclEndpoint; timeoutMs?: number }): Promise<TclRpcClient> {
    const timeoutMs = opts.timeoutMs ?? 20_000;
    if (this.tclPipe) return this.waitReadyOnPipe(timeoutMs);
    const endpoint: TclEndpoint = opts.endpoint ?? { host: opts.host ?? LOOPBACK, port: opts.port };
    const deadline = Date.now() + timeoutMs;
    let delay = 10;
    for (;;) {
      if (this.exitResult) throw this.exitError();
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      let client: TclRpcClient | undefined;
      try {
        client = await TclRpcClient.connectTo(endpoint, { timeoutMs: Math.min(remaining, 1000) });
        const reply = await client.commandResult('version', { timeoutMs: Math.max(deadline - Date.now(), 1), quiet: true });
        if (reply.ok === true) return client;
        client.close();
      } catch {
        client?.close();
      }
      if (this.exitResult) throw this.exitError();
      // Sleep with backoff, but wake at once if the process ends meanwhile. Capped at
      // 40 ms: a failed attempt is one local connect, while a 250 ms cap left OpenOCD
      // ready and unasked for up to 250 ms (a third of `bringup info`'s time).
      const wait = Math.min(delay, Math.max(deadline - Date.now(), 0));
      await Promise.race([sleep(wait), this.exited]);
      delay = Math.min(delay * 2, 40);
    }
    if (this.exitResult) throw this.exitError();
    throw new TimeoutError(`OpenOCD did not open its tcl port ${opts.port} within ${timeoutMs} ms`, {
      hint: 'OpenOCD may be stuck talking to the adapter; see the log.',
      openocdText: this.reasonLines().join('\n') || undefined,
    });
  }

  /**
   * `tcl_port pipe`: the connection exists from the start; OpenOCD answers `version` once
   * its init is done and it serves commands. No polling: the answer is the readiness.
   */
  private async waitReadyOnPipe(timeoutMs: number): Promise<TclRpcClient> {
    const { stdin, stdout } = this.child;
    if (!stdin || !stdout) throw new ProcessError('OpenOCD was started without its tcl pipe');
    const client = TclRpcClient.over(pipeLink(stdin, stdout));
    const answer = client.commandResult('version', { timeoutMs, quiet: true }).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
    const first = await Promise.race([answer, this.exited.then(() => undefined)]);
    if (first !== undefined && !(first instanceof Error) && first.ok) return client;
    if (first instanceof TimeoutError && !this.exitResult) {
      // Left open: closing the pipe would end OpenOCD, and the caller stops it with its reasons in the log.
      throw new TimeoutError(`OpenOCD did not answer on its tcl pipe within ${timeoutMs} ms`, {
        hint: 'OpenOCD may be stuck talking to the adapter; see the log.',
        openocdText: this.reasonLines().join('\n') || undefined,
      });
    }
    client.close();
    if (this.exitResult || first === undefined) throw this.exitError();
    throw first instanceof Error ? first : new ProcessError(`OpenOCD's tcl pipe answered 'version' with an error: ${first.text}`);
  }

  /** The error that explains this exit: exit code, the lines that say why, and a hint when a known message is among them. */
  exitError(): ProcessError {
    const exit = this.exitResult;
    const lines = this.reasonLines();
    const how = !exit ? 'is still running' : exit.spawnError ? `could not be started (${exit.spawnError.message})` : exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const firstError = this.ring.toArray().find((l) => l.level === 'error')?.text;
    const hit = findRule(lines);
    return new ProcessError(`OpenOCD ${how}${firstError ? `: ${firstError}` : ''}`, {
      hint: hit?.rule.hint,
      openocdText: lines.join('\n') || undefined,
    });
  }

  /** Politely, then firmly: `shutdown` over RPC, SIGTERM after graceMs, SIGKILL after termMs. Always resolves once the process is gone. */
  async stop(opts: StopOptions = {}): Promise<ExitResult> {
    if (this.exitResult) return this.exitResult;
    const graceMs = opts.graceMs ?? 3000;
    const termMs = opts.termMs ?? 2000;
    const deadline = Date.now() + graceMs;
    try {
      let rpc = opts.rpc && !opts.rpc.closed ? opts.rpc : undefined;
      let own = false;
      const tcl = opts.tcl ?? (opts.tclPort ? { host: LOOPBACK, port: opts.tclPort } : undefined);
      if (!rpc && tcl) {
        rpc = await TclRpcClient.connectTo(tcl, { timeoutMs: Math.min(graceMs, 1000) });
        own = true;
      }
      // OpenOCD may close the socket before answering: the reply is not needed.
      rpc?.commandRaw('shutdown', { timeoutMs: graceMs }).catch(() => undefined);
      if (own) void this.exited.then(() => rpc?.close());
    } catch {
      // no RPC: go straight to signals after the grace period
    }
    if (await this.waitExit(Math.max(deadline - Date.now(), 0))) return this.exited;
    this.kill('SIGTERM');
    if (await this.waitExit(termMs)) return this.exited;
    this.kill('SIGKILL');
    return this.exited;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.exitResult) return;
    try {
      this.signal(signal);
    } catch {
      // already gone
    }
  }

  /** Delivers `signal` to OpenOCD itself, whichever way it was launched. */
  private signal(signal: NodeJS.Signals): void {
    if (this.launchMode !== 'watchdog' && this.launchMode !== 'netns') {
      this.child.kill(signal);
      return;
    }
    const pid = this.child.pid;
    if (process.platform === 'win32' || pid === undefined) {
      // No signals to forward on Windows: the watchdog reads the signal's name and ends OpenOCD.
      this.child.stdin?.write(`${signal}\n`);
      return;
    }
    // SIGKILL cannot be forwarded: it goes to the whole group (the watchdog and OpenOCD;
    // detached made the watchdog its group's leader). Other signals the watchdog forwards.
    if (signal === 'SIGKILL') process.kill(-pid, 'SIGKILL');
    else this.child.kill(signal);
  }

  private async waitExit(ms: number): Promise<boolean> {
    if (this.exitResult) return true;
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([this.exited.then(() => true), new Promise<false>((res) => (timer = setTimeout(() => res(false), ms)))]);
    clearTimeout(timer);
    return r;
  }

  private addLines(lines: string[]): void {
    const time = Date.now();
    for (const text of lines) {
      // An empty line is what a quiet command's result leaves in the log (tcl-wrap.ts,
      // QUIET_WRAPPER_PROC): nothing a user needs, and it must not reach any console.
      if (text === '') continue;
      const line: LogLine = { seq: this.nextSeq(), level: parseLogLevel(text), text, time };
      this.ring.push(line);
      this.emit('log', line);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
