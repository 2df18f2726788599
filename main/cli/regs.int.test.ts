// Issue 15: `bringup regs` on a core that is ALREADY halted printed "(not read)" for every
// register (also with --halt): OpenOCD's register cache is only filled on debug entry in
// the same OpenOCD, so a core halted earlier (another tool, an earlier OpenOCD run) has
// nothing cached. The BUILT CLI runs against the real OpenOCD and the virtual board.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualBoard } from '../vboard/api';
import { killOpenOcd, spawnOpenOcd, startBoard, TclRpc, type OpenOcdRun } from '../vboard/test-support';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-regs-'));
const cli = path.join(tmp, 'cli.js');
const env = { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: path.join(tmp, 'ud') };
const CORE = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc', 'xPSR', 'msp', 'psp', 'primask', 'basepri', 'faultmask', 'control'];

let board: VirtualBoard;
let run: OpenOcdRun | undefined;
let rpc: TclRpc | undefined;

function bringup(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The value column of each register line ("  pc   (32)  0x08000130  134218032"). */
function values(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of out.split('\n')) {
    const r = /^ {2}(\S+) +\(\d+\) +(\(not read\)|0x[0-9a-f]+)/.exec(line);
    if (r) m.set(r[1]!, r[2]!);
  }
  return m;
}

async function startOpenOcd(): Promise<string[]> {
  rpc?.close();
  await killOpenOcd(run);
  run = await spawnOpenOcd(board.port);
  rpc = await TclRpc.connect(run);
  return ['--connect', `127.0.0.1:${run.tclPort}`];
}

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error', external: ['electron'] });
  board = await startBoard();
});

afterAll(async () => {
  rpc?.close();
  await killOpenOcd(run);
  await board.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('bringup regs on a halted core', () => {
  it('a core halted before this OpenOCD started: every core register has a value, with and without --halt', async () => {
    let connect = await startOpenOcd();
    await rpc!.cmd('halt');
    // A new OpenOCD finds the core halted and has read nothing of it yet.
    connect = await startOpenOcd();
    expect(await rpc!.cmd('stm32f1x.cpu curstate')).toBe('halted');
    const pc = (await rpc!.cmd('reg pc')).match(/0x[0-9a-f]+/)?.[0];

    for (const args of [['regs'], ['regs', '--halt']]) {
      const r = await bringup([...args, ...connect]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^== arm v7m registers$/m);
      expect(r.stdout).not.toContain('(not read)');
      const v = values(r.stdout);
      for (const name of CORE) expect([name, v.get(name)]).toEqual([name, expect.stringMatching(/^0x[0-9a-f]+$/)]);
      // The same PC OpenOCD reports, and a PC in flash where the firmware runs.
      expect(Number(v.get('pc'))).toBe(Number(pc));
      expect(Number(v.get('pc'))).toBeGreaterThanOrEqual(0x08000000);
    }
    // --halt on a halted core leaves it halted; nothing was resumed behind the user's back.
    expect(await rpc!.cmd('stm32f1x.cpu curstate')).toBe('halted');
  });

  it('halted by `bringup halt` in the same OpenOCD: values, and stable across two reads', async () => {
    const connect = await startOpenOcd();
    await rpc!.cmd('resume');
    expect((await bringup(['halt', ...connect])).code).toBe(0);
    const a = await bringup(['regs', ...connect]);
    const b = await bringup(['regs', ...connect]);
    expect(a.stdout).not.toContain('(not read)');
    // A halted core does not change: two reads agree register by register.
    expect(values(b.stdout)).toEqual(values(a.stdout));
    await rpc!.cmd('resume');
  });
});
