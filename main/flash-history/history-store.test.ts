import { mkdtempSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlashHistoryStore } from './history-store';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'flash-history-'));
const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

describe('flash history', () => {
  it('records a flash with the CRC32 of its bytes and keeps it across a restart', async () => {
    const dir = tmp();
    const a = new FlashHistoryStore(dir);
    // CRC32 of "123456789" is the standard check value 0xCBF43926.
    const row = await a.record({ name: 'check.bin', bytes: new TextEncoder().encode('123456789'), format: 'bin', address: 0x08008000, result: 'done', resetAfter: true });
    expect(row.crc32).toBe(0xcbf43926);
    expect(row.size).toBe(9);
    const b = new FlashHistoryStore(dir);
    const rows = await b.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'check.bin', crc32: 0xcbf43926, result: 'done', address: 0x08008000 });
    // An uploaded image's bytes stay for "Flash again".
    expect(Array.from((await b.keptBytes(rows[0]!)) ?? [])).toEqual(Array.from(new TextEncoder().encode('123456789')));
  });

  it('keeps the newest 20, newest first, and drops images no row uses', async () => {
    const dir = tmp();
    const s = new FlashHistoryStore(dir);
    for (let i = 0; i < 23; i++) await s.record({ name: `img${i}.bin`, bytes: bytes(64, i), format: 'bin', result: 'done', resetAfter: false });
    const rows = await new FlashHistoryStore(dir).list();
    expect(rows).toHaveLength(20);
    expect(rows[0]!.name).toBe('img22.bin');
    expect(rows[19]!.name).toBe('img3.bin');
    const kept = (await fs.readdir(path.join(dir, 'flash-history'))).filter((n) => n.endsWith('.img'));
    expect(kept).toHaveLength(20);
  });

  it('a torn history file (crash mid-write by an older version) reads as empty and the next flash writes a good one', async () => {
    const dir = tmp();
    await fs.mkdir(path.join(dir, 'flash-history'), { recursive: true });
    writeFileSync(path.join(dir, 'flash-history', 'history.json'), '[{"id":"x","name":"a.bin","si');
    const s = new FlashHistoryStore(dir);
    expect(await s.list()).toEqual([]);
    await s.record({ name: 'b.bin', bytes: bytes(16, 1), format: 'bin', result: 'failed', resetAfter: true });
    const rows = await new FlashHistoryStore(dir).list();
    expect(rows.map((r) => [r.name, r.result])).toEqual([['b.bin', 'failed']]);
    // No temp file is left behind by the atomic write.
    expect((await fs.readdir(path.join(dir, 'flash-history'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a file chosen from disk is not copied: its path is kept', async () => {
    const dir = tmp();
    const s = new FlashHistoryStore(dir);
    const row = await s.record({ name: 'fw.hex', bytes: bytes(32, 2), format: 'ihex', path: '/some/where/fw.hex', result: 'done', resetAfter: true });
    expect(row.path).toBe('/some/where/fw.hex');
    expect(await s.keptBytes(row)).toBeUndefined();
  });
});
