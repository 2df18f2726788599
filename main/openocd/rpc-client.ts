// TCL RPC client for OpenOCD's tcl port: command text + 0x1a out, reply text +
// 0x1a back (src/server/tcl_server.c). Strictly one command in flight: the
// protocol has no ids, so replies are matched to commands by order alone.
import net from 'node:net';
import { EventEmitter } from 'node:events';
import { ConnectionError, OpenOCDError, TimeoutError } from './errors';
import { mapOpenOcdError } from './error-map';
import { connectOptions, endpointText, type TclEndpoint } from './ports';
import { isMissingWrapper, parseWrappedReply, TCL_LINE_MAX, validateCommand, wrapCommand, type WrappedReply } from './tcl-wrap';

const SEPARATOR = 0x1a;
/** A reply this long without a separator means we are not talking to a tcl server (wrong port). */
export const MAX_REPLY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

export interface ConnectOptions {
  timeoutMs?: number;
  /** Default per-command timeout. */
  commandTimeoutMs?: number;
}

export interface CommandOptions {
  /** Counted from when the command is written to the socket, not from when it was queued. */
  timeoutMs?: number;
  /** Keep a successful result out of OpenOCD's log (and so the console): the app's own queries. */
  quiet?: boolean;
}

interface Pending {
  payload: Buffer;
  timeoutMs: number;
  resolve: (reply: Buffer) => void;
  reject: (err: Error) => void;
  /** Date.now() after which the command has timed out; set when written. */
  deadline: number;
}

/**
 * What the client talks over: a socket (the tcl port, the relay's Unix socket), or
 * OpenOCD's own stdin/stdout when it runs with `tcl_port pipe` (pipeLink).
 */
export interface TclLink {
  write(data: Buffer): void;
  destroy(): void;
  on(event: 'data', cb: (chunk: Buffer) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  on(event: 'close', cb: () => void): unknown;
}

/**
 * OpenOCD's stdin and stdout as one link (`tcl_port pipe`). Closing it ends OpenOCD's
 * stdin, and OpenOCD shuts down when its pipe connection ends (src/server/server.c).
 */
export function pipeLink(stdin: NodeJS.WritableStream & { destroy(): void }, stdout: NodeJS.ReadableStream): TclLink {
  const link: TclLink = {
    write: (data) => void stdin.write(data),
    destroy: () => {
      stdin.end();
      stdout.removeAllListeners('data');
    },
    on(event: 'data' | 'error' | 'close', cb: ((chunk: Buffer) => void) | ((err: Error) => void) | (() => void)) {
      if (event === 'data') stdout.on('data', cb as (chunk: Buffer) => void);
      else if (event === 'error') {
        stdin.on('error', cb as (err: Error) => void);
        stdout.on('error', cb as (err: Error) => void);
      } else stdout.on('close', cb as () => void);
      return link;
    },
  };
  return link;
}

export interface TclRpcClientEvents {
  /** The socket closed; `error` says why when it was not a plain close(). */
  close: [error: Error | undefined];
}

export class TclRpcClient extends EventEmitter<TclRpcClientEvents> {
  private readonly queue: Pending[] = [];
  private inFlight: Pending | undefined;
  private chunks: Buffer[] = [];
  private bytes = 0;
  private closedWith: Error | null | undefined; // undefined: open; null: closed cleanly
  private readonly commandTimeoutMs: number;
  private readonly payloadCache = new Map<string, Buffer>();
  private watchdog: NodeJS.Timeout | undefined;
  private watchdogAt = 0;
  private wrapperSent = false;
  /** See over(): a timed-out command's reply is still to come and is dropped then. */
  private keepOnTimeout = false;
  private lateReplies = 0;

  private constructor(
    private readonly socket: TclLink,
    opts: ConnectOptions,
  ) {
    super();
    this.commandTimeoutMs = opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.shutdown(new ConnectionError(`TCL connection error: ${err.message}`, { cause: err })));
    socket.on('close', () => this.shutdown(new ConnectionError('OpenOCD closed the TCL connection')));
  }

  static connect(host: string, port: number, opts: ConnectOptions = {}): Promise<TclRpcClient> {
    return TclRpcClient.connectTo({ host, port }, opts);
  }

  /** Connects to a tcl port or to the namespace relay's Unix socket (ports.ts TclEndpoint). */
  static connectTo(ep: TclEndpoint, opts: ConnectOptions = {}): Promise<TclRpcClient> {
    const timeoutMs = opts.timeoutMs ?? 5_000;
    const where = endpointText(ep);
    return new Promise((resolve, reject) => {
      const socket = net.connect(connectOptions(ep));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TimeoutError(`No answer from ${where} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new ConnectionError(`Cannot connect to OpenOCD at ${where}: ${err.code ?? err.message}`, { cause: err }));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new TclRpcClient(socket, opts));
      });
    });
  }

  /**
   * A client over a link that is already open (OpenOCD's stdin/stdout: pipeLink). There is
   * no second connection to open after a command times out, and closing this one would end
   * OpenOCD: such a client keeps the link and drops the late reply when it comes (replies
   * come strictly in order, so it is the next one).
   */
  static over(link: TclLink, opts: ConnectOptions = {}): TclRpcClient {
    const client = new TclRpcClient(link, opts);
    client.keepOnTimeout = true;
    return client;
  }

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  /** Runs `tcl` and returns its result; OpenOCD errors are thrown as the library's typed errors. */
  command(tcl: string, opts: CommandOptions = {}): Promise<string> {
    // One plain promise hop, not async/await layers: this is the hot path (bench/rpc-latency.ts).
    return this.run(tcl, opts, (reply) => {
      if (reply.ok === true) return reply.text;
      throw mapOpenOcdError({ command: tcl, message: reply.text });
    });
  }

  /** Runs `tcl` and returns status + text without throwing for OpenOCD errors (callers that add log context map it themselves). */
  commandResult(tcl: string, opts: CommandOptions = {}): Promise<WrappedReply> {
    return this.run(tcl, opts, (reply) => reply);
  }

  private run<T>(tcl: string, opts: CommandOptions, done: (reply: WrappedReply) => T): Promise<T> {
    let payload: Buffer;
    try {
      payload = this.wrapperSent ? this.wrappedPayload(tcl, opts.quiet) : this.definingPayload(tcl, opts.quiet);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.sendPayload(payload, opts).then((buf) => {
      const reply = parseWrappedReply(buf);
      // The wrapper proc went missing (renamed or deleted by a user script): define it again.
      if (isMissingWrapper(reply)) return this.sendPayload(this.definingPayload(tcl, opts.quiet), opts).then((b) => done(parseWrappedReply(b)));
      return done(reply);
    });
  }

  private definingPayload(tcl: string, quiet = false): Buffer {
    const payload = Buffer.from(`${wrapCommand(tcl, true, quiet)}\x1a`, 'utf8');
    this.wrapperSent = true;
    return payload;
  }

  /** The text sent as is: no error detection (the reply is Jim's result for success and error alike). */
  commandRaw(tcl: string, opts: CommandOptions = {}): Promise<string> {
    try {
      validateCommand(tcl);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.sendPayload(Buffer.from(`${tcl}\x1a`, 'utf8'), opts).then((b) => b.toString('utf8'));
  }

  /** Closes the socket; pending and queued commands fail with ConnectionError. */
  close(): void {
    if (this.closed) return;
    this.shutdown(null);
  }

  /** Wire bytes of a wrapped command; short commands are cached (polling loops repeat the same few). */
  private wrappedPayload(tcl: string, quiet = false): Buffer {
    const key = quiet ? `q${tcl}` : `l${tcl}`;
    let payload = this.payloadCache.get(key);
    if (!payload) {
      payload = Buffer.from(`${wrapCommand(tcl, false, quiet)}\x1a`, 'utf8');
      if (tcl.length <= 256) {
        if (this.payloadCache.size >= 256) this.payloadCache.clear();
        this.payloadCache.set(key, payload);
      }
    }
    return payload;
  }

  private sendPayload(payload: Buffer, opts: CommandOptions): Promise<Buffer> {
    if (this.closedWith !== undefined) {
      return Promise.reject(this.closedWith ?? new ConnectionError('TCL connection is closed'));
    }
    if (payload.length > TCL_LINE_MAX) {
      return Promise.reject(new OpenOCDError(`Command too long (${payload.length} bytes; OpenOCD accepts up to ${TCL_LINE_MAX})`));
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ payload, timeoutMs: opts.timeoutMs ?? this.commandTimeoutMs, resolve, reject, deadline: 0 });
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next;
    next.deadline = Date.now() + next.timeoutMs;
    this.armWatchdog(next.deadline);
    this.socket.write(next.payload);
  }

  /*
   * One watchdog timer per connection instead of a setTimeout/clearTimeout per
   * command: Node drops an emptied timer list and re-creates it (a call into
   * libuv) on the next setTimeout, which cost ~10% of a round trip. The
   * watchdog stays armed across commands and re-arms itself for the in-flight
   * command's deadline. It is unref'd: an in-flight command's socket keeps the
   * process alive anyway.
   */
  private armWatchdog(deadline: number): void {
    if (this.watchdog && this.watchdogAt <= deadline) return;
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdogAt = deadline;
    this.watchdog = setTimeout(() => this.onWatchdog(), Math.max(deadline - Date.now(), 0));
    this.watchdog.unref();
  }

  private onWatchdog(): void {
    this.watchdog = undefined;
    const p = this.inFlight;
    if (!p || this.closed) return;
    if (Date.now() < p.deadline) {
      this.armWatchdog(p.deadline);
      return;
    }
    if (this.keepOnTimeout) {
      this.inFlight = undefined;
      this.lateReplies++;
      p.reject(new TimeoutError(`OpenOCD did not answer within ${p.timeoutMs} ms (it is still busy with it; later commands wait their turn)`));
      this.pump();
      return;
    }
    // A reply may still come. It would be taken as the reply of the NEXT command
    // and every reply after it would be shifted by one, so this connection can
    // no longer be trusted: close it. (The controller opens a new one.)
    this.shutdown(
      new ConnectionError('TCL connection closed after a command timed out'),
      new TimeoutError(`OpenOCD did not answer within ${p.timeoutMs} ms`),
    );
  }

  private onData(chunk: Buffer): void {
    let rest = chunk;
    for (;;) {
      const idx = rest.indexOf(SEPARATOR);
      if (idx < 0) break;
      if (this.bytes === 0 && idx === rest.length - 1) {
        this.deliver(rest.subarray(0, idx)); // the usual case: one whole reply in one chunk
        return;
      }
      const reply =
        this.bytes > 0
          ? Buffer.concat([...this.chunks, rest.subarray(0, idx)])
          : Buffer.from(rest.subarray(0, idx)); // a copy, or the slice would pin the rest of the chunk
      this.chunks = [];
      this.bytes = 0;
      rest = rest.subarray(idx + 1);
      this.deliver(reply);
      if (this.closed) return;
    }
    if (rest.length > 0) {
      this.chunks.push(rest);
      this.bytes += rest.length;
      if (this.bytes > MAX_REPLY_BYTES) {
        this.shutdown(new ConnectionError(`Reply over ${MAX_REPLY_BYTES / 1024 / 1024} MB without a 0x1a separator: this is not OpenOCD's tcl port (wrong port?)`));
      }
    }
  }

  private deliver(reply: Buffer): void {
    if (this.lateReplies > 0) {
      this.lateReplies--; // the answer to a command that already timed out (keepOnTimeout)
      return;
    }
    const p = this.inFlight;
    // A reply nobody asked for (e.g. notifications switched on for this socket) is dropped.
    if (!p) return;
    this.inFlight = undefined;
    p.resolve(reply);
    this.pump();
  }

  /**
   * Fails everything pending with `reason` (the in-flight command with
   * `inFlightError` when given) and closes the socket. `null` = clean close().
   */
  private shutdown(reason: Error | null, inFlightError?: Error): void {
    if (this.closedWith !== undefined) return;
    this.closedWith = reason;
    const err = reason ?? new ConnectionError('TCL connection closed');
    const p = this.inFlight;
    this.inFlight = undefined;
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    if (p) p.reject(inFlightError ?? err);
    for (const q of this.queue.splice(0)) q.reject(err);
    this.chunks = [];
    this.bytes = 0;
    this.socket.destroy();
    this.emit('close', reason ?? undefined);
  }
}
