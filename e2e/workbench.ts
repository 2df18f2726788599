// Starts the app under test for one worker: `node dist/cli.js serve` for the
// browser driver, the Electron app for the electron driver; each with its own
// temporary user-data folder. Stopped (and OpenOCD with it) in every path.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from '@playwright/test';

export const ROOT = path.resolve(__dirname, '..');

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  /** The supervisor's view-only page (serve prints it second). */
  viewUrl: string;
  userData: string;
  stop(): Promise<void>;
}

export async function startServe(extraArgs: string[] = []): Promise<ServeProcess> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the e2e suite');
  const userData = mkdtempSync(path.join(os.tmpdir(), 'bringup-e2e-'));
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, BRINGUP_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const [url, viewUrl] = await new Promise<[string, string]>((resolve, reject) => {
      const onData = (d: Buffer): void => {
        output += d.toString('utf8');
        const m = /Listening on (http:\/\/\S+)/.exec(output);
        const v = /view-only: (http:\/\/\S+)/.exec(output);
        if (m?.[1] && v?.[1]) resolve([m[1], v[1]]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`bringup serve exited (${code}) before listening:\n${output}`)));
      setTimeout(() => reject(new Error(`bringup serve did not print its URL in 20 s:\n${output}`)), 20_000).unref();
    });
    const u = new URL(url);
    return { url, origin: u.origin, token: u.searchParams.get('token') ?? '', viewUrl, userData, stop: () => stopChild(child, userData) };
  } catch (err) {
    await stopChild(child, userData);
    throw err;
  }
}

/** Ctrl-C (SIGINT) as a user would, SIGKILL if it does not exit in 10 s. */
async function stopChild(child: ChildProcess, userData: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(userData, { recursive: true, force: true });
}

export interface ElectronRun {
  app: ElectronApplication;
  stop(): Promise<void>;
}

export async function startElectron(): Promise<ElectronRun> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'bringup-e2e-electron-'));
  const app = await _electron.launch({ args: ['.'], cwd: ROOT, env: { ...process.env, BRINGUP_USER_DATA: userData } as Record<string, string> });
  return {
    app,
    async stop() {
      await app.close().catch(() => undefined);
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
