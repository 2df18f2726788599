// The station's files and formats without hardware: the job's validation words, serial
// formats, and the journal and record surviving a crash mid-append.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadJob } from './job';
import { StationJournal } from './journal';
import { StationRecord, type StationRow } from './record';
import { formatSerial, serialBytes, validateSerialFormat } from './serial-format';
import { summarise } from './station';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-station-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function row(result: StationRow['result'], errorCategory = ''): StationRow {
  return { time: new Date().toISOString(), station: 's', job: 'j', imageSha256: 'x', imageCrc32: '0x0', slot: 'slot-1', probe: 'p', uid: '', serial: '', result, phases: [], errorCategory, errorMessage: '', durationMs: 1 };
}

describe('station job', () => {
  writeFileSync(path.join(tmp, 'fw.bin'), Buffer.alloc(1024, 0x11));
  const job = (o: unknown): string => {
    const f = path.join(tmp, `job-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, JSON.stringify(o));
    return f;
  };
  it('an image alone is a job with the defaults: program, verify, reset and run', async () => {
    writeFileSync(path.join(tmp, 'fw.hex'), ':0400000001020304F2\n:00000001FF\n');
    const l = await loadJob(path.join(tmp, 'fw.hex'));
    expect(l.job).toMatchObject({ verify: true, after: 'reset-run', readProtect: false });
    expect(l.size).toBe(4);
    expect(l.crc32).toBe(0xb63cfbcd);
  });
  it('a raw .bin given alone takes its load address from --address, and says so when it has none', async () => {
    const l = await loadJob(path.join(tmp, 'fw.bin'), { address: 0x08000000 });
    expect(l.image.segments[0]?.address).toBe(0x08000000);
    expect(l.size).toBe(1024);
    await expect(loadJob(path.join(tmp, 'fw.bin'))).rejects.toThrow(/a raw binary has no addresses of its own/);
    await expect(loadJob(job({ image: 'fw.bin', address: '0x08000000' }), { address: 0x08000000 })).rejects.toThrow(/--address goes with an image given alone/);
  });
  it('names the bad field and what to write', async () => {
    await expect(loadJob(job({ image: 'fw.bin', address: '0x08000000', after: 'explode' }))).rejects.toThrow(/after: /);
    await expect(loadJob(job({ image: 'fw.bin', address: '08000000' }))).rejects.toThrow(/address: write an address as a number or "0x\.\.\." hex/);
    await expect(loadJob(job({ image: 'fw.bin', address: '0x08000000', serial: { address: '0x0800fc00', format: 'SN' } }))).rejects.toThrow(/serial\.format: must contain \{n\}/);
    await expect(loadJob(job({ image: 'fw.bin', address: '0x08000000', colour: 'red' }))).rejects.toThrow(/colour|Unrecognized key/);
    await expect(loadJob(job({ image: 'missing.bin', address: '0x08000000' }))).rejects.toThrow(/missing\.bin/);
    await expect(loadJob(job({ image: 'fw.bin', address: '0x08000000', serial: { address: '0x08000100' } }))).rejects.toThrow(/serial\.address 0x08000100 lies inside the image/);
    await expect(loadJob(path.join(tmp, 'nope.json'))).rejects.toThrow(/cannot read the job file/);
  });
});

describe('serial numbers', () => {
  it('formats the counter and writes NUL-terminated ASCII padded to a word', () => {
    expect(formatSerial('SN-{n:06}', 42)).toBe('SN-000042');
    expect(formatSerial('{n}', 7)).toBe('7');
    expect(validateSerialFormat('SN-{n:06}-{n}')).toMatch(/exactly once/);
    expect([...serialBytes('AB')]).toEqual([0x41, 0x42, 0, 0xff]);
  });
});

describe('journal and record after a crash', () => {
  it('an open claim is reported as interrupted; its serial is never given again; a torn line is skipped', async () => {
    const file = path.join(tmp, 'j1.journal');
    const j = await StationJournal.open(file, 1);
    const a = await j.claim('slot-1', 'p1');
    expect(await j.assignSerial(a.id, { format: (n) => `SN-${n}` })).toBe('SN-1');
    await j.end(a.id);
    const b = await j.claim('slot-2', 'p2');
    await j.assignSerial(b.id, { format: (n) => `SN-${n}` });
    appendFileSync(file, '{"t":"claim","id":"torn'); // killed mid-append
    const again = await StationJournal.open(file, 1);
    expect(again.interrupted().map((c) => [c.slot, c.serial])).toEqual([['slot-2', 'SN-2']]);
    const c = await again.claim('slot-1', 'p1');
    expect(await again.assignSerial(c.id, { format: (n) => `SN-${n}` })).toBe('SN-3');
    await expect(again.assignSerial(c.id, { typed: 'SN-1' })).rejects.toThrow(/SN-1 was given before/);
  });
  it('reads every whole row of the record and counts a torn one', async () => {
    const file = path.join(tmp, 'r1.jsonl');
    const r = await StationRecord.open(file);
    await r.append(row('pass'));
    await r.append(row('fail', 'wiring'));
    appendFileSync(file, '{"time":"2026');
    const reopened = await StationRecord.open(file);
    await reopened.append(row('pass'));
    const got = await reopened.read();
    expect(got.rows.map((x) => x.result)).toEqual(['pass', 'fail', 'pass']);
    expect(got.torn).toBe(1);
    expect(summarise(got.rows)).toMatchObject({ total: 3, passed: 2, failed: 1, failuresByCategory: { wiring: 1 } });
  });
});
