// No orphan OpenOCD, ever: not even when the app itself is killed with SIGKILL and
// runs no exit hook. The host here is a real Node process running our process code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let dir: string;
let hostScript: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-orphan-'));
  hostScript = path.join(dir, 'host.js');
  await build({ entryPoints: [path.join(__dirname, 'testdata/orphan-host.ts')], outfile: hostScript, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

it.runIf(process.platform === 'linux')('OpenOCD ends when its host is SIGKILLed', async () => {
  const host = spawn(process.execPath, [hostScript], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const pid = await new Promise<number>((resolve, reject) => {
    host.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    host.once('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)));
  });
  expect(isAlive(pid)).toBe(true);
  host.kill('SIGKILL');
  const gone = await waitGone(pid, 10_000);
  if (!gone) process.kill(pid, 'SIGKILL');
  expect(gone, `openocd ${pid} outlived its killed host`).toBe(true);
});
