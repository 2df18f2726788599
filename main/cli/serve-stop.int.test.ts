// Issue 17: how `bringup serve` (the built CLI, as a user runs it) ends.
// - SIGTERM mid-flash: the flash stops after the chunk in flight, the page gets
//   "SIGTERM: the flash was interrupted at 0x…; the chip is partly programmed: flash
//   again", serve says the same on stderr and exits 1, and no OpenOCD is left; the chip
//   then flashes fine.
// - Its parent (npm, for `npx bringup serve`) is stopped: serve notices and stops, with
//   its OpenOCD.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../images/test-support/writers';
import { TestClient } from '../serve/testing/ws-client';
import { isAlive } from '../../test/process-alive';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-serve-stop-'));
const cli = path.join(tmp, 'cli.js');
const ENV = { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets') };

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error', external: ['electron'] });
  mkdirSync(path.join(tmp, 'renderer'));
  writeFileSync(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>stub</title>');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every descendant of `pid` (pgrep -P, recursively). */
function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

interface Served {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  port: number;
  token: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function waitForText(get: () => string, re: RegExp, exited: Promise<unknown>): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const t = setInterval(() => {
      const m = re.exec(get());
      if (m) {
        clearInterval(t);
        resolve(m);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(t);
      const m = re.exec(get());
      if (m) resolve(m);
      else reject(new Error(`exited before ${re}:\n${get()}`));
    });
  });
}

async function serve(userData: string): Promise<Served> {
  const child = spawn(process.execPath, [cli, 'serve', '--demo', '--port', '0'], { env: { ...ENV, BRINGUP_USER_DATA: userData }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const m = await waitForText(() => out, /Listening on http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/, exited);
  await waitForText(() => out + err, /Demo: connected to the virtual board/, exited);
  return { child, out: () => out, err: () => err, port: Number(m[1]), token: m[2]!, exited };
}

const firmware = randomBytes(40 * 1024, 23);

async function flash(c: TestClient): Promise<string> {
  await c.value('appReady');
  const imageId = await c.upload('fw.bin', firmware);
  const { jobId } = await c.value<{ jobId: string }>('startFlash', { op: 'program', imageId, address: 0x08000000, verify: true });
  return jobId;
}

describe.runIf(process.platform === 'linux')('stopping `bringup serve`', () => {
  it('SIGTERM mid-flash: the page and stderr say where the flash stopped, exit 1, no OpenOCD left; the chip then flashes fine', async () => {
    const userData = path.join(tmp, 'ud-sigterm');
    const s = await serve(userData);
    let openocd: number[] = [];
    try {
      const c = await TestClient.open(s.port, s.token);
      const jobId = await flash(c);
      await c.flashEvent((e) => e.jobId === jobId && e.type === 'progress' && e.phase === 'program' && e.done > 0);
      openocd = descendants(s.child.pid as number);
      expect(openocd.length).toBeGreaterThan(0);
      s.child.kill('SIGTERM');
      const end = await c.flashEvent((e) => e.jobId === jobId && e.type !== 'progress');
      expect(end.type).toBe('cancelled');
      if (end.type === 'cancelled') expect(end.message).toMatch(/^SIGTERM: the flash was interrupted at 0x080[0-9a-f]{5}; the chip is partly programmed: flash again\.$/);
      // The page is told why the socket closed.
      expect((await c.whenClosed()).reason).toBe('bringup serve stopped (SIGTERM)');
      const { code, signal } = await s.exited;
      expect({ code, signal }, s.out() + s.err()).toEqual({ code: 1, signal: null });
      expect(s.err()).toMatch(/bringup serve: SIGTERM: the flash was interrupted at 0x080[0-9a-f]{5}; the chip is partly programmed: flash again/);
      expect(openocd.filter(isAlive), 'OpenOCD left running').toEqual([]);
    } finally {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
      for (const p of openocd.filter(isAlive)) process.kill(p, 'SIGKILL');
    }

    // Flash again: it completes and verifies.
    const again = await serve(userData);
    try {
      const c = await TestClient.open(again.port, again.token);
      const jobId = await flash(c);
      expect(await c.flashEvent((e) => e.jobId === jobId && e.type !== 'progress')).toMatchObject({ type: 'done', verify: { ok: true } });
      // No flash running: Ctrl-C is a clean stop, exit 0.
      again.child.kill('SIGINT');
      expect((await again.exited).code).toBe(0);
    } finally {
      if (again.child.exitCode === null) again.child.kill('SIGKILL');
    }
  });

  it('its parent (npm) stopped with SIGTERM: serve notices, stops OpenOCD and exits', async () => {
    // A stand-in for npm: starts serve and, like npm, does not pass SIGTERM on.
    const launcher = `const c = require('child_process').spawn(process.execPath, [${JSON.stringify(cli)}, 'serve', '--demo', '--port', '0'], { stdio: 'inherit' });
      console.log('SERVE_PID ' + c.pid); setInterval(() => {}, 1000);`;
    const npm = spawn(process.execPath, ['-e', launcher], { env: { ...ENV, BRINGUP_USER_DATA: path.join(tmp, 'ud-parent') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const npmExited = new Promise((resolve) => npm.once('exit', resolve));
    let servePid = 0;
    let openocd: number[] = [];
    try {
      servePid = Number((await waitForText(() => out, /SERVE_PID (\d+)/, npmExited))[1]);
      await waitForText(() => out, /Demo: connected to the virtual board/, npmExited);
      openocd = descendants(servePid);
      expect(openocd.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await npmExited;
      // serve's own words, through the pipe it still holds, then its exit.
      await waitForText(() => out, /its parent process exited: stopping OpenOCD and the server/, new Promise(() => undefined));
      await waitForText(() => out, /OpenOCD stopped/, new Promise(() => undefined));
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (!isAlive(servePid)) {
            clearInterval(t);
            resolve();
          }
        }, 50);
      });
      expect(openocd.filter(isAlive), 'OpenOCD left running').toEqual([]);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      if (servePid && isAlive(servePid)) process.kill(servePid, 'SIGKILL');
      for (const p of openocd.filter(isAlive)) process.kill(p, 'SIGKILL');
    }
  });
});

