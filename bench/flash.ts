// Bench: what a user runs, `bringup flash F --address 0x08000000 --verify --json
// --connect 127.0.0.1:<tcl>` (the built CLI as a child process: node start-up, session,
// chunked erase/write, checksum verify, progress lines), against one `program F
// 0x08000000 verify` handed to the same OpenOCD: same 64 KiB image, same virtual board,
// interleaved A B B A per round so load from others on the machine hits both alike.
// Also the in-process Flash.program figure (the library without the CLI around it).
// Prints seconds, KiB/s and the ratios (target <= 1.10). Never asserts.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseImage } from '../main/images/load';
import { Flash } from '../main/session/flash/flash';
import { startRig } from '../main/session/flash/test-support';
import type { FlashEvent } from '../main/session/flash/types';

const SIZE = 64 * 1024;
const ROUNDS = Number(process.env.FLASH_BENCH_ROUNDS ?? 2);
const ROOT = process.cwd();

function image(seed: number): Buffer {
  const b = Buffer.alloc(SIZE);
  let x = seed;
  for (let i = 0; i < SIZE; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/**
 * The CLI users run: dist/cli.js as `npm run build` makes it (split, each command loading
 * only its chunks). Without a build, one bundle made here (esbuild's own binary: the bench
 * is itself a bundle), which loads every command's code at start and so costs more.
 */
function buildCli(dir: string): { path: string; kind: string } {
  const built = join(ROOT, 'dist', 'cli.js');
  if (existsSync(built)) return { path: built, kind: 'dist/cli.js' };
  const esbuild = resolve(ROOT, 'node_modules/.bin/esbuild');
  if (!existsSync(esbuild)) throw new Error(`${esbuild} not found: run the bench from the repo root`);
  const out = join(dir, 'cli.js');
  execFileSync(esbuild, [join(ROOT, 'main/cli.ts'), '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--external:electron', `--outfile=${out}`, '--log-level=error']);
  return { path: out, kind: 'one bundle (no npm run build)' };
}

function runCli(cli: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, BRINGUP_ASSETS: join(ROOT, 'assets') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', rej);
    child.once('close', (code) => res({ code, stdout, stderr }));
  });
}

const fmt = (s: number): string => s.toFixed(2);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-flash-'));
  const rig = await startRig();
  try {
    const { path: cli, kind: cliKind } = buildCli(dir);
    const data = image(1);
    const file = join(dir, 'fw.bin');
    await writeFile(file, data);
    const flash = new Flash(rig.client, process.env.FLASH_BENCH_CHUNK ? { chunkSize: Number(process.env.FLASH_BENCH_CHUNK) } : {});
    const img = parseImage(data, 'fw.bin', { address: 0x08000000 });

    // All three do the same work: reset init, erase the touched sectors, write, checksum verify.
    const direct = async (): Promise<number> => {
      const t = performance.now();
      await rig.client.command(`program ${file} 0x08000000 verify`, { timeoutMs: 600_000 });
      return (performance.now() - t) / 1000;
    };
    let cliEvents = 0;
    const viaCli = async (): Promise<number> => {
      const t = performance.now();
      const r = await runCli(cli, ['flash', file, '--address', '0x08000000', '--verify', '--json', '--connect', `127.0.0.1:${rig.tclPort}`]);
      const s = (performance.now() - t) / 1000;
      const lines = r.stdout.trim().split('\n');
      const final = JSON.parse(lines.at(-1) ?? '{}') as { type?: string; verify?: { ok?: boolean } };
      if (r.code !== 0 || final.type !== 'done' || final.verify?.ok !== true) throw new Error(`bringup flash failed (exit ${r.code}): ${r.stdout.slice(-400)} ${r.stderr}`);
      cliEvents = lines.length - 1;
      return s;
    };
    const inProcess = async (): Promise<number> => {
      const t = performance.now();
      const result = await flash.program(img, { verify: true, onEvent: (e: FlashEvent) => void e });
      if (result.type !== 'done' || !result.verify?.ok) throw new Error(`Flash.program did not verify: ${JSON.stringify(result)}`);
      return (performance.now() - t) / 1000;
    };

    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A B C C B A: each pair sees the same stretch of machine load.
      a.push(await direct());
      b.push(await viaCli());
      c.push(await inProcess());
      c.push(await inProcess());
      b.push(await viaCli());
      a.push(await direct());
    }
    const kib = SIZE / 1024;
    const row = (label: string, xs: number[], extra = ''): string =>
      `  ${label.padEnd(44)} ${fmt(mean(xs))} s  ${(kib / mean(xs)).toFixed(2).padStart(6)} KiB/s  (runs ${xs.map(fmt).join(', ')})${extra}`;
    console.log(`flash bench: ${kib} KiB image on the virtual board (OpenOCD 0.12, its flash loader on the board), ${ROUNDS} rounds of A B C C B A`);
    console.log(row('A OpenOCD `program F 0x08000000 verify`', a));
    console.log(row('B `bringup flash F --verify --json --connect`', b, `; ${cliEvents} progress lines; ${cliKind}`));
    console.log(row('C Flash.program in process', c));
    console.log(`  ratio B/A (the CLI, what users run): ${(mean(b) / mean(a)).toFixed(3)} (target <= 1.10)`);
    console.log(`  ratio C/A (the library alone):       ${(mean(c) / mean(a)).toFixed(3)}`);
    console.log(`  CLI overhead over the library (node start-up, connect, image load): ${fmt(mean(b) - mean(c))} s`);
  } finally {
    await rig.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
