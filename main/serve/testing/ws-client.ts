// A WebSocket client for tests of `bringup serve`, speaking the wire format the page
// speaks (shared/contract.ts): invoke by id, events collected, close code and reason kept.
import WebSocket from 'ws';
import type { ServerMessage } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { FlashJobEvent } from '../../../shared/workbench';

export class TestClient {
  events: Extract<ServerMessage, { t: 'event' }>[] = [];
  errors: string[] = [];
  /** Every result that came, by id (also for messages sent raw). */
  results = new Map<number, Result<unknown>>();
  closed?: { code: number; reason: string };
  private next = 1;
  private readonly waiters = new Map<number, (r: Result<unknown>) => void>();
  private readonly eventWaiters = new Set<() => void>();
  private readonly closedP: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as ServerMessage;
      if (m.t === 'result') {
        this.results.set(m.id, m.result);
        this.waiters.get(m.id)?.(m.result);
        this.waiters.delete(m.id);
      } else if (m.t === 'error') this.errors.push(m.message);
      else this.events.push(m);
      for (const w of this.eventWaiters) w();
    });
    this.closedP = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() };
        for (const w of this.eventWaiters) w();
        resolve(this.closed);
      }),
    );
  }

  static open(port: number, token: string): Promise<TestClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { headers: { Origin: `http://127.0.0.1:${port}` } });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('error', reject);
    });
  }

  invoke<T>(channel: string, request: unknown = {}): Promise<Result<T>> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve as (r: Result<unknown>) => void);
      this.ws.send(JSON.stringify({ t: 'invoke', id, channel, request }));
    });
  }

  async value<T>(channel: string, request: unknown = {}): Promise<T> {
    const r = await this.invoke<T>(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  }

  /** Resolves with the first collected event (past or future) that `pick` accepts; rejects when the socket closes first. */
  waitFor<T>(pick: (e: Extract<ServerMessage, { t: 'event' }>) => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const look = (): void => {
        for (const e of this.events) {
          const v = pick(e);
          if (v !== undefined) {
            this.eventWaiters.delete(look);
            return resolve(v);
          }
        }
        if (this.closed) {
          this.eventWaiters.delete(look);
          reject(new Error(`socket closed (${this.closed.code} ${this.closed.reason})`));
        }
      };
      this.eventWaiters.add(look);
      look();
    });
  }

  flashEvent(pick: (e: FlashJobEvent) => boolean): Promise<FlashJobEvent> {
    return this.waitFor((e) => (e.name === 'flashProgress' && pick(e.payload as FlashJobEvent) ? (e.payload as FlashJobEvent) : undefined));
  }

  whenClosed(): Promise<{ code: number; reason: string }> {
    return this.closedP;
  }

  /** Uploads `bytes` as a staged image (as the browser's file field does); its id. */
  async upload(name: string, bytes: Uint8Array): Promise<string> {
    const { imageId } = await this.value<{ imageId: string }>('beginImageUpload', { name, size: bytes.length });
    const CHUNK = 256 * 1024;
    for (let off = 0; off < bytes.length; off += CHUNK) {
      await this.value('uploadImageChunk', { imageId, offset: off, data: Buffer.from(bytes.subarray(off, off + CHUNK)).toString('base64') });
    }
    return imageId;
  }

  /** Sends anything (a test of what the server does with it). */
  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** Resolves when `done()` holds, checked after every message; rejects when the socket closes first. */
  until(done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const look = (): void => {
        if (done()) {
          this.eventWaiters.delete(look);
          resolve();
        } else if (this.closed) {
          this.eventWaiters.delete(look);
          reject(new Error(`socket closed (${this.closed.code} ${this.closed.reason})`));
        }
      };
      this.eventWaiters.add(look);
      look();
    });
  }

  close(): void {
    this.ws.close();
  }
}
