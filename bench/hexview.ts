// Hex view scrolling in Chromium: the memory panel's HexView on a 1 MiB block, scrolled top
// to bottom one step per animation frame, next to its floor in the same run and browser: a
// page with the same number of plain DOM rows (no React) refilled on scroll. Prints frame
// median and p95 of both, the ratio (goal <= 1.2) and the DOM rows (bounded by the viewport).
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');
// Loaded from node_modules at run time: Playwright and esbuild cannot be bundled (bench.mjs bundles each bench).
const load = createRequire(path.join(ROOT, 'package.json'));
const { chromium } = load('@playwright/test') as typeof import('@playwright/test');
const { build } = load('esbuild') as typeof import('esbuild');
const FRAMES = 240;

async function scrollFrames(page: Page): Promise<{ median: number; p95: number; rows: number }> {
  await page.waitForSelector('[data-testid="hex-view"]');
  return page.evaluate(async (frames) => {
    const view = document.querySelector('[data-testid="hex-view"]') as HTMLElement;
    const step = (view.scrollHeight - view.clientHeight) / frames;
    const times: number[] = [];
    let maxRows = 0;
    await new Promise<void>((resolve) => {
      let last = performance.now();
      let i = 0;
      const tick = (): void => {
        const now = performance.now();
        if (i > 0) times.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, view.querySelectorAll('.hex-row').length);
        if (i++ >= frames) return resolve();
        view.scrollTop = Math.round(i * step);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)] as number, p95: times[Math.floor(times.length * 0.95)] as number, rows: maxRows };
  }, FRAMES);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-hexbench-'));
  try {
    await build({
      entryPoints: [path.join(ROOT, 'bench', '_hexview-page.tsx')],
      outfile: path.join(dir, 'page.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    copyFileSync(path.join(ROOT, 'renderer', 'workbench.css'), path.join(dir, 'workbench.css'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="workbench.css">' +
        '<style>:root{--border:#333;--muted:#888;--mono:monospace}body{margin:0}#root{height:600px;display:flex;flex-direction:column}</style>' +
        '<div id="root"></div><script src="page.js"></script>',
    );
    const browser = await chromium.launch({
      executablePath: process.env.BRINGUP_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const url = `file://${path.join(dir, 'index.html')}`;
      // HexView first, to learn how many rows it keeps in the DOM; the floor gets as many.
      // Then alternate, so both see the same machine load.
      const ours: Array<{ median: number; p95: number; rows: number }> = [];
      const floor: Array<{ median: number; p95: number; rows: number }> = [];
      for (let round = 0; round < 3; round++) {
        await page.goto(`${url}#hexview`);
        ours.push(await scrollFrames(page));
        await page.goto(`${url}?rows=${ours[0]?.rows ?? 40}#baseline`);
        floor.push(await scrollFrames(page));
      }
      const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      const o = { median: med(ours.map((r) => r.median)), p95: med(ours.map((r) => r.p95)), rows: Math.max(...ours.map((r) => r.rows)) };
      const f = { median: med(floor.map((r) => r.median)), p95: med(floor.map((r) => r.p95)), rows: Math.max(...floor.map((r) => r.rows)) };
      console.log(`hex view: scroll 1 MiB (65536 rows) in ${FRAMES} frames, Chromium headless, median of 3 rounds`);
      console.log(`  HexView (React)        : frame median ${o.median.toFixed(1)} ms  p95 ${o.p95.toFixed(1)} ms  DOM rows ${o.rows}`);
      console.log(`  floor (plain DOM rows) : frame median ${f.median.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms  DOM rows ${f.rows}`);
      console.log(`  ratio p95 HexView/floor: ${(o.p95 / f.p95).toFixed(2)} (goal <= 1.2)`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
