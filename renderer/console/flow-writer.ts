// Flow control for xterm writes (the Hyper/Tabby approach): at most HIGH_WATER
// bytes are handed to the terminal before its write callbacks confirm they were
// parsed; the rest waits here. If even the waiting queue grows past MAX_PENDING
// (OpenOCD at debug level can outrun any renderer), the oldest waiting text is
// dropped and one marker line says how much, so the UI never freezes.
export interface WriteTarget {
  write(data: string, callback: () => void): void;
}

export interface FlowWriterOptions {
  highWater?: number;
  maxPending?: number;
}

export class FlowWriter {
  private queue: string[] = [];
  private queuedBytes = 0;
  private inFlight = 0;
  private droppedBytes = 0;
  private readonly highWater: number;
  private readonly maxPending: number;

  constructor(
    private readonly target: WriteTarget,
    opts: FlowWriterOptions = {},
  ) {
    this.highWater = opts.highWater ?? 128 * 1024;
    this.maxPending = opts.maxPending ?? 4 * 1024 * 1024;
  }

  write(data: string): void {
    if (!data) return;
    this.queue.push(data);
    this.queuedBytes += data.length;
    while (this.queuedBytes > this.maxPending && this.queue.length > 1) {
      const old = this.queue.shift() ?? '';
      this.queuedBytes -= old.length;
      this.droppedBytes += old.length;
    }
    this.pump();
  }

  /** Bytes handed to the terminal and not yet confirmed, plus bytes waiting. */
  pendingBytes(): number {
    return this.inFlight + this.queuedBytes;
  }

  private pump(): void {
    while (this.inFlight < this.highWater && this.queue.length > 0) {
      let chunk = this.queue.shift() ?? '';
      this.queuedBytes -= chunk.length;
      if (this.droppedBytes > 0) {
        chunk = `\x1b[33m[console: ${this.droppedBytes} bytes of log skipped to keep up]\x1b[0m\r\n${chunk}`;
        this.droppedBytes = 0;
      }
      const n = chunk.length;
      this.inFlight += n;
      this.target.write(chunk, () => {
        this.inFlight -= n;
        this.pump();
      });
    }
  }
}
