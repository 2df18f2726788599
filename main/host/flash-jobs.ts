// Flash work as id-based jobs (design.md: long work has an id, type-tagged progress
// events, a final event that always comes, and an explicit cancel call). One job at
// a time per process: there is one target, and two programs at once would interleave.
import type { FlashJobEvent, FlashOp, FlashVerifyResult } from '../../shared/workbench';
import type { Image } from '../images/types';
import { toErrorValue, ValidationError } from '../openocd/errors';
import type { Session } from '../session/session';
import type { FlashEvent } from '../session/flash/types';
import { FlashInterrupt } from '../session/flash/interrupted';

/** A job's events without the ids (the runner adds them). */
type JobEvent = FlashJobEvent extends infer E ? (E extends unknown ? Omit<E, 'jobId' | 'op'> : never) : never;

export interface FlashJobRequest {
  op: FlashOp;
  image?: Image;
  verify: boolean;
  /** program: `reset run` afterwards (only when programming, and verify if asked, succeeded). */
  resetAfter?: boolean;
  /** erase-range: [address, address + length), both on sector boundaries. */
  range?: { address: number; length: number };
}

interface Running {
  jobId: string;
  op: FlashOp;
  abort: AbortController;
  /** Settles when the job's final event has gone out. */
  ended: Promise<void>;
  /** The final event's words (cancelled: its message; failed: the error). */
  outcome?: string;
  /** The latest progress, for the message that refuses a Disconnect meanwhile. */
  last?: { phase: string; done: number; total: number };
}

export class FlashJobs {
  private running: Running | undefined;
  private seq = 0;

  /** Starts the job and returns at once; `emit` gets its progress and exactly one final event. */
  start(session: Session, req: FlashJobRequest, emit: (e: FlashJobEvent) => void): { jobId: string } {
    if (this.running) throw new ValidationError(`a flash job (${this.running.jobId}) is still running`, { hint: 'Wait for it to end or cancel it.' });
    const jobId = `flash-${++this.seq}`;
    const abort = new AbortController();
    let markEnded = (): void => undefined;
    const job: Running = { jobId, op: req.op, abort, ended: new Promise<void>((r) => (markEnded = r)) };
    this.running = job;
    let ended = false;
    const send = (e: JobEvent): void => {
      if (ended) return;
      if (e.type === 'progress') job.last = { phase: e.phase, done: e.done, total: e.total };
      else job.outcome = e.type === 'cancelled' ? e.message : e.type === 'failed' ? e.error.message : 'the flash finished';
      if (e.type !== 'progress') {
        ended = true;
        // Free before the final event goes out: the window may start the next job as soon as it sees it.
        if (this.running === job) this.running = undefined;
      }
      emit({ ...e, jobId, op: req.op } as FlashJobEvent);
      if (ended) markEnded();
    };
    void runJob(session, req, abort.signal, send)
      .catch((err: unknown) => send({ type: 'failed', error: toErrorValue(err) }))
      .finally(() => {
        // A job that somehow ended silently still gets its final event.
        if (!ended) send({ type: 'failed', error: { kind: 'OpenOCDError', message: 'the flash job ended without a result' } });
        if (this.running === job) this.running = undefined;
        markEnded();
      });
    return { jobId };
  }

  /** The id of the job running now, if any (other work that programs flash waits for it). */
  get activeJobId(): string | undefined {
    return this.running?.jobId;
  }

  /**
   * Why OpenOCD must not be stopped or restarted now (Disconnect, another profile, a
   * fault switch that restarts it): a running flash would be cut off half-way and leave
   * the chip partly programmed. Undefined when nothing is flashing.
   */
  busyReason(what: string): string | undefined {
    const job = this.running;
    if (!job) return undefined;
    const pct = job.last && job.last.total > 0 ? `, ${job.last.phase} ${Math.floor((job.last.done / job.last.total) * 100)} %` : '';
    return `${what} refused: a flash is running (${job.op}${pct}); stopping OpenOCD now would leave the chip partly programmed`;
  }

  /**
   * The app or serve is stopping (a signal): the job stops after the chunk in flight
   * with "the flash was interrupted at 0x…" as its final event. Resolves once that
   * event went out, or after `timeoutMs` (a chunk stuck in OpenOCD must not hold the exit).
   * Resolves to the job's final words, or undefined when no job was running.
   */
  async interrupt(why: string, timeoutMs = 10_000): Promise<string | undefined> {
    const job = this.running;
    if (!job) return undefined;
    job.abort.abort(new FlashInterrupt(why));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.ended, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    return job.outcome ?? `${why}: the flash was interrupted (it did not stop within ${timeoutMs / 1000} s); the chip is partly programmed: flash again`;
  }

  /** Asks the job to stop after the chunk in flight; false when no such job is running. */
  cancel(jobId: string): { cancelled: boolean } {
    if (this.running?.jobId !== jobId) return { cancelled: false };
    this.running.abort.abort();
    return { cancelled: true };
  }
}

async function runJob(session: Session, req: FlashJobRequest, signal: AbortSignal, send: (e: JobEvent) => void): Promise<void> {
  const flash = session.flash;
  switch (req.op) {
    case 'program': {
      // program() reports its own final event (done / cancelled / failed) through onEvent.
      await flash.program(need(req.image), { verify: req.verify, reset: req.resetAfter ?? false, signal, onEvent: (e) => send(fromFlashEvent(e)) });
      return;
    }
    case 'verify': {
      const image = need(req.image);
      const started = performance.now();
      let last = { phase: 'verify' as const, done: 0, total: 0 };
      try {
        const verify = await flash.verify(image, {
          signal,
          onEvent: (e) => {
            last = { phase: 'verify', done: e.done, total: e.total };
            send(fromFlashEvent(e));
          },
        });
        send(doneEvent(last.done, started, verify));
      } catch (e) {
        if (!isAbort(e)) throw e;
        send({ type: 'cancelled', ...last, message: `Verify cancelled after ${last.done} of ${last.total} bytes; nothing was changed.` });
      }
      return;
    }
    case 'erase-all': {
      if (signal.aborted) {
        send({ type: 'cancelled', phase: 'erase', done: 0, total: 0, message: 'Cancelled before erasing; nothing was changed.' });
        return;
      }
      const started = performance.now();
      send({ type: 'progress', phase: 'erase', done: 0, total: 1, bytesPerSecond: 0 });
      // Mass erase needs a halted core, like programming.
      await session.target.reset('init');
      await flash.eraseAll(0);
      send({ type: 'progress', phase: 'erase', done: 1, total: 1, bytesPerSecond: 0 });
      send(doneEvent(0, started));
      return;
    }
    case 'erase-range': {
      const range = req.range;
      if (!range) throw new ValidationError('length: an erase range needs an address and a length');
      // Checked against the bank geometry before the core is touched: off a sector boundary is refused here.
      const plan = await flash.planEraseRange(range.address, range.length);
      const total = plan.last - plan.first + 1;
      const started = performance.now();
      await session.target.reset('init');
      // One sector at a time: progress per sector, and a cancel stops between sectors.
      for (let i = plan.first; i <= plan.last; i++) {
        const done = i - plan.first;
        if (signal.aborted) {
          const message = done === 0 ? 'Cancelled before erasing; nothing was changed.' : `Cancelled after ${done} of ${total} sectors; the range is partly erased.`;
          send({ type: 'cancelled', phase: 'erase', done, total, message });
          return;
        }
        send({ type: 'progress', phase: 'erase', done, total, bytesPerSecond: 0 });
        await flash.eraseSectors(plan.bank, i, i);
      }
      send({ type: 'progress', phase: 'erase', done: total, total, bytesPerSecond: 0 });
      send(doneEvent(plan.length, started));
      return;
    }
  }
}

function fromFlashEvent(e: FlashEvent): JobEvent {
  switch (e.type) {
    case 'progress':
      return { type: 'progress', phase: e.phase, done: e.done, total: e.total, bytesPerSecond: e.bytesPerSecond };
    case 'done': {
      const out: JobEvent = { type: 'done', bytes: e.bytes, seconds: e.seconds, bytesPerSecond: e.bytesPerSecond };
      if (e.verify) out.verify = e.verify;
      return out;
    }
    case 'cancelled':
      return { type: 'cancelled', phase: e.phase, done: e.done, total: e.total, message: e.message };
    case 'failed':
      return { type: 'failed', error: e.error };
  }
}

function doneEvent(bytes: number, started: number, verify?: FlashVerifyResult): JobEvent {
  const seconds = (performance.now() - started) / 1000;
  const out: JobEvent = { type: 'done', bytes, seconds, bytesPerSecond: seconds > 0 ? Math.round(bytes / seconds) : 0 };
  if (verify) out.verify = verify;
  return out;
}

function need(image: Image | undefined): Image {
  if (!image) throw new ValidationError('imageId: choose an image first');
  return image;
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
