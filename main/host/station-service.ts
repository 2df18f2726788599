// The station inside the app (and `bringup serve`): one Station for the process, shared by
// every window. The operator sets the job (an image staged like the flash panel's, plus
// verify / after / serials), the slots (virtual boards, or probes by serial, hot-plug
// aware: a probe plugged in becomes a slot), then starts all, one, or the failed ones.
// Technician mode locks the job. Every slot change and every record row goes to each
// window that listens.
import { FlashInterrupt } from '../session/flash/interrupted';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DetectedAdapter } from '../../shared/adapters';
import type { SlotState, StationRow, StationView } from '../../shared/station';
import { ValidationError } from '../openocd/errors';
import { profileForAdapter } from '../profiles/from-adapter';
import { jobSchema, prepareJob, type LoadedJob } from '../station/job';
import { Station, summarise, type SlotSpec } from '../station/station';
import { startVboards, type VboardSlots } from '../station/vboard-slots';
import type { ImageStore } from './image-store';

export interface StationJobRequest {
  name: string;
  imageId: string;
  address?: number;
  verify: boolean;
  after: 'reset-run' | 'halt' | 'none';
  readProtect: boolean;
  serial?: { address: number; format: string; start: number; source: 'counter' | 'typed' };
}

export type StationSlotsRequest = { mode: 'vboards'; count: number; faults?: string[][] } | { mode: 'probes'; serials: string[] };

export interface StationListener {
  slot(s: SlotState): void;
  row(r: StationRow): void;
}

interface Deps {
  images: ImageStore;
  userDataDir: string;
  listAdapters(): Promise<DetectedAdapter[]>;
}

const HOTPLUG_MS = 2000;

export class StationService {
  private loaded: LoadedJob | undefined;
  private imageName = '';
  private station: Station | undefined;
  private boards: VboardSlots | undefined;
  private slots: SlotSpec[] = [];
  private mode: 'vboards' | 'probes' = 'vboards';
  private locked = false;
  private autoStart = false;
  private hotplug: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<StationListener>();

  constructor(private readonly deps: () => Deps) {}

  get recordPath(): string {
    return path.join(this.deps().userDataDir, 'station', 'record.jsonl');
  }

  listen(l: StationListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  async view(): Promise<StationView> {
    const { rows } = this.station ? await this.station.record.read() : { rows: await this.readRows() };
    const today = new Date().toDateString();
    const j = this.loaded?.job;
    return {
      ...(j && this.loaded
        ? {
            job: {
              name: j.name,
              imageName: this.imageName,
              size: this.loaded.size,
              crc32: '0x' + this.loaded.crc32.toString(16).padStart(8, '0'),
              verify: j.verify,
              after: j.after,
              readProtect: j.readProtect,
              ...(j.serial ? { serial: { address: j.serial.address, format: j.serial.format, source: j.serial.source } } : {}),
            },
          }
        : {}),
      mode: this.mode,
      slots: this.station?.slotStates() ?? this.slots.map((s) => ({ id: s.id, label: s.label, probe: s.probe, phase: 'idle', progress: 0, bytesPerSecond: 0 })),
      locked: this.locked,
      autoStart: this.autoStart,
      summary: summarise(rows.filter((r) => new Date(r.time).toDateString() === today)),
      recent: rows.slice(-20).reverse(),
      recordPath: this.recordPath,
      ...(this.station?.nextSerial() ? { nextSerial: this.station.nextSerial() } : {}),
    };
  }

  private async readRows(): Promise<StationRow[]> {
    const text = await fs.readFile(this.recordPath, 'utf8').catch(() => '');
    return text.split('\n').flatMap((l) => {
      try {
        return l.trim() ? [JSON.parse(l) as StationRow] : [];
      } catch {
        return [];
      }
    });
  }

  async setJob(req: StationJobRequest): Promise<StationView> {
    if (this.locked) throw new ValidationError('the job is locked (technician mode)', { hint: 'Unlock the station to change the job.' });
    this.refuseWhileRunning('change the job');
    const image = await this.deps().images.load(req.imageId, req.address);
    const parsed = jobSchema.safeParse({ name: req.name, image: image.source, ...(req.address !== undefined ? { address: req.address } : {}), verify: req.verify, after: req.after, readProtect: req.readProtect, ...(req.serial ? { serial: req.serial } : {}) });
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new ValidationError(`${i?.path.join('.') || 'job'}: ${i?.message ?? 'invalid'}`);
    }
    this.loaded = prepareJob(parsed.data, image, image.source);
    this.imageName = path.basename(image.source);
    await this.rebuild();
    return this.view();
  }

  async setSlots(req: StationSlotsRequest): Promise<StationView> {
    this.refuseWhileRunning('change the slots');
    await this.boards?.close();
    this.boards = undefined;
    this.stopHotplug();
    this.mode = req.mode;
    if (req.mode === 'vboards') {
      this.boards = await startVboards(req.count, (i) => req.faults?.[i] ?? []);
      this.slots = this.boards.slots;
    } else {
      this.slots = [];
      await this.addProbes(req.serials);
      this.hotplug = setInterval(() => void this.scanProbes(), HOTPLUG_MS);
      this.hotplug.unref();
    }
    await this.rebuild();
    if (this.autoStart) this.startIdle();
    return this.view();
  }

  private async addProbes(serials: string[]): Promise<boolean> {
    const all = await this.deps().listAdapters();
    let added = false;
    for (const serial of serials) {
      if (this.slots.some((s) => s.probe === serial)) continue;
      const adapter = all.find((a) => a.serial === serial || a.openocdSerial === serial);
      if (!adapter) throw new ValidationError(`no probe with serial ${serial} is plugged in`, { hint: 'Plug it in, or pick one from the adapters list.' });
      const { profile } = profileForAdapter(all, adapter);
      if (!profile) throw new ValidationError(`probe ${serial}: no OpenOCD interface cfg fits it on its own`);
      const n = this.slots.length + 1;
      this.slots.push({ id: `slot-${n}`, label: `Slot ${n}`, probe: serial, profile: { ...profile, id: `station-${serial}`, targetCfg: this.loaded?.job.target ?? 'target/stm32f1x.cfg' } });
      added = true;
    }
    return added;
  }

  /** Hot-plug: every probe with a serial that appears becomes a slot (auto-started when asked). */
  private async scanProbes(): Promise<void> {
    if (this.station?.isRunning()) return;
    const all = await this.deps().listAdapters().catch(() => []);
    const fresh = all.map((a) => a.serial).filter((s): s is string => !!s && !this.slots.some((x) => x.probe === s));
    if (fresh.length === 0) return;
    if (await this.addProbes(fresh).catch(() => false)) {
      await this.rebuild();
      if (this.autoStart) this.startIdle();
    }
  }

  private stopHotplug(): void {
    if (this.hotplug) clearInterval(this.hotplug);
    this.hotplug = undefined;
  }

  private async rebuild(): Promise<void> {
    if (!this.loaded || this.slots.length === 0) {
      this.station = undefined;
      return;
    }
    this.station = await Station.open(this.loaded, this.slots, {
      name: os.hostname(),
      recordPath: this.recordPath,
      onSlot: (s) => this.listeners.forEach((l) => l.slot(s)),
      onRow: (r) => this.listeners.forEach((l) => l.row(r)),
    });
  }

  private refuseWhileRunning(what: string): void {
    if (this.station?.isRunning()) throw new ValidationError(`boards are being programmed: cannot ${what} now`, { hint: 'Wait for the slots to finish, or stop them.' });
  }

  private require(): Station {
    if (!this.loaded) throw new ValidationError('no job yet', { hint: 'Choose the image and save the job first.' });
    if (!this.station) throw new ValidationError('no slots yet', { hint: 'Add virtual boards or probes first.' });
    return this.station;
  }

  /** Starts one slot or all idle ones; returns at once (progress comes as events). */
  start(slotId?: string, typedSerial?: string): { started: string[] } {
    const st = this.require();
    const ids = slotId ? [slotId] : st.slotStates().filter((s) => !st.isRunning(s.id)).map((s) => s.id);
    if (slotId && st.isRunning(slotId)) throw new ValidationError(`${slotId} is already running`);
    for (const id of ids) void st.runSlot(id, typedSerial).catch((e: Error) => this.listeners.forEach((l) => l.slot({ ...(st.slotStates().find((s) => s.id === id) as SlotState), result: 'fail', error: e.message, phase: 'done' })));
    return { started: ids };
  }

  private startIdle(): void {
    if (!this.loaded || this.loaded.job.serial?.source === 'typed') return; // typed serials need the operator
    try {
      this.start();
    } catch {
      // no job or no slots yet: nothing to auto-start
    }
  }

  rerunFailed(): { started: string[] } {
    const st = this.require();
    const failed = st.slotStates().filter((s) => (s.result === 'fail' || s.result === 'interrupted') && !st.isRunning(s.id));
    for (const s of failed) void st.runSlot(s.id).catch(() => undefined);
    return { started: failed.map((s) => s.id) };
  }

  stop(): { stopping: number } {
    const n = this.station?.slotStates().filter((s) => this.station?.isRunning(s.id)).length ?? 0;
    this.station?.stopAll();
    return { stopping: n };
  }

  lock(locked: boolean): StationView['locked'] {
    this.locked = locked;
    return this.locked;
  }

  setAutoStart(on: boolean): boolean {
    this.autoStart = on;
    if (on) this.startIdle();
    return on;
  }

  /** The record as CSV (the file itself: every row ever, this station's and others' on this machine). */
  async exportCsv(): Promise<string> {
    return fs.readFile(this.recordPath.replace(/\.jsonl$/, '.csv'), 'utf8').catch(() => '');
  }

  /**
   * `why` (a signal): running slots stop after the flash chunk in flight and their rows say
   * "the flash was interrupted at 0x…; … flash again" before the boards go.
   */
  async dispose(why?: string): Promise<void> {
    this.stopHotplug();
    this.station?.stopAll(why === undefined ? undefined : new FlashInterrupt(why));
    await this.station?.recorded();
    await this.boards?.close();
  }
}
