// SEGGER RTT through OpenOCD 0.12: find the control block (setup/start), list channels,
// and stream a channel over an `rtt server` TCP port (read and write).
import net from 'node:net';
import { TargetError, ValidationError } from '../openocd/errors';
import type { CommandRunner } from './command-runner';
import { relabel, throwFailure } from './failures';
import { runGuarded } from './guarded';
import { parseControlBlock, parsePollingInterval, parseRttChannels, type RttChannels } from './rtt-parse';
import { RttStream } from './rtt-stream';
import type { PortRoute } from '../openocd/ports';
import { isLoopback } from './loopback';
import { checkRange, hex, tclWord } from './tcl';

export type { RttChannel, RttChannels } from './rtt-parse';
export { RttStream } from './rtt-stream';

export interface RttStartResult {
  /** Where OpenOCD found the control block; undefined when it found none (yet). */
  controlBlock?: number;
}

/** A free TCP port on this machine (for `rtt server start`, which needs a number). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const BIND_ATTEMPTS = 5;

export class Rtt {
  private readonly streams = new Map<number, RttStream>();

  /** @param host where OpenOCD runs: its RTT server ports are opened there. */
  constructor(
    private readonly runner: CommandRunner,
    private readonly host = '127.0.0.1',
    /** How to reach OpenOCD's port (the namespace relay, when OpenOCD runs in one). */
    private readonly route?: (port: number) => PortRoute | undefined,
  ) {}

  /** Where to search for the control block (address, size) and its ID string. */
  async setup(address: number, size: number, id = 'SEGGER RTT'): Promise<void> {
    checkRange(address, size);
    if (id === '' || id.length > 16) throw new ValidationError('the RTT control block ID must be 1..16 characters');
    const o = await runGuarded(this.runner, `rtt setup ${hex(address)} ${size} ${tclWord(id)}`);
    if (!o.ok) throwFailure(TargetError, 'rtt setup failed', o);
  }

  /** Searches for the control block and starts polling; reports where it was found. */
  async start(): Promise<RttStartResult> {
    const o = await runGuarded(this.runner, 'rtt start', { timeoutMs: 30_000 });
    if (!o.ok) throwFailure(TargetError, 'rtt start failed', o, /not configured/i.test(o.result + o.log) ? 'Call rtt setup first.' : undefined);
    const controlBlock = parseControlBlock(o.log);
    return controlBlock === undefined ? {} : { controlBlock };
  }

  async stop(): Promise<void> {
    await this.closeStreams();
    const o = await runGuarded(this.runner, 'rtt stop');
    if (!o.ok) throwFailure(TargetError, 'rtt stop failed', o);
  }

  async channels(): Promise<RttChannels> {
    const o = await runGuarded(this.runner, 'rtt channels');
    if (!o.ok) throwFailure(TargetError, 'cannot list RTT channels', o, 'Start RTT (and let the firmware set up its control block) first.');
    return parseRttChannels(o.result);
  }

  async pollingInterval(ms?: number): Promise<number> {
    if (ms !== undefined) {
      if (!Number.isSafeInteger(ms) || ms < 1) throw new ValidationError(`invalid polling interval ${ms} ms`);
      const o = await runGuarded(this.runner, `rtt polling_interval ${ms}`);
      if (!o.ok) throwFailure(TargetError, 'cannot set the RTT polling interval', o);
      return ms;
    }
    try {
      return parsePollingInterval(await this.runner.command('rtt polling_interval'));
    } catch (e) {
      throw relabel(e, TargetError, 'cannot read the RTT polling interval');
    }
  }

  /**
   * The channel as a stream (one per channel, shared): starts an RTT server on a free
   * port and connects to it. Close it with stream.close() or Rtt.stop()/Session.close().
   */
  async open(channel: number): Promise<RttStream> {
    if (!Number.isSafeInteger(channel) || channel < 0) throw new ValidationError(`invalid RTT channel ${channel}`);
    const existing = this.streams.get(channel);
    if (existing && !existing.closed) return existing;
    const port = await this.startServer(channel);
    let stopped = false;
    const stopServer = async (): Promise<void> => {
      if (stopped) return;
      stopped = true;
      this.streams.delete(channel);
      await runGuarded(this.runner, `rtt server stop ${port}`).catch(() => undefined); // OpenOCD may be gone already
    };
    try {
      const stream = await RttStream.connect(this.host, port, channel, stopServer, undefined, this.route?.(port));
      this.streams.set(channel, stream);
      return stream;
    } catch (e) {
      await stopServer();
      throw e;
    }
  }

  /**
   * `rtt server start PORT CHANNEL` on a port free where OpenOCD runs. On this machine
   * a free port is asked for; for a remote OpenOCD a random high port is tried. Either
   * way a port taken in the meantime ("couldn't bind") is retried with another one.
   */
  private async startServer(channel: number): Promise<number> {
    const local = isLoopback(this.host);
    for (let attempt = 1; ; attempt++) {
      const port = local ? await freePort('127.0.0.1') : 49152 + Math.floor(Math.random() * 16000);
      const o = await runGuarded(this.runner, `rtt server start ${port} ${channel}`);
      if (o.ok) return port;
      if (!/couldn't bind|in use/i.test(o.log + o.result) || attempt >= BIND_ATTEMPTS) {
        throwFailure(TargetError, `cannot start an RTT server for channel ${channel}`, o);
      }
    }
  }

  /** What the target wrote to the up-channel since the last read (waits up to timeoutMs for some). */
  async read(channel: number, timeoutMs = 0): Promise<Buffer> {
    return (await this.open(channel)).take(timeoutMs);
  }

  /** Sends bytes (or UTF-8 text) to the down-channel. */
  async write(channel: number, data: Uint8Array | string): Promise<void> {
    await (await this.open(channel)).write(data);
  }

  async closeStreams(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.close()));
  }
}
