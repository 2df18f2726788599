// The target state shown in the app is what OpenOCD says now, not what the app last
// asked for. OpenOCD's notifications cover halts and resumes, but not every change:
// `reset run` on a Cortex-M ends in "running" without any event (cortex_m_poll moves
// TARGET_RESET -> TARGET_RUNNING silently), so a badge fed by events alone stays
// "halted" after a Reset run. This poller asks `curstate`:
// - right after any reset (the notification) and again a little later, since the
//   reset may still be in progress when the first answer comes;
// - when asked (a page's start-up, after the app's own run-control);
// - every `intervalMs` in the background, for anything else nobody announced.
// An answer to a query sent before a notification-driven change is dropped: the
// notification is newer than the answer.
import type { TargetState } from '../../shared/connection';
import { toTargetState } from './connection-info';

export interface TargetStatePollOptions {
  /** One `curstate` query; undefined when it could not be answered (disconnected, busy, error). */
  query: () => Promise<string | undefined>;
  /** Called with each state read (the controller publishes it when it changed). */
  apply: (state: TargetState) => void;
  intervalMs?: number;
  /** Delays of the extra reads after a reset, in ms. */
  afterResetMs?: readonly number[];
}

export const TARGET_POLL_INTERVAL_MS = 1000;
const AFTER_RESET_MS = [150, 400, 900] as const;

export class TargetStatePoll {
  private timer: NodeJS.Timeout | undefined;
  private readonly burst = new Set<NodeJS.Timeout>();
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  /** Bumped by every change that did not come from a poll (notifications). */
  private epoch = 0;
  private running = false;

  constructor(private readonly opts: TargetStatePollOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.timer = setInterval(() => void this.refresh(), this.opts.intervalMs ?? TARGET_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    this.running = false;
    clearInterval(this.timer);
    this.timer = undefined;
    for (const t of this.burst) clearTimeout(t);
    this.burst.clear();
  }

  /** A notification changed the state: answers already on their way are older than it. */
  noteEvent(): void {
    this.epoch++;
  }

  /** A reset happened (any client's): read now and a few times while it settles. */
  afterReset(): void {
    if (!this.running) return;
    void this.refresh();
    for (const ms of this.opts.afterResetMs ?? AFTER_RESET_MS) {
      const t = setTimeout(() => {
        this.burst.delete(t);
        void this.refresh();
      }, ms);
      t.unref();
      this.burst.add(t);
    }
  }

  /**
   * Reads the state now; resolves once applied. A read already under way may have been
   * sent before what the caller just did, so one more read is queued behind it (only one:
   * callers arriving meanwhile share it).
   */
  refresh(): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (!this.inFlight) {
      const read = this.readOnce().finally(() => {
        if (this.inFlight === read) this.inFlight = undefined;
      });
      this.inFlight = read;
      return read;
    }
    this.queued ??= this.inFlight.then(() => {
      this.queued = undefined;
      return this.refresh();
    });
    return this.queued;
  }

  private async readOnce(): Promise<void> {
    const epoch = this.epoch;
    const text = await this.opts.query().catch(() => undefined);
    if (text === undefined || !this.running || epoch !== this.epoch) return;
    this.opts.apply(toTargetState(text));
  }
}
