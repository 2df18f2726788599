// `bringup serve --demo` as a user runs it (the built CLI), stopped with Ctrl-C:
// the process exits 0 after stopping OpenOCD politely (`shutdown`, not a signal),
// and no OpenOCD it started is left running.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isAlive } from '../../test/process-alive';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-serve-'));
const cli = path.join(tmp, 'cli.js');

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error' });
  // serve looks for the renderer beside its bundle; a stub page is enough here.
  mkdirSync(path.join(tmp, 'renderer'));
  writeFileSync(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>stub</title>');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

it.runIf(process.platform !== 'win32')('Ctrl-C on `bringup serve --demo` stops OpenOCD politely and exits 0', async () => {
  const userData = path.join(tmp, 'user-data');
  const child = spawn(process.execPath, [cli, 'serve', '--demo', '--port', '0'], {
    env: { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let openocdPids: number[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (/Demo: connected to the virtual board/.test(out)) resolve();
        else if (/did not connect|failed/.test(out)) reject(new Error(out));
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      void exited.then(() => reject(new Error(`serve exited early:\n${out}`)));
    });
    openocdPids = childrenOf(child.pid as number);
    expect(openocdPids.length, 'OpenOCD runs as a child of serve').toBeGreaterThan(0);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect({ code, signal }, out).toEqual({ code: 0, signal: null });
    // OpenOCD exits 0 only on `shutdown` (a SIGTERM exits with code 15); its last line says so.
    expect(out).toMatch(/OpenOCD stopped \(exit code 0\): shutdown command invoked/);
    expect(openocdPids.filter(isAlive), 'left running after serve exited').toEqual([]);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of openocdPids.filter(isAlive)) process.kill(pid, 'SIGKILL');
  }
});
