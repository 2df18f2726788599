// The OpenOCD controller: one OpenOCD (and, for the built-in profile, one
// virtual board) per start. States: idle → starting → connected | failed;
// connected → stopped (stop) | failed (OpenOCD died: exit code + reason lines).
// start() while running restarts. start/stop run one at a time; stop() during a
// start kills the starting process so it never waits for the readiness timeout.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionProfile } from '../../shared/profile';
import type { ConnectionStatus, ExitInfo, LogLine } from '../../shared/connection';
import { resolveOpenOcdPath, type ControllerOptions, type OpenOcdController, type StartOptions, type TargetEvent } from './controller-api';
import { buildOpenOcdArgs, buildOpenOcdEnv, type OpenOcdPorts } from './args';
import { checkSupportedVersion, locateOpenOcd, versionFromBanner } from './binary';
import { FIXED_SPEED_LINE, gatherConnectionInfo, toTargetState } from './connection-info';
import { ConnectionError, OpenOCDError, ProcessError } from './errors';
import { mapOpenOcdError } from './error-map';
import { LogRing, parseTargetVoltage } from './log-lines';
import { NotificationClient, type Notification } from './notifications';
import { freePorts, LOOPBACK, type PortRoute, type TclEndpoint } from './ports';
import { forwardGdb, type GdbForward } from './gdb-forward';
import { discardRelayAhead, relayAheadUsable, startRelayAhead, type RelayAhead } from './relay-ahead';
import { warmIsolationProbe, planIsolation, privateSocketDir, type Isolation } from './netns';
import { findScriptsDir } from './scripts';
import { OpenOcdProcess, type ExitResult } from './process';
import { TclRpcClient, type CommandOptions } from './rpc-client';
import { TargetStatePoll } from './target-state-poll';
import { assetsDir } from '../paths';
import type { VirtualBoard } from '../vboard/index';
import { chipStateKey, faultsOnReconnect, parseFaults } from '../vboard/faults';
import { listenEarly, type EarlyListener } from '../vboard/early-listener';

/**
 * Where the app's own virtual board listens. A Unix-domain socket where there is one:
 * each JTAG scan is a round trip to the board, and a local socket costs both sides less
 * per trip than TCP loopback (bench/vboard.ts). The socket lives in a private folder
 * (mkdtemp: mode 0700) so no other user on the machine can connect to it and drive the
 * board; the folder goes with the board. Windows keeps TCP on a free port.
 */
async function vboardEndpoint(): Promise<{ socketPath: string; dir: string } | { port: number; host: string }> {
  if (process.platform === 'win32') return { port: 0, host: LOOPBACK };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bringup-vboard-'));
  return { socketPath: path.join(dir, 'board.sock'), dir };
}

export interface OpenOcdControllerImpl extends OpenOcdController {
  /** Ports of the running OpenOCD (gdb only when the start asked for it; telnet never). */
  ports(): OpenOcdPorts | undefined;
  /** The running virtual board, for the board menu's fault switches. */
  virtualBoard(): VirtualBoard | undefined;
  /** Where a tcl client reaches the running OpenOCD: 127.0.0.1:port, or the namespace relay's socket. */
  tclEndpoint(): TclEndpoint | undefined;
  /** How to reach another server of the running OpenOCD (an `rtt server` port); undefined: 127.0.0.1:port directly. */
  portRoute(port: number): PortRoute | undefined;
  /** How the running (or last) OpenOCD is guarded: in a private network namespace, or on the host's loopback and why. */
  isolation(): Isolation | undefined;
  /** Asks OpenOCD for the target state now (status() is then current); the status after it. */
  refreshTarget(): Promise<ConnectionStatus>;
}

const PORT_RETRIES = 2;
/** OpenOCD's own default ports, inside the private namespace (nothing else listens there). */
const NS_TCL_PORT = 6666;
const NS_GDB_PORT = 3333;
/** Time for stderr lines written just before a failing reply to be read (two pipes, no ordering between them). */
const LOG_SETTLE_MS = 15;

export function createController(opts: ControllerOptions = {}): OpenOcdControllerImpl {
  return new Controller(opts);
}

class Controller implements OpenOcdControllerImpl {
  private st: ConnectionStatus = { state: 'idle', target: 'unknown', info: { taps: [] } };
  private readonly history = new LogRing(5000);
  private seq = 0;
  private gen = 0;
  private proc: OpenOcdProcess | undefined;
  private rpc: TclRpcClient | undefined;
  private notif: NotificationClient | undefined;
  private board: VirtualBoard | undefined;
  /** The board's socket, bound before the board is loaded (early-listener.ts). */
  private boardListener: EarlyListener | undefined;
  /** The board finishing its start (prepareBoard); undefined once closed or for a board kept on the bench. */
  private boardStarting: Promise<void> | undefined;
  /** The chip-state faults the kept board was built with (vboard/faults.ts chipStateKey). */
  private boardChip: string | undefined;
  /** The private folder holding the board's socket; removed with the board. */
  private boardDir: string | undefined;
  private currentPorts: OpenOcdPorts | undefined;
  /** The tcl endpoint of the current run (netns: the relay's socket). */
  private endpoint: TclEndpoint | undefined;
  private iso: Isolation | undefined;
  /** The relay's socket folder and the host-side GDB port of the current run (netns). */
  private runDir: string | undefined;
  private gdbForward: GdbForward | undefined;
  private stopping = false;
  private reconnecting: Promise<TclRpcClient> | undefined;
  private ops: Promise<unknown> = Promise.resolve();
  private readonly statusCbs = new Set<(s: ConnectionStatus) => void>();
  private readonly logCbs = new Set<(l: LogLine) => void>();
  private readonly eventCbs = new Set<(e: TargetEvent) => void>();
  /** Keeps st.target what OpenOCD says (events alone miss e.g. the end of a `reset run`). */
  private readonly targetPoll = new TargetStatePoll({
    query: () => this.queryTargetState(),
    apply: (target) => {
      if (this.st.state === 'connected' && target !== this.st.target) this.setStatus({ ...this.st, target });
    },
  });

  constructor(private readonly opts: ControllerOptions) {}

  status(): ConnectionStatus {
    return structuredClone(this.st);
  }
  ports(): OpenOcdPorts | undefined {
    return this.currentPorts && { ...this.currentPorts };
  }
  gdbPort(): number | undefined {
    if (this.st.state !== 'connected') return undefined;
    return this.gdbForward ? this.gdbForward.port : this.currentPorts?.gdb;
  }
  tclEndpoint(): TclEndpoint | undefined {
    return this.endpoint && { ...this.endpoint };
  }
  isolation(): Isolation | undefined {
    return this.iso;
  }
  portRoute(port: number): PortRoute | undefined {
    if (!this.endpoint || !('path' in this.endpoint)) return undefined;
    return { opts: { path: path.join(path.dirname(this.endpoint.path), 'dial.sock') }, preamble: `${port}\n` };
  }
  virtualBoard(): VirtualBoard | undefined {
    return this.board;
  }
  logHistory(): LogLine[] {
    return this.history.toArray();
  }
  async refreshTarget(): Promise<ConnectionStatus> {
    await this.targetPoll.refresh();
    return this.status();
  }
  onStatus(cb: (s: ConnectionStatus) => void): () => void {
    return addCb(this.statusCbs, cb);
  }
  onLog(cb: (l: LogLine) => void): () => void {
    return addCb(this.logCbs, cb);
  }
  onTargetEvent(cb: (e: TargetEvent) => void): () => void {
    return addCb(this.eventCbs, cb);
  }

  start(profile: ConnectionProfile, opts: StartOptions = {}): Promise<ConnectionStatus> {
    return this.serial(() => this.doStart(profile, opts));
  }

  stop(): Promise<void> {
    // Do not queue behind a start that is waiting for readiness: end its process now.
    if (this.st.state === 'starting') {
      this.stopping = true;
      this.proc?.kill('SIGTERM');
    }
    return this.serial(() => this.doStop());
  }

  dispose(): Promise<void> {
    if (this.st.state === 'starting') {
      this.stopping = true;
      this.proc?.kill('SIGTERM');
    }
    return this.serial(async () => {
      await this.doStop();
      await this.closeBoard();
    });
  }

  async command(tcl: string, opts: CommandOptions = {}): Promise<string> {
    if (this.st.state !== 'connected' || !this.proc?.running || !this.currentPorts) {
      throw new ConnectionError(`OpenOCD is not connected (state: ${this.st.state})`, { hint: 'Connect first.' });
    }
    const rpc = await this.rpcClient();
    const startSeq = this.seq;
    const reply = await rpc.commandResult(tcl, opts);
    if (reply.ok === true) return reply.text;
    // Many OpenOCD commands fail with an empty Tcl result and say why only in the log.
    await new Promise((r) => setTimeout(r, LOG_SETTLE_MS));
    const logLines = this.history
      .toArray()
      .filter((l) => l.seq > startSeq && (l.level === 'error' || l.level === 'warning'))
      .map((l) => l.text);
    throw mapOpenOcdError({ command: tcl, message: reply.text, logLines });
  }

  /** The command connection; after a timeout closed it (its replies could no longer be matched), a fresh one, opened once for all waiting callers. */
  private rpcClient(): Promise<TclRpcClient> {
    if (this.rpc && !this.rpc.closed) return Promise.resolve(this.rpc);
    const endpoint = this.endpoint;
    if (!endpoint && this.iso?.mode === 'pipe') {
      // The pipe outlives timeouts (TclRpcClient.over): closed, it means OpenOCD has ended.
      return Promise.reject(new ConnectionError('The tcl pipe to OpenOCD is closed: OpenOCD has ended', { hint: 'See its last lines above; run the command again.' }));
    }
    if (!endpoint) return Promise.reject(new ConnectionError('OpenOCD is not connected', { hint: 'Connect first.' }));
    this.reconnecting ??= TclRpcClient.connectTo(endpoint, { timeoutMs: 5000 })
      .then((c) => (this.rpc = c))
      .finally(() => (this.reconnecting = undefined));
    return this.reconnecting;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.ops.then(fn, fn);
    this.ops = run.catch(() => undefined);
    return run;
  }

  private async doStart(profile: ConnectionProfile, startOpts: StartOptions): Promise<ConnectionStatus> {
    if (this.proc?.running || (this.board && !this.opts.keepBoardBetweenRuns)) await this.doStop();
    // A profile that describes another chip (other protection) is another board on the bench.
    if (profile.kind !== 'vboard' || chipStateKey(profile.vboardFaults ?? []) !== this.boardChip) await this.closeBoard();
    // The last run's process has ended: a start that fails before spawning (no binary) must
    // not be explained by that process's exit code and log.
    this.proc = undefined;
    const gen = ++this.gen;
    this.stopping = false;
    this.setStatus({ state: 'starting', target: 'unknown', info: { taps: [] }, profileId: profile.id });
    let ahead: Promise<RelayAhead | undefined> | undefined;
    let relay: RelayAhead | undefined;
    /** An OpenOCD took the relay started ahead (it is that OpenOCD's to stop then). */
    let relayTaken = false;
    try {
      // Independent of each other, so at once: finding the OpenOCD binary (its version is
      // read from the run's banner below), the virtual board's start, and the namespace
      // probe (`unshare true`); one after the other they were a good part of `bringup info`.
      warmIsolationProbe();
      // The namespace relay (a Node start) boots meanwhile too; OpenOCD's command line reaches it later.
      const gdbWanted = startOpts.gdb !== undefined;
      const nsForward: Record<string, number> = gdbWanted ? { tcl: NS_TCL_PORT, gdb: NS_GDB_PORT } : { tcl: NS_TCL_PORT };
      const pipe = startOpts.tclPipe === true && !gdbWanted && process.platform !== 'win32';
      if (!pipe) ahead = this.relayAhead(profile, nsForward);
      const [binaryR, boardR] = await Promise.allSettled([resolveOpenOcdPath(this.opts).then((setting) => locateOpenOcd({ setting })), this.prepareBoard(profile)]);
      if (binaryR.status === 'rejected') throw binaryR.reason;
      if (boardR.status === 'rejected') throw boardR.reason;
      const binary = { path: binaryR.value };
      const assets = profile.kind === 'vboard' ? assetsDir() : undefined;
      // The scripts folder is read only for a hardware profile's cfg files (a TCP adapter cannot be isolated).
      const scriptsDir = profile.kind === 'vboard' ? undefined : (this.opts.scriptsDir ?? (await findScriptsDir(binary.path)));
      const iso: Isolation = pipe ? { mode: 'pipe' } : await planIsolation(profile, scriptsDir === undefined ? {} : { scriptsDir });
      this.iso = iso;
      if (iso.mode === 'host') this.note('warning', `OpenOCD's tcl port is on 127.0.0.1, open to local users: no private network namespace (${iso.reason}). See README, Security.`);
      // Only what is used is opened: telnet never (the app is the console), gdb when asked.
      relay = await ahead;
      if (iso.mode === 'netns') {
        this.runDir = relay?.dir ?? (await privateSocketDir());
        if (gdbWanted) this.gdbForward = await forwardGdb(path.join(this.runDir, 'gdb.sock'), startOpts.gdb?.port ?? 0);
      }
      for (let attempt = 0; ; attempt++) {
        if (this.stopping) return await this.failStart(gen, undefined, new ProcessError('Start cancelled'));
        let ports: OpenOcdPorts;
        let netns: ConstructorParameters<typeof OpenOcdProcess>[0]['netns'];
        if (iso.mode === 'netns' && this.runDir) {
          // The namespace's loopback is ours alone: OpenOCD's usual ports cannot collide there.
          ports = gdbWanted ? { tcl: NS_TCL_PORT, gdb: NS_GDB_PORT } : { tcl: NS_TCL_PORT };
          netns = { isolation: iso, dir: this.runDir, forward: nsForward };
          this.endpoint = { path: path.join(this.runDir, 'tcl.sock') };
        } else if (iso.mode === 'pipe') {
          // 0: no port; the tcl connection is OpenOCD's stdin/stdout, and there is no endpoint to reach it by.
          ports = { tcl: 0 };
          this.endpoint = undefined;
        } else {
          const [tcl, freeGdb] = await freePorts(gdbWanted && startOpts.gdb?.port === undefined ? 2 : 1);
          ports = { tcl: tcl as number };
          if (gdbWanted) ports.gdb = startOpts.gdb?.port ?? (freeGdb as number);
          this.endpoint = { host: LOOPBACK, port: ports.tcl };
        }
        // The relay started ahead runs the first attempt, if it is still up (checked now:
        // nothing runs between this check and the constructor taking its exit events).
        const useRelay = !relayTaken && iso.mode === 'netns' && relay !== undefined && relay.dir === this.runDir && relayAheadUsable(relay, iso, nsForward) ? relay : undefined;
        if (useRelay) relayTaken = true;
        const proc = new OpenOcdProcess({
          ...(useRelay ? { relay: useRelay } : {}),
          binary: binary.path,
          args: buildOpenOcdArgs(profile, { ports, scriptsDir: this.opts.scriptsDir, assetsDir: assets, tclPipe: iso.mode === 'pipe' }),
          tclPipe: iso.mode === 'pipe',
          env: buildOpenOcdEnv(profile, this.boardAddress()),
          nextSeq: () => ++this.seq,
          ...(netns ? { netns } : {}),
        });
        this.proc = proc;
        this.currentPorts = ports;
        // Too old an OpenOCD is told by its own banner (no separate `--version` run): stopped at once.
        let banner = false;
        let tooOld: unknown;
        proc.on('log', (line) => {
          const version = banner ? undefined : versionFromBanner(line.text);
          if (version) {
            banner = true;
            try {
              checkSupportedVersion(binary.path, version);
            } catch (err) {
              tooOld = err;
              proc.kill('SIGTERM');
            }
          }
          this.onLogLine(line);
        });
        try {
          // OpenOCD cannot be ready before the board answers; a board that fails to start fails this at once.
          const [rpc] = await Promise.all([proc.waitReady({ port: ports.tcl, endpoint: this.endpoint, timeoutMs: this.opts.readyTimeoutMs ?? 20_000 }), this.boardStarting]);
          this.rpc = rpc;
        } catch (err) {
          const portTaken = !proc.running && proc.reasonLines().some((l) => /couldn't bind .*Address already in use/.test(l));
          await proc.stop({ graceMs: 0, termMs: 1000 });
          if (portTaken && attempt < PORT_RETRIES && gen === this.gen && !this.stopping) continue;
          return await this.failStart(gen, proc, tooOld ?? err, tooOld !== undefined);
        }
        void proc.exited.then((exit) => this.onProcessExit(gen, proc, exit));
        break;
      }
      const rpc = this.rpc;
      const speedConfigurable = !this.history.toArray().some((l) => l.text.includes(FIXED_SPEED_LINE));
      const { info, target } = await gatherConnectionInfo(
        async (tcl) => {
          const r = await rpc.commandResult(tcl, { quiet: true }).catch(() => undefined);
          return r?.ok === true ? r.text : undefined;
        },
        { speedConfigurable },
      );
      if (!this.stillStarting(gen)) return this.endedDuringStart(gen); // died or stopped meanwhile
      const voltage = this.st.info.targetVoltage;
      if (voltage !== undefined) info.targetVoltage = voltage;
      // Without notifications (none on a tcl pipe) the target state is what we read at connect and poll.
      if (this.endpoint) {
        try {
          const notif = await NotificationClient.connectTo(this.endpoint, { timeoutMs: 5000 });
          this.notif = notif;
          notif.on('notification', (n) => this.onNotification(gen, n));
        } catch {
          // as above
        }
      }
      if (!this.stillStarting(gen)) return this.endedDuringStart(gen);
      const gdbPort = this.gdbForward ? this.gdbForward.port : this.currentPorts?.gdb;
      this.setStatus({ ...this.st, state: 'connected', target, info, ...(gdbPort === undefined ? {} : { gdbPort }) });
      if (info.targetName) this.targetPoll.start();
      return this.status();
    } catch (err) {
      return this.failStart(gen, this.proc, err);
    } finally {
      // Started ahead but not used (the start failed first, or OpenOCD runs on the host's loopback).
      // Awaited: no process of ours outlives a start that ended. Its folder stays when it
      // became the run's folder: closeSockets removes that with the run.
      if (!relayTaken) await ahead?.then((r) => r && discardRelayAhead(r, { keepDir: r.dir === this.runDir }));
    }
  }

  /** A relay started ahead, when this profile will likely run in a private namespace (the plan is made again once the scripts folder is known). */
  private async relayAhead(profile: ConnectionProfile, forward: Record<string, number>): Promise<RelayAhead | undefined> {
    // Not waiting for the namespace probe: a relay that cannot make its namespace just exits.
    const iso = await planIsolation(profile, { guess: true }).catch(() => undefined);
    if (iso?.mode !== 'netns') return undefined;
    return startRelayAhead(iso, await privateSocketDir(), forward);
  }

  /**
   * The virtual board for a vboard profile: the one on the bench (its switches set anew),
   * or a new one. Resolves once the board's socket listens; the board itself (the
   * simulator, the largest module a start loads) finishes starting in `boardStarting`
   * while OpenOCD starts, its connection queued on the socket until then.
   */
  private async prepareBoard(profile: ConnectionProfile): Promise<void> {
    if (profile.kind !== 'vboard') return;
    if (this.board) {
      // The board on the bench stays: the profile's switches apply, the chip keeps its state.
      this.board.setFaults(faultsOnReconnect(profile.vboardFaults ?? [], this.board.faults()));
      return;
    }
    const faults = profile.vboardFaults ?? [];
    parseFaults(faults); // an unknown switch fails the start here, before any OpenOCD
    const endpoint = await vboardEndpoint();
    if ('dir' in endpoint) this.boardDir = endpoint.dir;
    const listener = await listenEarly('socketPath' in endpoint ? { socketPath: endpoint.socketPath } : endpoint);
    this.boardListener = listener;
    // Loaded here: a session with a real board (bringup info, flash) never pays for the simulator.
    const starting = import('../vboard/index')
      .then(({ startVirtualBoard }) => startVirtualBoard({ listener, faults }))
      .then(
        (board) => {
          this.board = board;
          this.boardChip = chipStateKey(faults);
        },
        async (err: unknown) => {
          await listener.close();
          throw err;
        },
      );
    starting.catch(() => undefined); // awaited by the start; never an unhandled rejection
    this.boardStarting = starting;
  }

  /** Where OpenOCD reaches the board: the running board, or the socket bound for one still starting. */
  private boardAddress(): { vboardPort?: number; vboardSocket?: string } {
    const b = this.board ?? this.boardListener;
    return b ? { vboardPort: b.port, ...(b.socketPath ? { vboardSocket: b.socketPath } : {}) } : {};
  }

  private stillStarting(gen: number): boolean {
    return gen === this.gen && !this.stopping && this.st.state === 'starting' && (this.proc?.running ?? false);
  }

  private endedDuringStart(gen: number): Promise<ConnectionStatus> {
    if (gen === this.gen && this.stopping) return this.failStart(gen, this.proc, new ProcessError('Start cancelled'));
    return Promise.resolve(this.status());
  }

  private async failStart(gen: number, proc: OpenOcdProcess | undefined, err: unknown, stoppedByUs = false): Promise<ConnectionStatus> {
    if (proc?.running) await proc.stop({ graceMs: 0, termMs: 1000 });
    await this.closeSockets();
    if (!this.opts.keepBoardBetweenRuns) await this.closeBoard();
    if (gen === this.gen) {
      const exit: ExitInfo = {
        code: proc?.exit?.code ?? null,
        signal: proc?.exit?.signal ?? null,
        reasonLines: explain(err, proc, stoppedByUs),
      };
      this.setStatus({ ...this.st, state: this.stopping ? 'stopped' : 'failed', target: 'unknown', exit });
    }
    return this.status();
  }

  private onProcessExit(gen: number, proc: OpenOcdProcess, exit: ExitResult): void {
    if (gen !== this.gen || this.stopping) return;
    void this.closeSockets();
    if (!this.opts.keepBoardBetweenRuns) void this.closeBoard();
    this.setStatus({
      ...this.st,
      state: 'failed',
      target: 'unknown',
      exit: { code: exit.code, signal: exit.signal, reasonLines: proc.reasonLines() },
    });
  }

  private async doStop(): Promise<void> {
    const proc = this.proc;
    this.stopping = true;
    const wasRunning = proc?.running ?? false;
    this.notif?.close();
    this.notif = undefined;
    if (proc?.running) await proc.stop({ rpc: this.rpc, ...(this.endpoint ? { tcl: this.endpoint } : {}) });
    await this.closeSockets();
    if (!this.opts.keepBoardBetweenRuns) await this.closeBoard();
    this.currentPorts = undefined;
    if (wasRunning && proc?.exit) {
      this.setStatus({ ...this.st, state: 'stopped', target: 'unknown', exit: { code: proc.exit.code, signal: proc.exit.signal, reasonLines: [] } });
    } else if (this.st.state === 'starting' || this.st.state === 'connected') {
      this.setStatus({ ...this.st, state: 'stopped', target: 'unknown' });
    }
  }

  private async closeSockets(): Promise<void> {
    this.targetPoll.stop();
    this.notif?.close();
    this.notif = undefined;
    this.rpc?.close();
    this.rpc = undefined;
    // The run's GDB port and relay folder go with its OpenOCD.
    const forward = this.gdbForward;
    const dir = this.runDir;
    this.gdbForward = undefined;
    this.runDir = undefined;
    await forward?.close().catch(() => undefined);
    if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }

  private async closeBoard(): Promise<void> {
    const starting = this.boardStarting;
    const listener = this.boardListener;
    this.boardStarting = undefined;
    this.boardListener = undefined;
    await starting?.catch(() => undefined); // a board still starting is closed once it runs
    const board = this.board;
    const dir = this.boardDir;
    if (!board) await listener?.close().catch(() => undefined);
    this.board = undefined;
    this.boardChip = undefined;
    this.boardDir = undefined;
    await board?.close().catch(() => undefined);
    if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }

  /** A line of ours in OpenOCD's log (console), e.g. how OpenOCD's ports are guarded. */
  private note(level: LogLine['level'], text: string): void {
    this.onLogLine({ seq: ++this.seq, level, text: `${level === 'warning' ? 'Warn' : 'Info'} : ${text}`, time: Date.now() });
  }

  private onLogLine(line: LogLine): void {
    this.history.push(line);
    for (const cb of this.logCbs) safeCall(cb, line);
    const v = parseTargetVoltage(line.text);
    if (v !== undefined) this.setStatus({ ...this.st, info: { ...this.st.info, targetVoltage: v } });
  }

  /** `curstate` of the current target over the command connection (quiet: not in the log). */
  private async queryTargetState(): Promise<string | undefined> {
    if (this.st.state !== 'connected' || !this.proc?.running || !this.currentPorts) return undefined;
    const rpc = await this.rpcClient();
    const r = await rpc.commandResult('[target current] curstate', { quiet: true });
    return r.ok === true ? r.text : undefined;
  }

  private onNotification(gen: number, n: Notification): void {
    if (gen !== this.gen || this.st.state !== 'connected') return;
    if (n.type !== 'target_reset') this.targetPoll.noteEvent();
    if (n.type === 'target_state') {
      const target = toTargetState(n.state);
      if (target !== this.st.target) this.setStatus({ ...this.st, target });
    } else if (n.type === 'target_event') {
      const ev: TargetEvent = { name: n.event, raw: n.raw };
      if (this.st.info.targetName) ev.targetName = this.st.info.targetName;
      for (const cb of this.eventCbs) safeCall(cb, ev);
      const target = n.event === 'halted' ? 'halted' : n.event === 'resumed' ? 'running' : undefined;
      if (target && target !== this.st.target) this.setStatus({ ...this.st, target });
    } else if (n.type === 'target_reset') {
      // Any client's reset (console, GDB, another tool): OpenOCD 0.12 sends no reset events,
      // and a `reset run` ends in "running" without a resumed event: read the state.
      this.targetPoll.afterReset();
      const ev: TargetEvent = { name: 'reset-requested', raw: n.raw };
      if (this.st.info.targetName) ev.targetName = this.st.info.targetName;
      for (const cb of this.eventCbs) safeCall(cb, ev);
    }
  }

  private setStatus(s: ConnectionStatus): void {
    // GDB's port exists only while connected (closed with OpenOCD).
    if (s.state !== 'connected' && s.gdbPort !== undefined) {
      s = { ...s };
      delete s.gdbPort;
    }
    this.st = s;
    const snapshot = this.status();
    for (const cb of this.statusCbs) safeCall(cb, snapshot);
  }
}

/** Lines for ExitInfo.reasonLines: what went wrong in our words, then OpenOCD's own lines. */
function explain(err: unknown, proc: OpenOcdProcess | undefined, stoppedByUs = false): string[] {
  const lines = proc ? proc.reasonLines() : [];
  // An exit explains itself, unless we ended the process and the reason is ours (too old).
  if (err instanceof ProcessError && proc && !proc.running && !stoppedByUs) return lines;
  const ours = err instanceof OpenOCDError ? [err.message, ...(err.hint ? [err.hint] : [])] : [String(err instanceof Error ? err.message : err)];
  return [...ours, ...lines];
}

function addCb<T>(set: Set<T>, cb: T): () => void {
  set.add(cb);
  return () => set.delete(cb);
}

function safeCall<T>(cb: (v: T) => void, v: T): void {
  try {
    cb(v);
  } catch {
    // a broken listener must not break the controller
  }
}
