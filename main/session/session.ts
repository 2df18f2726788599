// A debugging session on one OpenOCD: either one we start (Session.start, through the
// controller, which also runs the virtual board for the built-in profile) or one someone
// else started (Session.connect: TCL RPC + notifications sockets). Subsystems are made
// on first use and all talk through one CommandRunner; close() releases everything.
import type { ConnectionProfile } from '../../shared/profile';
import type { ControllerOptions, StartOptions, TargetEvent } from '../openocd/controller-api';
import { createController, type OpenOcdControllerImpl } from '../openocd/controller';
import { ConnectionError, ProcessError } from '../openocd/errors';
import { NotificationClient, type Notification } from '../openocd/notifications';
import { TclRpcClient } from '../openocd/rpc-client';
import { Breakpoints } from './breakpoints';
import type { CommandOptions, CommandRunner } from './command-runner';
import { Flash } from './flash/index';
import { GuardedRunner } from './guarded-runner';
import { Jtag } from './jtag';
import { Memory, type MemoryOptions } from './memory';
import { Registers } from './registers';
import { Rtt } from './rtt';
import { SvdRegisters } from './svd-registers';
import { Target, type TargetEventSource } from './target';
import { Transport } from './transport';

export interface SessionConnectOptions {
  host?: string;
  /** A Unix-domain socket instead of host:port (another app's OpenOCD behind its namespace relay: controller.tclEndpoint()). */
  path?: string;
  /** OpenOCD's tcl port (default 6666). */
  port?: number;
  /** Connect timeout (default 5 s). */
  timeoutMs?: number;
  /** Default reply timeout per command (default 10 s). */
  commandTimeoutMs?: number;
}

export interface SessionStartOptions extends ControllerOptions, StartOptions {
  memory?: MemoryOptions;
}

/** What a session runs on: the two ways to reach an OpenOCD look the same from here. */
interface Backend {
  runner: CommandRunner;
  events: TargetEventSource;
  host: string;
  logLines?: () => string[];
  controller?: OpenOcdControllerImpl;
  close(): Promise<void>;
}

/** A notifications-socket frame as a target event (controller-api's TargetEvent). */
export function toTargetEvent(n: Notification): TargetEvent | undefined {
  if (n.type === 'target_event') return { name: n.event, raw: n.raw };
  // Sent when any client asks for a reset, before it runs. Target.reset() announces its
  // own completed resets as 'reset', so this one is reported under its own name.
  if (n.type === 'target_reset') return { name: 'reset-requested', raw: n.raw };
  return undefined;
}

/** OpenOCD's start-up banner: in the last lines of every failed start, and never the reason. */
const BANNER = /^(?:Open On-Chip Debugger\b|Licensed under GNU GPL|For bug reports, read|\s*http:\/\/openocd\.org\/doc\/doxygen\/bugs\.html|Info : Listening on port|Info : only one transport option)/;

/** The lines worth showing for a failed start: the banner and blank lines dropped, error lines first. */
export function startFailureLines(lines: readonly string[]): string[] {
  const kept = lines.filter((l) => l.trim() !== '' && !BANNER.test(l));
  const errors = kept.filter((l) => /^Error\b/.test(l));
  return [...errors, ...kept.filter((l) => !errors.includes(l))];
}

/** A backend over a controller; `close` decides whether closing stops OpenOCD. */
function controllerBackend(controller: OpenOcdControllerImpl, close: () => Promise<void>): Backend {
  return {
    runner: controller,
    events: (cb) => controller.onTargetEvent(cb),
    host: '127.0.0.1',
    logLines: () => controller.logHistory().map((l) => l.text),
    controller,
    close,
  };
}

export class Session {
  private targetSub: Target | undefined;
  private memorySub: Memory | undefined;
  private registersSub: Registers | undefined;
  private jtagSub: Jtag | undefined;
  private breakpointsSub: Breakpoints | undefined;
  private rttSub: Rtt | undefined;
  private transportSub: Transport | undefined;
  private flashSub: Flash | undefined;
  private svdSub: SvdRegisters | undefined;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly backend: Backend,
    private readonly memoryOptions: MemoryOptions = {},
  ) {}

  /** Starts OpenOCD for the profile (and the virtual board for kind 'vboard'). */
  static async start(profile: ConnectionProfile, opts: SessionStartOptions = {}): Promise<Session> {
    const controller = createController(opts);
    const status = await controller.start(profile, { ...(opts.gdb ? { gdb: opts.gdb } : {}), ...(opts.tclPipe ? { tclPipe: true } : {}) });
    if (status.state !== 'connected') {
      await controller.stop().catch(() => undefined);
      const reasons = startFailureLines(status.exit?.reasonLines ?? []);
      throw new ProcessError(`OpenOCD did not start for profile "${profile.name}"${reasons[0] ? `: ${reasons[0]}` : ''}`, {
        openocdText: reasons.join('\n'),
      });
    }
    return new Session(controllerBackend(controller, () => controller.stop()), opts.memory);
  }

  /**
   * A session over a controller someone else owns (the app's host: the controller's
   * lifetime follows Connect/Disconnect, so close() here leaves OpenOCD running).
   */
  static fromController(controller: OpenOcdControllerImpl, opts: SessionStartOptions = {}): Session {
    return new Session(controllerBackend(controller, async () => undefined), opts.memory);
  }

  /** Attaches to an OpenOCD someone else started (its tcl port). */
  static async connect(opts: SessionConnectOptions = {}): Promise<Session> {
    const host = opts.host ?? '127.0.0.1';
    const port = opts.port ?? 6666;
    const connectOpts = { timeoutMs: opts.timeoutMs ?? 5000 };
    const ep = opts.path ? { path: opts.path } : { host, port };
    const rpc = await TclRpcClient.connectTo(ep, { ...connectOpts, commandTimeoutMs: opts.commandTimeoutMs });
    let notif: NotificationClient;
    try {
      notif = await NotificationClient.connectTo(ep, connectOpts);
    } catch (e) {
      rpc.close();
      throw e instanceof ConnectionError ? e : new ConnectionError(`cannot open the notifications socket: ${(e as Error).message}`, { cause: e });
    }
    const events: TargetEventSource = (cb) => {
      const listener = (n: Notification): void => {
        const ev = toTargetEvent(n);
        if (ev) cb(ev);
      };
      notif.on('notification', listener);
      return () => notif.off('notification', listener);
    };
    return new Session({
      // No log access here: plain commands run guarded so failures keep OpenOCD's words.
      runner: new GuardedRunner(rpc),
      events,
      host,
      close: async () => {
        notif.close();
        rpc.close();
      },
    });
  }

  /** The controller, when this session started OpenOCD (status, log, virtual board). */
  get controller(): OpenOcdControllerImpl | undefined {
    return this.backend.controller;
  }

  /** The port GDB connects to, when this session's OpenOCD serves GDB (started with `gdb`). */
  get gdbPort(): number | undefined {
    return this.backend.controller?.gdbPort();
  }

  get target(): Target {
    return (this.targetSub ??= new Target(this.backend.runner, this.backend.events));
  }
  get memory(): Memory {
    return (this.memorySub ??= new Memory(this.backend.runner, this.memoryOptions));
  }
  get registers(): Registers {
    return (this.registersSub ??= new Registers(this.backend.runner));
  }
  get jtag(): Jtag {
    return (this.jtagSub ??= new Jtag(this.backend.runner));
  }
  get breakpoints(): Breakpoints {
    return (this.breakpointsSub ??= new Breakpoints(this.backend.runner));
  }
  get rtt(): Rtt {
    const controller = this.backend.controller;
    return (this.rttSub ??= new Rtt(this.backend.runner, this.backend.host, controller ? (port) => controller.portRoute(port) : undefined));
  }
  get transport(): Transport {
    return (this.transportSub ??= new Transport(this.backend.runner, this.backend.logLines));
  }
  get flash(): Flash {
    return (this.flashSub ??= new Flash(this.backend.runner, { memory: this.memory, openocdHost: this.backend.host }));
  }
  /** SVD-decoded peripherals: `svd.load(file)`, then read/decode/write registers by name. */
  get svd(): SvdRegisters {
    return (this.svdSub ??= new SvdRegisters(this.memory));
  }

  /** Raw Tcl, for the console: OpenOCD's reply, or its failure as a typed error. */
  command(tcl: string, opts?: CommandOptions): Promise<string> {
    if (this.closing) return Promise.reject(new ConnectionError('the session is closed'));
    return this.backend.runner.command(tcl, opts);
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  /** Closes RTT streams and sockets, and stops OpenOCD if this session started it. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.targetSub?.dispose();
      await this.rttSub?.closeStreams().catch(() => undefined);
      await this.backend.close();
    })();
    return this.closing;
  }
}
