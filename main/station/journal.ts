// What the station is doing right now, on disk before it does it: each board attempt is
// claimed (with the serial number it will get) before the probe touches the board, and
// ended once its row is in the record. A station killed mid-run leaves a claim without an
// end: the next start records that board as interrupted. Serial numbers come from the
// claims, so a number claimed once is never given again, across restarts and crashes.
import { promises as fs } from 'node:fs';
import { appendDurably } from '../files/append-durably';

interface ClaimLine {
  t: 'claim';
  id: string;
  slot: string;
  probe: string;
  time: string;
  serial?: string;
  n?: number;
}
interface SerialLine {
  t: 'serial';
  id: string;
  serial: string;
  n?: number;
}
interface EndLine {
  t: 'end';
  id: string;
}
type JournalLine = ClaimLine | SerialLine | EndLine;

export type Claim = ClaimLine;

export class StationJournal {
  private queue: Promise<void> = Promise.resolve();
  private seq = 0;

  private constructor(
    private readonly file: string,
    private nextN: number,
    private readonly usedSerials: Set<string>,
    private readonly open: Map<string, ClaimLine>,
  ) {}

  static async open(file: string, firstSerial: number): Promise<StationJournal> {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const open = new Map<string, ClaimLine>();
    const used = new Set<string>();
    let maxN = firstSerial - 1;
    for (const line of text.split('\n')) {
      let l: JournalLine;
      try {
        l = JSON.parse(line) as JournalLine;
      } catch {
        continue; // blank, or torn by a crash mid-append: that claim never reached a board
      }
      if (l.t === 'claim') open.set(l.id, l);
      else if (l.t === 'serial') {
        used.add(l.serial);
        if (l.n !== undefined) maxN = Math.max(maxN, l.n);
        const c = open.get(l.id);
        if (c) open.set(l.id, { ...c, serial: l.serial, ...(l.n !== undefined ? { n: l.n } : {}) });
      } else if (l.t === 'end') open.delete(l.id);
    }
    if (text && !text.endsWith('\n')) await appendDurably(file, '\n');
    return new StationJournal(file, maxN + 1, used, open);
  }

  /** Claims left open by a station that stopped without ending them (killed, crashed). */
  interrupted(): Claim[] {
    return [...this.open.values()];
  }

  /** The counter value the next assignSerial gives. */
  peekNext(): number {
    return this.nextN;
  }

  isUsed(serial: string): boolean {
    return this.usedSerials.has(serial);
  }

  /** Claims an attempt on a slot (before the probe touches the board). */
  claim(slot: string, probe: string): Promise<Claim> {
    return this.serialised(async () => {
      const c: ClaimLine = { t: 'claim', id: `${Date.now().toString(36)}-${process.pid}-${++this.seq}`, slot, probe, time: new Date().toISOString() };
      await appendDurably(this.file, JSON.stringify(c) + '\n');
      this.open.set(c.id, c);
      return c;
    });
  }

  /**
   * Gives the attempt its serial number, on disk before it is written to the board: the next
   * counter value (`format`), or one the operator typed or scanned (refused if given before).
   */
  assignSerial(id: string, serial: { format: (n: number) => string } | { typed: string }): Promise<string> {
    return this.serialised(async () => {
      const line: SerialLine = 'typed' in serial ? { t: 'serial', id, serial: serial.typed } : { t: 'serial', id, n: this.nextN, serial: serial.format(this.nextN) };
      if (this.usedSerials.has(line.serial)) throw new Error(`serial number ${line.serial} was given before: each board gets its own`);
      await appendDurably(this.file, JSON.stringify(line) + '\n');
      if (line.n !== undefined) this.nextN++;
      this.usedSerials.add(line.serial);
      const c = this.open.get(id);
      if (c) this.open.set(id, { ...c, serial: line.serial });
      return line.serial;
    });
  }

  private serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.then(() => undefined, () => undefined);
    return run;
  }

  end(id: string): Promise<void> {
    return this.serialised(async () => {
      await appendDurably(this.file, JSON.stringify({ t: 'end', id } satisfies EndLine) + '\n');
      this.open.delete(id);
    });
  }
}
