// bench/station: N = 1, 2, 4 virtual boards flashing the same 64 KiB image with verify
// through `bringup station` as a technician runs it (each board its own OpenOCD and its own
// board process). Prints wall time, CPU seconds per board (the station, its OpenOCDs and
// boards: every descendant's user + system time), and the ratio
//   wall(N) / max(wall(1), N × cpu(1) / cores)
// i.e. how much the station adds over what this machine's cores allow (1.00 = nothing).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Run from the repository (npm run bench): the bench bundles the CLI itself, as bench/flash does.
const ROOT = process.cwd();
const ROUNDS = 2;

function run(cli: string, job: string, n: number, record: string): { wall: number; cpu: number } {
  // bash's `times` prints the user and system time of every reaped descendant.
  const script = `start=$(date +%s%N); "${process.execPath}" "${cli}" station "${job}" --vboards ${n} --record "${record}" >/dev/null || exit 1; end=$(date +%s%N); echo "$(( (end - start) / 1000 ))"; times`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets') } }).trim().split('\n');
  const wall = Number(out[0]) / 1e6;
  const [user = '0m0s', sys = '0m0s'] = (out[2] ?? '').trim().split(/\s+/);
  const secs = (t: string): number => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  };
  return { wall, cpu: secs(user) + secs(sys) };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-station-'));
  try {
    const cli = path.join(tmp, 'cli.js');
    execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), [path.join(ROOT, 'main/cli.ts'), '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--external:electron', `--outfile=${cli}`, '--log-level=error']);
    const img = path.join(tmp, 'image.bin');
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 17) & 0xff;
    writeFileSync(img, bytes);
    const job = path.join(tmp, 'job.json');
    writeFileSync(job, JSON.stringify({ name: 'bench 64 KiB', image: 'image.bin', address: '0x08000000', verify: true }));
    const cores = os.cpus().length;
    console.log(`bench/station: 64 KiB program + verify per board, ${cores} cores, best of ${ROUNDS}`);
    const results = new Map<number, { wall: number; cpu: number }>();
    for (const n of [1, 2, 4]) {
      let best: { wall: number; cpu: number } | undefined;
      for (let r = 0; r < ROUNDS; r++) {
        const got = run(cli, job, n, path.join(tmp, `rec-${n}-${r}.jsonl`));
        if (!best || got.wall < best.wall) best = got;
      }
      results.set(n, best as { wall: number; cpu: number });
    }
    const one = results.get(1) as { wall: number; cpu: number };
    for (const [n, r] of results) {
      const floor = Math.max(one.wall, (n * one.cpu) / cores);
      console.log(`  N=${n}: wall ${r.wall.toFixed(2)} s, CPU ${(r.cpu / n).toFixed(2)} s per board, floor max(wall(1), N×cpu(1)/cores) ${floor.toFixed(2)} s, ratio ${(r.wall / floor).toFixed(2)}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
