// One RTT channel as a byte stream: OpenOCD's `rtt server start PORT CHANNEL` serves the
// channel on a TCP port (up-channel bytes arrive, bytes sent go to the down-channel).
// Exposed as an EventEmitter ('data', 'close') and as an async iterator of chunks.
import net from 'node:net';
import { EventEmitter } from 'node:events';
import { ConnectionError } from '../openocd/errors';
import type { PortRoute } from '../openocd/ports';

const MAX_BUFFERED = 1024 * 1024;

export interface RttStreamEvents {
  data: [chunk: Buffer];
  close: [error: Error | undefined];
}

export class RttStream extends EventEmitter<RttStreamEvents> implements AsyncIterable<Buffer> {
  private closedFlag = false;
  private readonly buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private waiters: Array<() => void> = [];

  constructor(
    readonly channel: number,
    readonly port: number,
    private readonly socket: net.Socket,
    private readonly onClose: () => Promise<void>,
  ) {
    super();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffered.push(chunk);
      this.bufferedBytes += chunk.length;
      // Users of the 'data' event never take(): keep only the newest bytes for take().
      while (this.bufferedBytes > MAX_BUFFERED && this.buffered.length > 1) {
        this.bufferedBytes -= (this.buffered.shift() as Buffer).length;
      }
      this.emit('data', chunk);
      this.wake();
    });
    socket.on('error', (err) => this.finish(new ConnectionError(`RTT channel ${channel}: ${err.message}`, { cause: err })));
    socket.on('close', () => this.finish(undefined));
  }

  static connect(host: string, port: number, channel: number, onClose: () => Promise<void>, timeoutMs = 5000, route?: PortRoute): Promise<RttStream> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(route?.opts ?? { host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError(`RTT server on port ${port} did not accept within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(new ConnectionError(`cannot connect to the RTT server on port ${port}: ${err.message}`, { cause: err }));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        if (route?.preamble) socket.write(route.preamble);
        resolve(new RttStream(channel, port, socket, onClose));
      });
    });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Sends bytes to the target's down-channel. */
  write(data: Uint8Array | string): Promise<void> {
    if (this.closedFlag) return Promise.reject(new ConnectionError(`RTT channel ${this.channel} is closed`));
    return new Promise((resolve, reject) => {
      this.socket.write(data, (err) => (err ? reject(new ConnectionError(`RTT write failed: ${err.message}`, { cause: err })) : resolve()));
    });
  }

  /**
   * Takes what has arrived since the last take; waits up to timeoutMs for the first
   * byte when nothing is there yet (resolves empty on timeout or close).
   */
  async take(timeoutMs = 0): Promise<Buffer> {
    if (this.bufferedBytes === 0 && timeoutMs > 0 && !this.closedFlag) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
      });
    }
    const out = Buffer.concat(this.buffered.splice(0));
    this.bufferedBytes = 0;
    return out;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const chunk = await this.take(60_000);
      if (chunk.length > 0) yield chunk;
      else if (this.closedFlag) return;
    }
  }

  /** Closes the connection and stops OpenOCD's server for this port. */
  async close(): Promise<void> {
    if (!this.closedFlag) this.socket.destroy();
    this.finish(undefined);
    await this.onClose();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private finish(err: Error | undefined): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.wake();
    this.emit('close', err);
  }
}
