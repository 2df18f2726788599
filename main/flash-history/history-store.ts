// The last flashes, persisted in the user-data folder. The list is one JSON file
// written atomically (a crash leaves the old list or the new one); an uploaded image's
// bytes are kept beside it, named by CRC32, so "Flash again" works after a restart.
// A file chosen from disk is not copied: it is read again from its path.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { FLASH_HISTORY_MAX, type FlashHistoryEntry } from '../../shared/flash-history';
import { writeFileAtomic } from '../files/atomic-write';

export interface RecordInput {
  name: string;
  bytes: Uint8Array;
  format: string;
  address?: number;
  path?: string;
  result: FlashHistoryEntry['result'];
  resetAfter: boolean;
  time?: Date;
}

export class FlashHistoryStore {
  private readonly dir: string;
  private readonly file: string;
  private cache: FlashHistoryEntry[] | undefined;
  private seq = 0;
  /** Writes go one after another so two quick flashes cannot lose a row. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string) {
    this.dir = path.join(userDataDir, 'flash-history');
    this.file = path.join(this.dir, 'history.json');
  }

  /** Newest first. A missing or unreadable (torn, hand-edited) file reads as an empty history. */
  async list(): Promise<FlashHistoryEntry[]> {
    // A flash that just ended is in the list once its row is written (the window asks on the final event).
    await this.queue;
    return this.load();
  }

  private async load(): Promise<FlashHistoryEntry[]> {
    if (this.cache) return this.cache;
    let rows: FlashHistoryEntry[] = [];
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.file, 'utf8'));
      if (Array.isArray(parsed)) rows = parsed.filter(isEntry).slice(0, FLASH_HISTORY_MAX);
    } catch {
      rows = [];
    }
    this.cache = rows;
    return rows;
  }

  record(input: RecordInput): Promise<FlashHistoryEntry> {
    const run = this.queue.then(() => this.recordNow(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  get(id: string): Promise<FlashHistoryEntry | undefined> {
    return this.list().then((rows) => rows.find((r) => r.id === id));
  }

  /** The kept bytes of an uploaded image; undefined when they are gone. */
  async keptBytes(entry: FlashHistoryEntry): Promise<Uint8Array | undefined> {
    return fs.readFile(this.blobPath(entry.crc32)).catch(() => undefined);
  }

  private async recordNow(input: RecordInput): Promise<FlashHistoryEntry> {
    const crc = crc32(input.bytes) >>> 0;
    const time = (input.time ?? new Date()).toISOString();
    const entry: FlashHistoryEntry = {
      id: `${Date.now().toString(36)}-${(++this.seq).toString(36)}-${crc.toString(16)}`,
      name: input.name,
      size: input.bytes.length,
      crc32: crc,
      format: input.format,
      time,
      result: input.result,
      resetAfter: input.resetAfter,
    };
    if (input.address !== undefined) entry.address = input.address;
    if (input.path) entry.path = input.path;
    else await this.keepBytes(crc, input.bytes);
    const rows = [entry, ...(await this.load())].slice(0, FLASH_HISTORY_MAX);
    await writeFileAtomic(this.file, JSON.stringify(rows, null, 1));
    this.cache = rows;
    await this.dropUnused(rows);
    return entry;
  }

  private async keepBytes(crc: number, bytes: Uint8Array): Promise<void> {
    const blob = this.blobPath(crc);
    const have = await fs.stat(blob).catch(() => undefined);
    if (have?.size === bytes.length) return;
    await writeFileAtomic(blob, bytes);
  }

  /** Kept images no row refers to any more (pushed out of the last 20). */
  private async dropUnused(rows: FlashHistoryEntry[]): Promise<void> {
    const used = new Set(rows.filter((r) => !r.path).map((r) => path.basename(this.blobPath(r.crc32))));
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith('.img') && !used.has(n)).map((n) => fs.rm(path.join(this.dir, n), { force: true })));
  }

  private blobPath(crc: number): string {
    return path.join(this.dir, `${crc.toString(16).padStart(8, '0')}.img`);
  }
}

function isEntry(v: unknown): v is FlashHistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.name === 'string' && typeof r.size === 'number' && typeof r.crc32 === 'number' && typeof r.time === 'string' && typeof r.result === 'string';
}
