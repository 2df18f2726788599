// A production station: N slots, each a board on its own probe with its own OpenOCD, all
// running the same job. Every attempt is claimed in the journal before the probe touches
// the board (with its serial number) and ends as one row in the record; a station that was
// killed finds its open claims at the next start and records those boards as interrupted.
import type { ConnectionProfile } from '../../shared/profile';
import { formatSerial } from './serial-format';
import type { LoadedJob } from './job';
import { StationJournal } from './journal';
import { StationRecord, type StationRow } from './record';
import { runBoard } from './slot-run';
import type { SlotState, StationSummary } from './types';

export interface SlotSpec {
  id: string;
  label: string;
  /** The probe's serial, or "vboard N". */
  probe: string;
  profile: ConnectionProfile;
}

export interface StationOptions {
  /** Names the station in every row (a line has several benches). */
  name: string;
  /** The JSON Lines record; the CSV goes beside it, the journal next to it as .journal. */
  recordPath: string;
  onSlot?(state: SlotState): void;
  onRow?(row: StationRow): void;
}

export const INTERRUPTED_MESSAGE = 'the station stopped while this board was being programmed (killed or crashed): the chip may be partly programmed; flash it again';

export class Station {
  private readonly states = new Map<string, SlotState>();
  private readonly running = new Map<string, AbortController>();
  /** Slot runs not yet recorded: a stop waits for their rows (issue 17: the record says where a flash stopped). */
  private readonly unrecorded = new Set<Promise<unknown>>();

  private constructor(
    readonly loaded: LoadedJob,
    private readonly slots: SlotSpec[],
    private readonly opts: StationOptions,
    readonly record: StationRecord,
    private readonly journal: StationJournal,
  ) {
    for (const s of slots) this.states.set(s.id, { id: s.id, label: s.label, probe: s.probe, phase: 'idle', progress: 0, bytesPerSecond: 0 });
  }

  static async open(loaded: LoadedJob, slots: SlotSpec[], opts: StationOptions): Promise<Station> {
    const record = await StationRecord.open(opts.recordPath);
    const journal = await StationJournal.open(`${opts.recordPath}.journal`, loaded.job.serial?.start ?? 1);
    const station = new Station(loaded, slots, opts, record, journal);
    await station.recordInterrupted();
    return station;
  }

  /** Boards a killed station left mid-run: one row each, marked interrupted; their serials stay used. */
  private async recordInterrupted(): Promise<void> {
    for (const c of this.journal.interrupted()) {
      const row = this.row({ slot: c.slot, probe: c.probe, uid: '', serial: c.serial ?? '', result: 'interrupted', phases: [], errorCategory: 'interrupted', errorMessage: INTERRUPTED_MESSAGE, durationMs: 0, time: c.time });
      await this.record.append(row);
      await this.journal.end(c.id);
      this.opts.onRow?.(row);
    }
  }

  slotStates(): SlotState[] {
    return this.slots.map((s) => this.states.get(s.id) as SlotState);
  }

  private update(id: string, patch: Partial<SlotState>): void {
    const next = { ...(this.states.get(id) as SlotState), ...patch };
    this.states.set(id, next);
    this.opts.onSlot?.(next);
  }

  private row(r: Omit<StationRow, 'station' | 'job' | 'imageSha256' | 'imageCrc32' | 'time'> & { time?: string }): StationRow {
    return {
      time: r.time ?? new Date().toISOString(),
      station: this.opts.name,
      job: this.loaded.job.name,
      imageSha256: this.loaded.sha256,
      imageCrc32: '0x' + this.loaded.crc32.toString(16).padStart(8, '0'),
      slot: r.slot,
      probe: r.probe,
      uid: r.uid,
      serial: r.serial,
      result: r.result,
      phases: r.phases,
      errorCategory: r.errorCategory,
      errorMessage: r.errorMessage,
      durationMs: r.durationMs,
    };
  }

  /** The serial number the counter gives next, when the job provisions counter serials. */
  nextSerial(): string | undefined {
    const ser = this.loaded.job.serial;
    return ser && ser.source === 'counter' ? formatSerial(ser.format, this.journal.peekNext()) : undefined;
  }

  isRunning(id?: string): boolean {
    return id === undefined ? this.running.size > 0 : this.running.has(id);
  }

  /** One board on one slot. `typedSerial`: the operator's (or scanner's) serial when the job asks for typed ones. */
  runSlot(id: string, typedSerial?: string): Promise<StationRow> {
    const run = this.runSlotNow(id, typedSerial);
    this.unrecorded.add(run);
    void run.catch(() => undefined).finally(() => this.unrecorded.delete(run));
    return run;
  }

  private async runSlotNow(id: string, typedSerial?: string): Promise<StationRow> {
    const spec = this.slots.find((s) => s.id === id);
    if (!spec) throw new Error(`no slot '${id}'`);
    if (this.running.has(id)) throw new Error(`slot ${spec.label} is already running`);
    const ser = this.loaded.job.serial;
    if (ser?.source === 'typed' && !typedSerial) throw new Error(`slot ${spec.label}: this job takes a typed or scanned serial number`);
    const abort = new AbortController();
    this.running.set(id, abort);
    const t0 = performance.now();
    try {
      this.update(id, { phase: 'connect', progress: 0, bytesPerSecond: 0, result: undefined, error: undefined, finding: undefined, uid: undefined, serial: undefined, durationMs: undefined });
      const claim = await this.journal.claim(spec.id, spec.probe);
      let serial: string | undefined;
      const outcome = await runBoard(spec.profile, this.loaded, {
        phase: (phase, progress = 0, bytesPerSecond = 0) => this.update(id, { phase, progress, bytesPerSecond }),
        uid: (uid) => this.update(id, { uid }),
        serial: async () => {
          if (!ser) return undefined;
          serial = await this.journal.assignSerial(claim.id, ser.source === 'typed' ? { typed: typedSerial as string } : { format: (n) => formatSerial(ser.format, n) });
          this.update(id, { serial });
          return serial;
        },
        signal: abort.signal,
      });
      const durationMs = Math.round(performance.now() - t0);
      const row = this.row({
        slot: spec.id,
        probe: spec.probe,
        uid: outcome.uid,
        serial: serial ?? '',
        result: outcome.ok ? 'pass' : 'fail',
        phases: outcome.phases,
        errorCategory: outcome.ok ? '' : (outcome.finding?.category ?? 'unknown'),
        errorMessage: outcome.error ?? '',
        durationMs,
      });
      await this.record.append(row);
      await this.journal.end(claim.id);
      this.update(id, { phase: 'done', progress: 1, result: row.result, durationMs, ...(outcome.error ? { error: outcome.error } : {}), ...(outcome.finding ? { finding: outcome.finding } : {}) });
      this.opts.onRow?.(row);
      return row;
    } finally {
      this.running.delete(id);
    }
  }

  /** Every slot at once; resolves when all have a row. */
  runAll(): Promise<StationRow[]> {
    return Promise.all(this.slots.filter((s) => !this.running.has(s.id)).map((s) => this.runSlot(s.id)));
  }

  /** Slots whose last attempt failed or was interrupted, again. */
  rerunFailed(): Promise<StationRow[]> {
    const failed = this.slotStates().filter((s) => s.result === 'fail' || s.result === 'interrupted');
    return Promise.all(failed.map((s) => this.runSlot(s.id)));
  }

  /** Asks every running slot to stop after the flash chunk in flight (the row says where it stopped). */
  stopAll(reason?: unknown): void {
    for (const a of this.running.values()) a.abort(reason);
  }

  /** Resolves when every running slot has its row in the record (or after `timeoutMs`). */
  async recorded(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.unrecorded]), new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Today's rows (local date) in numbers: passed, failed, yield, failures by category. */
  async summary(now = new Date()): Promise<StationSummary> {
    const { rows } = await this.record.read();
    const day = now.toDateString();
    return summarise(rows.filter((r) => new Date(r.time).toDateString() === day));
  }
}

export function summarise(rows: readonly StationRow[]): StationSummary {
  const passed = rows.filter((r) => r.result === 'pass').length;
  const failed = rows.filter((r) => r.result === 'fail').length;
  const interrupted = rows.filter((r) => r.result === 'interrupted').length;
  const failuresByCategory: Record<string, number> = {};
  for (const r of rows) if (r.result !== 'pass') failuresByCategory[r.errorCategory || 'unknown'] = (failuresByCategory[r.errorCategory || 'unknown'] ?? 0) + 1;
  return { total: rows.length, passed, failed, interrupted, ...(passed + failed > 0 ? { yield: passed / (passed + failed) } : {}), failuresByCategory };
}
