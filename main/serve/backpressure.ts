// Backpressure on one WebSocket: a page that cannot keep up (a slow machine, a tab in the
// background) must not make the server buffer OpenOCD's log without bound. While more
// than MAX_BUFFERED bytes wait to be sent, log batches are dropped (counted); status,
// flash progress and every other event always go. Once the socket has drained, the page
// gets one warning line saying how many lines it missed, in sequence where they were.
import type { LogLine } from '../../shared/connection';

export const MAX_BUFFERED = 4 * 1024 * 1024;

export class LogBackpressure {
  private dropped = 0;
  private lastDroppedSeq = 0;

  constructor(
    private readonly buffered: () => number,
    private readonly limit = MAX_BUFFERED,
  ) {}

  /** The lines to send for this batch (with the drop notice in front once drained), or undefined: dropped. */
  admit(batch: readonly LogLine[]): LogLine[] | undefined {
    if (this.buffered() > this.limit) {
      this.dropped += batch.length;
      this.lastDroppedSeq = batch[batch.length - 1]?.seq ?? this.lastDroppedSeq;
      return undefined;
    }
    const notice = this.takeNotice();
    return notice ? [notice, ...batch] : [...batch];
  }

  /** Lines are being dropped and not yet reported. */
  get dropping(): boolean {
    return this.dropped > 0;
  }

  /** The "N lines dropped" line, once the socket has drained; undefined while it has not (or nothing was dropped). */
  takeNotice(): LogLine | undefined {
    if (this.dropped === 0 || this.buffered() > this.limit) return undefined;
    const n = this.dropped;
    this.dropped = 0;
    return {
      // The seq of the last dropped line: after what the page has, before what comes next.
      seq: this.lastDroppedSeq,
      level: 'warning',
      text: `[workbench] ${n} log line${n === 1 ? '' : 's'} dropped: this page could not keep up with OpenOCD's output`,
      time: Date.now(),
    };
  }
}
