// Batches log lines for the renderer: one message per ~16 ms or per ~200 KB,
// whichever comes first, so a chatty OpenOCD (debug level, flash) costs a few
// dozen IPC messages a second instead of thousands. Used by both transports.
import type { LogLine } from '../../shared/connection';

export interface LogBatcherOptions {
  intervalMs?: number;
  maxBytes?: number;
}

export class LogBatcher {
  private lines: LogLine[] = [];
  private bytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;
  private readonly maxBytes: number;

  constructor(
    private readonly flushTo: (batch: LogLine[]) => void,
    opts: LogBatcherOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 16;
    this.maxBytes = opts.maxBytes ?? 200 * 1024;
  }

  push(line: LogLine): void {
    this.lines.push(line);
    // Approximate size on the wire: the text plus a fixed envelope per line.
    this.bytes += line.text.length + 48;
    if (this.bytes >= this.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0) return;
    const batch = this.lines;
    this.lines = [];
    this.bytes = 0;
    this.flushTo(batch);
  }

  /** Sends what is pending and stops the timer. */
  dispose(): void {
    this.flush();
  }
}
