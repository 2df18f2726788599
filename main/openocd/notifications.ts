// The notifications socket: a second tcl connection with `tcl_notifications on`.
// OpenOCD 0.12 (src/server/tcl_server.c) then sends, unprompted, frames like
//   "type target_event event halted\r\n\x1a"
//   "type target_state state running\r\n\x1a"
//   "type target_reset mode halt\r\n\x1a"
// There is no target name in them; the controller adds the current target.
// Commands are never sent on this socket after the first, so every frame after
// the reply to `tcl_notifications on` is a notification.
import net from 'node:net';
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { ConnectionError, TimeoutError } from './errors';
import { MAX_REPLY_BYTES } from './rpc-client';
import { connectOptions, endpointText, type TclEndpoint } from './ports';

export type Notification =
  | { type: 'target_event'; event: string; raw: string }
  | { type: 'target_state'; state: string; raw: string }
  | { type: 'target_reset'; mode: string; raw: string }
  | { type: 'other'; fields: Record<string, string>; raw: string };

/** Parses one frame (without the 0x1a). Returns undefined for frames that are not notifications. */
export function parseNotification(frame: string): Notification | undefined {
  const raw = frame.trim();
  const words = raw.split(/\s+/);
  if (words.length < 2 || words[0] !== 'type') return undefined;
  const fields: Record<string, string> = {};
  for (let i = 2; i + 1 < words.length; i += 2) fields[words[i] as string] = words[i + 1] as string;
  const type = words[1] as string;
  if (type === 'target_event' && fields.event) return { type, event: fields.event, raw };
  if (type === 'target_state' && fields.state) return { type, state: fields.state, raw };
  if (type === 'target_reset' && fields.mode) return { type, mode: fields.mode, raw };
  return { type: 'other', fields: { type, ...fields }, raw };
}

export interface NotificationClientEvents {
  notification: [n: Notification];
  close: [error: Error | undefined];
}

export class NotificationClient extends EventEmitter<NotificationClientEvents> {
  private decoder = new StringDecoder('utf8');
  private buffer = '';
  private enabled = false;
  private isClosed = false;

  private constructor(private readonly socket: net.Socket) {
    super();
  }

  /** Connects and switches notifications on; resolves once OpenOCD has acknowledged. */
  static connect(host: string, port: number, opts: { timeoutMs?: number } = {}): Promise<NotificationClient> {
    return NotificationClient.connectTo({ host, port }, opts);
  }

  /** As connect(), to a tcl port or the namespace relay's Unix socket. */
  static connectTo(ep: TclEndpoint, opts: { timeoutMs?: number } = {}): Promise<NotificationClient> {
    const timeoutMs = opts.timeoutMs ?? 5_000;
    const where = endpointText(ep);
    return new Promise((resolve, reject) => {
      const socket = net.connect(connectOptions(ep));
      const client = new NotificationClient(socket);
      let settled = false;
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        reject(err);
      };
      const timer = setTimeout(() => fail(new TimeoutError(`tcl_notifications: no answer from ${where} within ${timeoutMs} ms`)), timeoutMs);
      socket.setNoDelay(true);
      socket.on('connect', () => socket.write('tcl_notifications on\x1a'));
      socket.on('data', (chunk: Buffer) => {
        for (const frame of client.frames(chunk)) {
          if (!client.enabled) {
            client.enabled = true;
            if (!settled) {
              settled = true;
              clearTimeout(timer);
              resolve(client);
            }
            continue; // the reply to `tcl_notifications on` itself
          }
          const n = parseNotification(frame);
          if (n) client.emit('notification', n);
        }
        if (client.buffer.length > MAX_REPLY_BYTES) {
          const err = new ConnectionError('Notification frame over 10 MB without a separator: not an OpenOCD tcl port');
          fail(err);
          client.finish(err);
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        const e = new ConnectionError(`Notifications socket: ${err.code ?? err.message}`, { cause: err });
        fail(e);
        client.finish(e);
      });
      socket.on('close', () => {
        fail(new ConnectionError('OpenOCD closed the notifications socket before acknowledging'));
        client.finish(undefined);
      });
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  close(): void {
    this.socket.destroy();
    this.finish(undefined);
  }

  private *frames(chunk: Buffer): Generator<string> {
    this.buffer += this.decoder.write(chunk);
    let idx: number;
    while ((idx = this.buffer.indexOf('\x1a')) >= 0) {
      const frame = this.buffer.slice(0, idx);
      this.buffer = this.buffer.slice(idx + 1);
      yield frame;
    }
  }

  private finish(err: Error | undefined): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.emit('close', err);
  }
}
