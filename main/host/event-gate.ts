// Holds main -> renderer events until the renderer says it is ready (it has
// subscribed), then flushes them in order. Without this, the first status and
// log lines sent while the page loads are lost. What is held is bounded: status
// events collapse to the latest, log batches keep the newest ~4 MB (the renderer
// also asks for the log history, de-duplicated by line seq).
import type { EventName, PayloadOf } from '../../shared/contract';

type Held = { [E in EventName]: { name: E; payload: PayloadOf<E> } }[EventName];

export type EventSink = <E extends EventName>(name: E, payload: PayloadOf<E>) => void;

const MAX_HELD_LOG_BYTES = 4 * 1024 * 1024;
const MAX_HELD_OTHER = 200;

export class EventGate {
  private ready = false;
  private held: Held[] = [];
  private heldLogBytes = 0;

  constructor(private readonly sink: EventSink) {}

  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    if (this.ready) {
      this.sink(name, payload);
      return;
    }
    const item = { name, payload } as Held;
    if (item.name === 'status') this.held = this.held.filter((h) => h.name !== 'status');
    if (item.name === 'log') this.heldLogBytes += batchBytes(item.payload);
    this.held.push(item);
    this.trim();
  }

  /** The renderer is ready: flush everything held, then pass events straight through. */
  open(): void {
    const held = this.held;
    this.held = [];
    this.heldLogBytes = 0;
    this.ready = true;
    for (const h of held) this.sink(h.name, h.payload);
  }

  /** The page is reloading: hold events again until it says ready. */
  close(): void {
    this.ready = false;
  }

  private trim(): void {
    while (this.heldLogBytes > MAX_HELD_LOG_BYTES) {
      const i = this.held.findIndex((h) => h.name === 'log');
      if (i < 0) break;
      const [removed] = this.held.splice(i, 1);
      if (removed?.name === 'log') this.heldLogBytes -= batchBytes(removed.payload);
    }
    let others = this.held.filter((h) => h.name !== 'log' && h.name !== 'status').length;
    while (others > MAX_HELD_OTHER) {
      const i = this.held.findIndex((h) => h.name !== 'log' && h.name !== 'status');
      this.held.splice(i, 1);
      others--;
    }
  }
}

function batchBytes(lines: readonly { text: string }[]): number {
  let n = 0;
  for (const l of lines) n += l.text.length + 48;
  return n;
}
