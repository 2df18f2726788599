// Bench: `bringup info --vboard` (the built CLI, dist/cli.js, as a user runs it: node
// start-up, the virtual board, OpenOCD start, the info queries, shutdown) against its floor,
// the plain OpenOCD command line that reads the same facts from the same virtual board:
//   openocd -f vboard.cfg -f target/stm32f1x.cfg -c init -c "<the same queries>" -c shutdown
// The floor's board runs in this process (started once, not timed; the CLI starts its own).
// D: the app's way in this process (a tcl port behind the namespace relay), for the connect the UI does.
// Interleaved A B D B A per round (A B C C D B A with INFO_BENCH_BEFORE). Prints seconds and the ratio (goal <= 1.15). Never asserts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vboardCfg } from '../main/session/flash/test-support';
import { startVirtualBoard } from '../main/vboard/index';
import { Session } from '../main/session/session';
import { VBOARD_PROFILE } from '../main/profiles/builtin';

const ROOT = process.cwd();
const ROUNDS = Number(process.env.INFO_BENCH_ROUNDS ?? 4);
// What `bringup info` asks (connection-info.ts, info.ts, flash geometry), in one TCL line.
const QUERIES = [
  'version',
  'adapter name',
  'transport select',
  'scan_chain',
  'target current',
  '[target current] curstate',
  'flash banks',
  'flash info 0 sectors',
  'flash info 0',
]
  .map((q) => `echo [${q}]`)
  .join('; ');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; s: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, s: (performance.now() - t) / 1000 }));
  });
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (s: number): string => s.toFixed(3);

async function main(): Promise<void> {
  // INFO_BENCH_CLI: another build of the CLI (a before/after comparison).
  const cli = process.env.INFO_BENCH_CLI ?? path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} missing: run npm run build first (from the repo root)`);
  const userData = mkdtempSync(path.join(os.tmpdir(), 'bench-info-'));
  const board = await startVirtualBoard({ port: 0, faults: [] });
  try {
    const plain = async (): Promise<number> => {
      const r = await run(
        'openocd',
        ['-f', vboardCfg(), '-f', 'target/stm32f1x.cfg', '-c', 'tcl_port disabled; telnet_port disabled; gdb_port disabled', '-c', 'init', '-c', QUERIES, '-c', 'shutdown'],
        { VBOARD_PORT: String(board.port) },
      );
      if (!/stm32f1x/.test(r.out)) throw new Error(`plain openocd did not list the flash bank (exit ${r.code}):\n${r.out.slice(-800)}`);
      return r.s;
    };
    const viaCli = async (which = cli): Promise<number> => {
      const r = await run(process.execPath, [which, 'info', '--vboard'], { BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: userData });
      if (r.code !== 0 || !/Flash:/.test(r.out)) throw new Error(`bringup info failed (exit ${r.code}):\n${r.out.slice(-800)}`);
      return r.s;
    };
    // D: the app's connect, in this process: its own board, OpenOCD with a tcl port behind
    // the namespace relay where there is one (started ahead), the same queries, then stop.
    let isolation = '';
    const appWay = async (): Promise<number> => {
      const t = performance.now();
      const session = await Session.start(VBOARD_PROFILE);
      try {
        isolation = session.controller?.isolation()?.mode ?? '?';
        await session.command(QUERIES);
      } finally {
        await session.close();
      }
      return (performance.now() - t) / 1000;
    };
    await plain();
    await viaCli(); // warm-up of each (disk cache), not counted
    await appWay();
    // INFO_BENCH_BEFORE: a second CLI build timed in the same rounds (before/after an optimisation).
    const before = process.env.INFO_BENCH_BEFORE;
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      a.push(await plain());
      b.push(await viaCli());
      if (before) c.push(await viaCli(before), await viaCli(before));
      d.push(await appWay());
      b.push(await viaCli());
      a.push(await plain());
    }
    const row = (label: string, xs: number[]): string => `  ${label.padEnd(52)} ${fmt(mean(xs))} s  (runs ${xs.map(fmt).join(', ')})`;
    console.log(`cli-info bench: the virtual board, OpenOCD 0.12, ${ROUNDS} rounds of A B B A`);
    console.log(row('A floor: openocd -f vboard.cfg … -c init -c "<queries>" -c shutdown', a));
    console.log(row(`B \`bringup info --vboard\` (${path.relative(ROOT, cli)})`, b));
    if (before) console.log(row(`C the same, before (${path.relative(ROOT, before)})`, c) + `  ratio C/A ${(mean(c) / mean(a)).toFixed(3)}`);
    console.log(row(`D the app's connect in process (${isolation}): start, queries, stop`, d) + `  ratio D/A ${(mean(d) / mean(a)).toFixed(3)}`);
    console.log(`  ratio B/A: ${(mean(b) / mean(a)).toFixed(3)} (goal <= 1.15); CLI over the floor: ${((mean(b) - mean(a)) * 1000).toFixed(0)} ms`);
  } finally {
    await board.close();
    rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
