// Renderer time to interactive: from page load (navigation start) to the connection panel's
// Connect button present and enabled (profiles synced over the socket, a profile selected),
// loading the real `bringup serve` (dist/cli.js, dist/renderer) in Chromium headless, next to
// its floor in the same run and browser: a blank React page (one enabled button rendered by
// react-dom/client, production build) served over HTTP by the same static handler serve uses.
// Fresh browser context per load (cold cache for both), interleaved A B B A. Prints medians,
// the ratio (goal <= 1.2) and every run. Never asserts. Needs `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser } from '@playwright/test';
import { createStaticHandler } from '../main/serve/static';

const ROOT = path.resolve(__dirname, '..', '..');
// Loaded from node_modules at run time: Playwright and esbuild cannot be bundled (bench.mjs bundles each bench).
const load = createRequire(path.join(ROOT, 'package.json'));
const { chromium } = load('@playwright/test') as typeof import('@playwright/test');
const { build } = load('esbuild') as typeof import('esbuild');
const ROUNDS = Number(process.env.TTI_BENCH_ROUNDS ?? 4);

/** `bringup serve` as a user starts it; resolves with the tokenised URL it prints. */
function startServe(userData: string): Promise<{ url: string; child: ChildProcess }> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} missing: run npm run build first`);
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, BRINGUP_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
      const m = /Listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bringup serve exited (${code}):\n${out}`)));
    setTimeout(() => reject(new Error(`bringup serve printed no URL in 20 s:\n${out}`)), 20_000).unref();
  });
}

function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

/** The floor page: React 19 production build rendering one enabled button, nothing else. */
async function blankReactPage(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.tsx');
  writeFileSync(
    entry,
    "import { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.getElementById('root') as HTMLElement).render(<button type=\"button\" data-testid=\"connect\">Connect</button>);\n",
  );
  await build({
    entryPoints: [entry],
    outfile: path.join(dir, 'assets', 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    minify: true,
    nodePaths: [path.join(ROOT, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/index.js"></script></head><body><div id="root"></div></body></html>',
  );
}

/** ms from navigation start until the Connect button exists and is enabled, in a cold context. */
async function timeToConnect(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const b = document.querySelector('[data-testid="connect"]') as HTMLButtonElement | null;
        // Visible too: the page renders into a hidden root while it checks its token.
        return b !== null && !b.disabled && b.checkVisibility() ? performance.now() : false;
      },
      null,
      { polling: 5, timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-ttibench-'));
  const blankDir = path.join(dir, 'blank');
  const userData = path.join(dir, 'ud');
  let serve: ChildProcess | undefined;
  let server: Server | undefined;
  try {
    await blankReactPage(blankDir);
    const handler = createStaticHandler(blankDir);
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const blankUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const started = await startServe(userData);
    serve = started.child;
    const browser = await chromium.launch({
      executablePath: process.env.BRINGUP_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      // One warm-up of each (Chromium's own first-launch costs), not counted.
      await timeToConnect(browser, started.url);
      await timeToConnect(browser, blankUrl);
      const ours: number[] = [];
      const floor: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(await timeToConnect(browser, started.url));
        floor.push(await timeToConnect(browser, blankUrl));
        floor.push(await timeToConnect(browser, blankUrl));
        ours.push(await timeToConnect(browser, started.url));
      }
      const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      const runs = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
      console.log(`renderer time to interactive: navigation start -> Connect button enabled, Chromium headless, cold context, ${ROUNDS} rounds of A B B A`);
      console.log(`  A bringup serve (connection panel): median ${med(ours).toFixed(0)} ms  (runs ${runs(ours)})`);
      console.log(`  B floor: blank React page         : median ${med(floor).toFixed(0)} ms  (runs ${runs(floor)})`);
      console.log(`  ratio A/B: ${(med(ours) / med(floor)).toFixed(2)} (goal <= 1.2)`);
    } finally {
      await browser.close();
    }
  } finally {
    if (serve) await stopServe(serve);
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
