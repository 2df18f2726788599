// Per-phase progress bookkeeping: bytes done, total, and average speed since the phase began.
import type { FlashPhase, FlashProgressEvent } from './types';

export class PhaseProgress {
  private readonly started = performance.now();
  done = 0;

  constructor(
    readonly phase: FlashPhase,
    readonly total: number,
    private readonly emit: ((e: FlashProgressEvent) => void) | undefined,
  ) {}

  /** Adds bytes and reports; a phase with nothing to do reports 0/0 once so the UI sees it. */
  advance(bytes: number): void {
    this.done += bytes;
    this.report();
  }

  report(): void {
    if (!this.emit) return;
    const seconds = (performance.now() - this.started) / 1000;
    this.emit({
      type: 'progress',
      phase: this.phase,
      done: this.done,
      total: this.total,
      bytesPerSecond: seconds > 0 ? Math.round(this.done / seconds) : 0,
    });
  }
}

/** The error a cancelled read or verify rejects with, like Node's own abortable APIs. */
export function abortError(message: string): Error {
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

/** Thrown inside an operation when its signal is aborted between chunks; callers turn it into their own outcome. */
export class Cancelled {
  constructor(readonly progress: PhaseProgress) {}
}

/** Converts an internal Cancelled into the AbortError public read/verify calls reject with. */
export function asAbortError(e: unknown, what: string): unknown {
  if (e instanceof Cancelled) return abortError(`${what} cancelled after ${e.progress.done} of ${e.progress.total} bytes`);
  return e;
}
