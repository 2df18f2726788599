// The station's record: one row per board attempt, appended as JSON Lines and as CSV,
// each row fsync'd before the station moves on, never rewritten. A crash mid-append can
// leave at most a torn last line, which reading skips (and says so); every finished row
// before it stays intact.
import { promises as fs } from 'node:fs';
import { appendDurably } from '../files/append-durably';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { StationRow } from '../../shared/station';

export type { StationResult, StationRow } from '../../shared/station';

const CSV_COLUMNS: Array<keyof StationRow> = ['time', 'station', 'job', 'imageSha256', 'imageCrc32', 'slot', 'probe', 'uid', 'serial', 'result', 'phases', 'errorCategory', 'errorMessage', 'durationMs'];

function csvLine(row: StationRow): string {
  const cells = CSV_COLUMNS.map((c) => (c === 'phases' ? row.phases.map((p) => `${p.phase}:${p.ms}`).join(';') : String(row[c])));
  return stringify([cells]);
}

export function csvPathFor(jsonlPath: string): string {
  return jsonlPath.replace(/\.jsonl?$/i, '') + '.csv';
}

export class StationRecord {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly jsonlPath: string,
    readonly csvPath: string,
  ) {}

  static async open(jsonlPath: string): Promise<StationRecord> {
    await fs.mkdir(path.dirname(path.resolve(jsonlPath)), { recursive: true });
    const r = new StationRecord(jsonlPath, csvPathFor(jsonlPath));
    const csvExists = await fs.stat(r.csvPath).then(() => true, () => false);
    if (!csvExists) await appendDurably(r.csvPath, stringify([CSV_COLUMNS]));
    // A torn last line (a crash mid-append) is closed off, so the next row starts on its own line.
    const text = await fs.readFile(jsonlPath, 'utf8').catch(() => '');
    if (text && !text.endsWith('\n')) await appendDurably(jsonlPath, '\n');
    return r;
  }

  /** Appends one row to both files; resolves once both are on disk. Appends are serialised. */
  append(row: StationRow): Promise<void> {
    const next = this.queue.then(async () => {
      await appendDurably(this.jsonlPath, JSON.stringify(row) + '\n');
      await appendDurably(this.csvPath, csvLine(row));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Every complete row, oldest first; `torn` counts lines that are not a whole row. */
  async read(): Promise<{ rows: StationRow[]; torn: number }> {
    const text = await fs.readFile(this.jsonlPath, 'utf8').catch(() => '');
    const rows: StationRow[] = [];
    let torn = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        rows.push(JSON.parse(line) as StationRow);
      } catch {
        torn++;
      }
    }
    return { rows, torn };
  }
}
