// RTT for the app's RTT panel: start (setup + start), list channels, stream one
// up-channel as `rttData` events, write to a down-channel, close. The stream's bytes
// are decoded without splitting UTF-8 sequences and sent in batches (about 16 ms or
// 64 KB, like the log), so a chatty target cannot flood the renderer with messages.
import type { RttInfo } from '../../shared/contract';
import type { RttStream } from '../session/rtt';
import type { Session } from '../session/session';

/** Defaults for a search without an address: the start of SRAM on Cortex-M parts, 20 KiB (STM32F103). */
const DEFAULT_ADDRESS = 0x20000000;
const DEFAULT_SIZE = 20 * 1024;
const BATCH_MS = 16;
const BATCH_BYTES = 64 * 1024;

export interface RttStartRequest {
  address?: number;
  size?: number;
  id?: string;
}

export class RttBridge {
  private stream: RttStream | undefined;
  private session: Session | undefined;
  private decoder = new TextDecoder('utf-8');
  private pending = '';
  /** The channel being streamed; kept until its last bytes are flushed. */
  private channel: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly emit: (data: { channel: number; text: string }) => void) {}

  async start(session: Session, req: RttStartRequest): Promise<RttInfo> {
    await this.close();
    this.session = session;
    await session.rtt.setup(req.address ?? DEFAULT_ADDRESS, req.size ?? DEFAULT_SIZE, req.id ?? 'SEGGER RTT');
    const found = await session.rtt.start();
    return this.withChannels(session, found.controlBlock);
  }

  async channels(session: Session): Promise<RttInfo> {
    return this.withChannels(session, undefined);
  }

  async open(session: Session, channel: number): Promise<void> {
    if (this.stream && !this.stream.closed && this.stream.channel === channel && this.session === session) return;
    await this.closeStream();
    this.session = session;
    const stream = await session.rtt.open(channel);
    this.stream = stream;
    this.channel = channel;
    this.decoder = new TextDecoder('utf-8');
    stream.on('data', (chunk) => this.push(chunk));
    stream.on('close', () => {
      this.flush();
      if (this.stream === stream) this.stream = undefined;
    });
  }

  async write(session: Session, channel: number, text: string): Promise<void> {
    // Whether RTT runs is OpenOCD's state, not this bridge's memory of a Start (a reload, a
    // second window or a Start in the console all leave the bridge without it): just write;
    // OpenOCD's own refusal says what is wrong.
    this.session = session;
    await session.rtt.write(channel, text);
  }

  /** Closes the stream and stops polling (when the session is still there). */
  async close(): Promise<void> {
    await this.closeStream();
    const session = this.session;
    this.session = undefined;
    if (session && !session.closed) await session.rtt.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.close();
  }

  private async withChannels(session: Session, controlBlock: number | undefined): Promise<RttInfo> {
    const ch = await session.rtt.channels();
    const info: RttInfo = { up: ch.up, down: ch.down };
    if (controlBlock !== undefined) info.controlBlock = controlBlock;
    return info;
  }

  private async closeStream(): Promise<void> {
    const s = this.stream;
    this.stream = undefined;
    if (s) await s.close().catch(() => undefined);
    this.flush();
  }

  private push(chunk: Buffer): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    if (this.pending.length >= BATCH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const channel = this.channel;
    if (this.pending === '' || channel === undefined) {
      this.pending = '';
      return;
    }
    const text = this.pending;
    this.pending = '';
    this.emit({ channel, text });
  }
}
