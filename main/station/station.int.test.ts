// The production station against real OpenOCD and virtual boards: the built CLI as a
// technician runs it (4 boards, one faulty), a kill -9 mid-run (nothing finished is lost,
// the interrupted board is recorded at the next start, no serial is given twice, no
// OpenOCD is left), and the library with in-process boards (serials read back from flash).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../session/session';
import { loadJob } from './job';
import type { StationRow } from './record';
import { Station } from './station';
import { startVboards } from './vboard-slots';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-station-test-'));
const cli = path.join(tmp, 'cli.js');
const env = { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: path.join(tmp, 'user-data') };

function writeJob(name: string, imageBytes: number, extra: Record<string, unknown> = {}): string {
  const img = path.join(tmp, `${name}.bin`);
  const b = Buffer.alloc(imageBytes);
  for (let i = 0; i < b.length; i++) b[i] = (i * 31 + 7) & 0xff;
  writeFileSync(img, b);
  const job = path.join(tmp, `${name}.json`);
  writeFileSync(job, JSON.stringify({ name, image: path.basename(img), address: '0x08000000', serial: { address: '0x0800fc00', format: 'SN-{n:06}' }, ...extra }));
  return job;
}

function rows(record: string): StationRow[] {
  return readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as StationRow);
}

/** Processes whose command line names `text` (OpenOCD and boards of a station name its socket folder). */
function processesNaming(text: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', text], { encoding: 'utf8' }).trim().split('\n').filter((l) => l && !l.includes('pgrep'));
  } catch {
    return [];
  }
}

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error', external: ['electron'] });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('bringup station', () => {
  it('flashes 4 virtual boards at once: 3 pass with distinct UIDs and consecutive serials, the unpowered one fails with its category', async () => {
    const job = writeJob('four', 8192);
    const record = path.join(tmp, 'four.jsonl');
    const r = await runCli(['station', job, '--vboards', '4', '--vboard-fault', '2:unpowered', '--record', record, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const got = rows(record);
    expect(got).toHaveLength(4);
    const passed = got.filter((x) => x.result === 'pass');
    expect(passed.map((x) => x.slot).sort()).toEqual(['slot-1', 'slot-3', 'slot-4']);
    expect(new Set(passed.map((x) => x.uid)).size).toBe(3);
    for (const p of passed) expect(p.uid).toMatch(/^[0-9a-f]{24}$/);
    expect(passed.map((x) => x.serial).sort()).toEqual(['SN-000001', 'SN-000002', 'SN-000003']);
    const failed = got.find((x) => x.result === 'fail') as StationRow;
    expect(failed).toMatchObject({ slot: 'slot-2', errorCategory: 'target-unpowered', serial: '' });
    expect(failed.errorMessage).toMatch(/all zeroes/);
    // The CSV holds the same rows (one header line).
    const csv = readFileSync(record.replace(/\.jsonl$/, '.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^time,station,job,imageSha256/);
    expect(csv.filter((l) => /,pass,|,fail,/.test(l))).toHaveLength(4);
    // --json: one line per board, then the summary.
    const summary = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { summary: { passed: number; failed: number } };
    expect(summary.summary).toMatchObject({ passed: 3, failed: 1 });
  });

  it('exits 0 only when every board passed; a bad job names the field', async () => {
    const ok = await runCli(['station', writeJob('two', 1024), '--vboards', '2', '--record', path.join(tmp, 'two.jsonl')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/2 of 2 boards passed/);
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ image: 'two.bin', after: 'explode' }));
    const r = await runCli(['station', bad, '--vboards', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: after: /);
  });

  it('kill -9 mid-run: finished rows stay, the interrupted board is recorded next start, no serial is reused, nothing is left running', async () => {
    const job = writeJob('killed', 60 * 1024);
    const record = path.join(tmp, 'killed.jsonl');
    const child = spawn(process.execPath, [cli, 'station', job, '--vboards', '2', '--record', record], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Kill once a board has its serial (it is about to be programmed).
    await new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const poll = setInterval(() => {
        const journal = existsSync(`${record}.journal`) ? readFileSync(`${record}.journal`, 'utf8') : '';
        if (/"t":"serial"/.test(journal)) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        } else if (Date.now() - t0 > 30_000) {
          clearInterval(poll);
          reject(new Error('no board got a serial within 30 s'));
        }
      }, 20);
    });
    await new Promise((r) => child.once('close', r));
    // Nothing of that run keeps running: its OpenOCDs and boards die with it.
    await expect.poll(() => processesNaming('bringup-station-').filter((l) => /openocd|vboard/.test(l)), { timeout: 10_000 }).toEqual([]);
    const before = existsSync(record) ? rows(record) : [];
    for (const r of before) expect(['pass', 'fail']).toContain(r.result);

    const again = await runCli(['station', job, '--vboards', '1', '--record', record]);
    expect(again.code, again.stderr).toBe(0);
    const after = rows(record);
    expect(after.slice(0, before.length)).toEqual(before);
    const interrupted = after.filter((r) => r.result === 'interrupted');
    expect(interrupted.length).toBeGreaterThanOrEqual(1);
    expect(interrupted[0]?.errorMessage).toMatch(/partly programmed; flash it again/);
    const serials = after.map((r) => r.serial).filter(Boolean);
    expect(new Set(serials).size).toBe(serials.length);
    const last = after[after.length - 1] as StationRow;
    expect(last.result).toBe('pass');
    const maxInterrupted = Math.max(...interrupted.map((r) => Number(r.serial.slice(3)) || 0));
    expect(Number(last.serial.slice(3))).toBeGreaterThan(maxInterrupted);
  });
});

describe('Station (library)', () => {
  it('writes each board its own serial, read back from flash afterwards', async () => {
    const boards = await startVboards(2);
    try {
      const loaded = await loadJob(writeJob('lib', 2048, { serial: { address: '0x0800f800', format: 'LINE3-{n:04}', start: 41 } }));
      const station = await Station.open(loaded, boards.slots, { name: 'test bench', recordPath: path.join(tmp, 'lib.jsonl') });
      const got = await station.runAll();
      expect(got.map((r) => r.result)).toEqual(['pass', 'pass']);
      expect(got.map((r) => r.serial).sort()).toEqual(['LINE3-0041', 'LINE3-0042']);
      for (const slot of boards.slots) {
        const s = await Session.start(slot.profile);
        try {
          const bytes = await s.memory.readBytes(0x0800f800, 12);
          expect(Buffer.from(bytes).toString('latin1').split('\0')[0]).toBe(got.find((r) => r.slot === slot.id)?.serial);
          // And the image itself is there: the first bytes as the job's image has them.
          expect([...(await s.memory.readBytes(0x08000000, 16))]).toEqual([...loaded.image.segments[0]!.data.slice(0, 16)]);
        } finally {
          await s.close();
        }
      }
      const sum = await station.summary();
      expect(sum).toMatchObject({ total: 2, passed: 2, failed: 0, yield: 1 });
    } finally {
      await boards.close();
    }
  });
});
