// The production station in the browser: three virtual boards, one unpowered; Start all
// shows each tile working and then PASS, PASS, FAIL with the troubleshooter's finding.
// Technician mode locks the job (in the page and in main); the record exports as CSV.
// A supervisor's view-only page sees the station and is refused a Start.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { test, expect } from './fixtures';
import { pattern } from './bench-helpers';
import type { Result } from '../shared/errors';

test.describe.configure({ timeout: 180_000 });

/** One request over the serve WebSocket, as the page would send it, with the given token. */
async function invoke(origin: string, token: string, channel: string, request: unknown = {}): Promise<Result<unknown>> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/ws?token=${token}`, { headers: { Origin: origin } });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return await new Promise<Result<unknown>>((resolve) => {
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { t: string; id?: number; result?: Result<unknown> };
        if (m.t === 'result' && m.id === 1 && m.result) resolve(m.result);
      });
      ws.send(JSON.stringify({ t: 'invoke', id: 1, channel, request }));
    });
  } finally {
    ws.close();
  }
}

const errorOf = (r: Result<unknown>): string => (r.ok ? '(it was accepted)' : r.error.message);

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-e2e-station-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('three virtual boards, one unpowered: PASS, PASS, FAIL with the finding; technician mode locks the job; CSV export', async ({ workbench: page, serve, driver }) => {
  const image = path.join(dir, 'station-fw.bin');
  writeFileSync(image, pattern(16 * 1024, 13));

  await page.getByTestId('tab-station').click();
  const panel = page.getByTestId('station');
  await expect(panel).toBeVisible();

  // The job: the image, verify, reset and run, serial numbers from the counter.
  await page.getByTestId('station-image').setInputFiles(image);
  await expect(page.getByTestId('station-job')).toContainText('station-fw.bin (16384 bytes)');
  await page.getByTestId('station-job-name').fill('e2e job');
  await page.getByTestId('station-serial-on').check();
  await page.getByTestId('station-save-job').click();
  await expect(page.getByTestId('station-job-summary')).toContainText('e2e job: station-fw.bin, 16384 bytes');

  // Three virtual boards, the third without power.
  await page.getByTestId('station-vboard-count').fill('3');
  await page.getByTestId('station-fault-3').selectOption('unpowered');
  await page.getByTestId('station-set-slots').click();
  for (const n of [1, 2, 3]) await expect(page.getByTestId(`station-tile-slot-${n}`)).toHaveAttribute('data-phase', 'idle');
  // With slots, the counter says which serial the next board gets.
  await expect(page.getByTestId('station-job-summary')).toContainText('next SN-000001');

  // Every progress bar and phase the tiles show while they work, recorded as it happens.
  await page.evaluate(() => {
    const w = window as unknown as { stationSeen: { progress: number; phases: string[] } };
    w.stationSeen = { progress: 0, phases: [] };
    new MutationObserver(() => {
      for (const p of document.querySelectorAll<HTMLProgressElement>('[data-testid^="station-progress-"]')) w.stationSeen.progress = Math.max(w.stationSeen.progress, p.value);
      for (const t of document.querySelectorAll<HTMLElement>('[data-testid^="station-tile-"]')) {
        const ph = t.dataset.phase ?? '';
        if (!w.stationSeen.phases.includes(ph)) w.stationSeen.phases.push(ph);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'data-phase'] });
  });

  await page.getByTestId('station-start-all').click();
  await expect(page.getByTestId('station-result-slot-1')).toHaveText('PASS', { timeout: 120_000 });
  await expect(page.getByTestId('station-result-slot-2')).toHaveText('PASS', { timeout: 120_000 });
  await expect(page.getByTestId('station-result-slot-3')).toHaveText('FAIL', { timeout: 120_000 });

  const seen = await page.evaluate(() => (window as unknown as { stationSeen: { progress: number; phases: string[] } }).stationSeen);
  expect(seen.phases).toEqual(expect.arrayContaining(['connect', 'program', 'done']));
  expect(seen.progress).toBeGreaterThan(0);

  // Distinct board UIDs and consecutive serials on the two that passed; the unpowered one explains itself.
  const uids = [await page.getByTestId('station-uid-slot-1').textContent(), await page.getByTestId('station-uid-slot-2').textContent()];
  for (const u of uids) expect(u).toMatch(/^[0-9a-f]{24}$/);
  expect(uids[0]).not.toBe(uids[1]);
  const serials = [await page.getByTestId('station-serial-slot-1').textContent(), await page.getByTestId('station-serial-slot-2').textContent()];
  expect(serials.sort()).toEqual(['SN-000001', 'SN-000002']);
  const finding = page.getByTestId('station-finding-slot-3');
  await expect(finding).toBeVisible();
  // The troubleshooter's finding in plain words, and the first thing to do about it.
  await expect(finding.locator('strong')).toContainText('no power');
  await expect(finding).toContainText('Measure VCC to GND');
  await expect(page.getByTestId('station-summary')).toContainText('2 passed, 1 failed of 3');
  await expect(page.getByTestId('station-categories')).toContainText('target-unpowered ×1');
  await expect(page.getByTestId('station-recent').locator('tbody tr')).toHaveCount(3);

  // Technician mode: the form is locked in the page, and main refuses a job change too.
  await page.getByTestId('station-lock').click();
  await expect(page.getByTestId('station-job-name')).toBeDisabled();
  await expect(page.getByTestId('station-save-job')).toBeDisabled();
  await expect(page.getByTestId('station-job')).toContainText('locked: technician mode');
  if (driver === 'browser' && serve) {
    const r = await invoke(serve.origin, serve.token, 'stationSetJob', { name: 'other', imageId: 'img-1', verify: true, after: 'reset-run', readProtect: false });
    expect(errorOf(r)).toBe('the job is locked (technician mode)');
  }
  await page.getByTestId('station-lock').click();
  await expect(page.getByTestId('station-job-name')).toBeEnabled();

  // The record as CSV: the header and one line per board.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('station-export').click();
  const csvPath = await (await downloading).path();
  const lines = readFileSync(csvPath, 'utf8').trim().split('\n');
  expect(lines[0]).toMatch(/^time,station,job,imageSha256/);
  expect(lines.filter((l) => l.includes(',pass,'))).toHaveLength(2);
  expect(lines.filter((l) => l.includes(',fail,'))).toHaveLength(1);
  expect(lines.some((l) => l.includes('SN-000002'))).toBe(true);
});

test("a supervisor's view-only address shows the station and is refused a Start", async ({ serve, driver, browser }) => {
  test.skip(driver !== 'browser' || !serve, 'the view-only token belongs to `bringup serve`');
  if (!serve) return;
  expect(serve.viewUrl).not.toBe(serve.url);
  const page = await browser.newPage();
  try {
    await page.goto(serve.viewUrl);
    await expect(page.getByTestId('view-only')).toHaveText('View only');
    // It opens on the station, with every control there disabled.
    await expect(page.getByTestId('station')).toBeVisible();
    await expect(page.getByTestId('station-view-only-note')).toBeVisible();
    await expect(page.getByTestId('station-summary')).toBeVisible();
    await expect(page.getByTestId('station-start-all')).toBeDisabled();
    await expect(page.getByTestId('station-lock')).toBeDisabled();
    // Nor can the page type OpenOCD commands: the console reads, its prompt is disabled.
    await expect(page.getByTestId('console-input')).toBeDisabled();
    // Reading the record is allowed; starting is not, whatever the page's buttons say.
    await expect(page.getByTestId('station-export')).toBeEnabled();
    const r = await invoke(serve.origin, new URL(serve.viewUrl).searchParams.get('token') ?? '', 'stationStart');
    expect(errorOf(r)).toBe("view-only access: 'stationStart' changes the bench and is refused for this token");
    const view = await invoke(serve.origin, new URL(serve.viewUrl).searchParams.get('token') ?? '', 'stationView');
    expect(view.ok).toBe(true);
  } finally {
    await page.close();
  }
});
