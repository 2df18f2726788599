// No orphan OpenOCD, ever: not even when the app itself is killed with SIGKILL and
// runs no exit hook. The host here is a real Node process running our process code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { findOpenOcd } from './binary';
import { freePort } from './ports';
import { OpenOcdProcess } from './process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../../test/process-alive';

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

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

// Both guards, each as a user's platform gets it: the kernel's parent-death signal (Linux
// default) and the stdin watchdog (macOS and Windows; forced here with BRINGUP_WATCHDOG=1);
// and the CLI's OpenOCD, whose tcl server is its stdin/stdout, with no guard of ours at all
// (BRINGUP_WATCHDOG=0): the pipe's end is what stops it.
describe.runIf(process.platform === 'linux').each([
  { mode: 'pdeathsig', env: {} },
  { mode: 'watchdog', env: { BRINGUP_WATCHDOG: '1' } },
  { mode: 'direct', env: { BRINGUP_WATCHDOG: '0', ORPHAN_TCL_PIPE: '1' } },
])('$mode', ({ mode, env }) => {
  it('OpenOCD ends when its host is SIGKILLed', async () => {
    const host = spawn(process.execPath, [hostScript], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BRINGUP_ASSETS: path.join(__dirname, '..', '..', 'assets'), ...env } });
    let out = '';
    const [pid, launchMode] = await new Promise<[number, string]>((resolve, reject) => {
      host.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /READY (\d+) (\w+)/.exec(out);
        if (m) resolve([Number(m[1]), m[2] as string]);
      });
      host.stderr.on('data', (b: Buffer) => (out += b.toString()));
      host.once('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)));
    });
    try {
      expect(launchMode).toBe(mode);
      expect(isAlive(pid)).toBe(true);
      expect(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()).toBe('openocd');
      host.kill('SIGKILL');
      const gone = await waitGone(pid, 10_000);
      expect(gone, `openocd ${pid} outlived its killed host`).toBe(true);
    } finally {
      host.kill('SIGKILL');
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

// Through the watchdog, the app still sees OpenOCD's own ending: a polite `shutdown`
// exits 0, a SIGKILL shows as SIGKILL, and OpenOCD itself is gone either way.
describe.runIf(process.platform === 'linux')('watchdog exit semantics', () => {
  const DUMMY = ['-c', 'bindto 127.0.0.1', '-c', 'telnet_port disabled', '-c', 'gdb_port disabled', '-c', 'adapter driver dummy', '-c', 'transport select jtag', '-c', 'jtag newtap dummy cpu -irlen 4', '-c', 'init'];

  async function startWatched(): Promise<{ proc: OpenOcdProcess; tcl: number; openocdPid: number }> {
    const bin = await findOpenOcd({});
    const tcl = await freePort();
    const proc = new OpenOcdProcess({ binary: bin.path, args: ['-c', `tcl_port ${tcl}`, ...DUMMY], env: { BRINGUP_WATCHDOG: '1' } });
    const rpc = await proc.waitReady({ port: tcl, timeoutMs: 15_000 });
    rpc.close();
    const openocdPid = Number(execFileSync('pgrep', ['-P', String(proc.pid)], { encoding: 'utf8' }).trim());
    return { proc, tcl, openocdPid };
  }

  it('shutdown exits 0; SIGKILL reports SIGKILL; OpenOCD is gone', async () => {
    const a = await startWatched();
    try {
      expect(a.proc.launchMode).toBe('watchdog');
      expect(await a.proc.stop({ tclPort: a.tcl })).toEqual({ code: 0, signal: null });
      expect(isAlive(a.openocdPid)).toBe(false);
    } finally {
      a.proc.kill('SIGKILL');
    }
    const b = await startWatched();
    try {
      b.proc.kill('SIGKILL');
      expect((await b.proc.exited).signal).toBe('SIGKILL');
      expect(await waitGone(b.openocdPid, 5000)).toBe(true);
      expect(b.proc.exitError().message).toMatch(/^OpenOCD was killed by SIGKILL/);
    } finally {
      b.proc.kill('SIGKILL');
    }
  });
});
