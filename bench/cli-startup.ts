// CLI start-up against its floor, bare Node (`node -e 0`), in the same run and interleaved
// (2 shared cores: only figures taken together compare). Each case is a fresh process as a
// user starts it: node dist/cli.js (what bin/bringup.js loads), no npx. Prints the median
// of each, its excess over the floor (goal: --version <= floor + 30 ms) and the ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const ROUNDS = Number(process.env.CLI_BENCH_ROUNDS ?? 15);

const cases: Array<{ label: string; args: string[]; status?: number }> = [
  { label: 'node -e 0 (floor)', args: ['-e', '0'] },
  { label: 'bringup --version', args: [CLI, '--version'] },
  { label: 'bringup --help', args: [CLI, '--help'] },
  { label: 'bringup info --help', args: [CLI, 'info', '--help'] },
  { label: 'bringup read --help', args: [CLI, 'read', '--help'] },
  { label: 'bringup diagnose --help', args: [CLI, 'diagnose', '--help'] },
  // Loads the info command and all it needs to talk to a board, then stops at "choose a target" (exit 2).
  { label: 'bringup info (no target)', args: [CLI, 'info'], status: 2 },
];

function once(args: string[], status = 0): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets') } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== status) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function main(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build first`);
  const times = cases.map(() => [] as number[]);
  for (const c of cases) once(c.args, c.status); // warm the page cache
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order so no case always runs right after the same one.
    for (let i = 0; i < cases.length; i++) {
      const k = (i + r) % cases.length;
      const c = cases[k] as (typeof cases)[number];
      times[k]?.push(once(c.args, c.status));
    }
  }
  const floor = median(times[0] as number[]);
  console.log(`CLI start-up, median of ${ROUNDS} fresh processes each (interleaved)`);
  for (const [i, c] of cases.entries()) {
    const m = median(times[i] as number[]);
    const extra = i === 0 ? '' : `  floor +${(m - floor).toFixed(1)} ms  ratio ${(m / floor).toFixed(2)}`;
    console.log(`  ${c.label.padEnd(26)} ${m.toFixed(1).padStart(7)} ms${extra}`);
  }
  console.log(`  goal: --version <= floor + 30 ms`);
  const dir = path.join(ROOT, 'dist', 'cli');
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
    const size = (f: string): number => statSync(path.join(dir, f)).size;
    const total = files.reduce((n, f) => n + size(f), 0);
    console.log(`  dist/cli: ${files.length} chunks, ${(total / 1024).toFixed(0)} KiB in all; entry main.mjs ${(size('main.mjs') / 1024).toFixed(1)} KiB`);
  }
}

main();
