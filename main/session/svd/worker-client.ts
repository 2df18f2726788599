// One long-lived parsing thread per worker script, reused across loads: a new thread
// pays ~25 ms to start plus a cold JIT (the parse runs ~1.5x slower the first time),
// so switching SVDs in a session is faster on a warm worker. The thread is unref'd
// while idle (it never keeps the CLI alive) and ends after IDLE_MS without work.
import { Worker } from 'node:worker_threads';
import { SVDError } from '../../openocd/errors';
import type { SvdDevice } from './types';
import { decodeDevice } from './wire';

const IDLE_MS = 30_000;

/** Worker protocol: one request per load, answered by id. Errors cross as plain values. */
export interface SvdWorkerRequest {
  id: number;
  filePath: string;
}
/** `json` is the SvdDevice encoded by wire.ts: cheaper to move than a cloned tree. */
export type SvdWorkerReply = { id: number; ok: true; json: string } | { id: number; ok: false; kind: string; message: string };

interface Pending {
  resolve: (d: SvdDevice) => void;
  reject: (e: Error) => void;
  shownPath: string;
  absPath: string;
}

class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private dead = false;

  constructor(
    script: string,
    private readonly onDead: () => void,
  ) {
    this.worker = new Worker(script);
    this.worker.on('message', (reply: SvdWorkerReply) => this.onReply(reply));
    this.worker.on('error', (err) => this.fail((p) => `SVD worker failed on ${p}: ${err.message}`, err));
    // Whatever the reason, a job in flight always gets its final answer.
    this.worker.on('exit', (code) => this.fail((p) => `SVD worker exited with code ${code} before parsing ${p}`));
    this.worker.unref();
  }

  parse(absPath: string, shownPath: string): Promise<SvdDevice> {
    return new Promise<SvdDevice>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, absPath, shownPath });
      this.busy();
      const req: SvdWorkerRequest = { id, filePath: absPath };
      this.worker.postMessage(req);
    });
  }

  terminate(): Promise<number> {
    this.markDead();
    return this.worker.terminate();
  }

  private onReply(reply: SvdWorkerReply): void {
    const p = this.pending.get(reply.id);
    if (p === undefined) return;
    this.pending.delete(reply.id);
    // The worker names the absolute path; show the path the caller gave.
    if (reply.ok) {
      let device: SvdDevice;
      try {
        device = decodeDevice(reply.json);
      } catch (err) {
        p.reject(new SVDError(`SVD worker sent an unreadable model for ${p.shownPath}`, { cause: err }));
        if (this.pending.size === 0) this.idle();
        return;
      }
      p.resolve(device);
    }
    else p.reject(new SVDError(reply.message.split(p.absPath).join(p.shownPath)));
    if (this.pending.size === 0) this.idle();
  }

  private fail(message: (shownPath: string) => string, cause?: unknown): void {
    this.markDead();
    for (const p of this.pending.values()) p.reject(new SVDError(message(p.shownPath), cause === undefined ? {} : { cause }));
    this.pending.clear();
  }

  private busy(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.worker.ref();
  }

  private idle(): void {
    this.worker.unref();
    this.idleTimer = setTimeout(() => void this.terminate(), IDLE_MS);
    this.idleTimer.unref();
  }

  private markDead(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.onDead();
  }
}

const clients = new Map<string, WorkerClient>();

/** Parses `absPath` on the (shared, lazily started) worker running `script`. */
export function parseOnWorker(script: string, absPath: string, shownPath: string): Promise<SvdDevice> {
  let client = clients.get(script);
  if (client === undefined) {
    try {
      const c: WorkerClient = new WorkerClient(script, () => {
        if (clients.get(script) === c) clients.delete(script);
      });
      client = c;
    } catch (err) {
      return Promise.reject(new SVDError(`Could not start the SVD worker ${script}: ${(err as Error).message}`, { cause: err }));
    }
    clients.set(script, client);
  }
  return client.parse(absPath, shownPath);
}

/** Ends every SVD worker thread (app shutdown, tests). */
export async function stopSvdWorkers(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((c) => c.terminate()));
}
