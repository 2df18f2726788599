// Diagnosis engine over every log in main/diagnose/corpus: accuracy of the top finding's
// category and time per log. Prints figures only (never asserts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../main/diagnose/corpus';
import { diagnose } from '../main/diagnose/index';

const REPEATS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

async function main(): Promise<void> {
  // Run from the repo root (npm run bench) or from dist/bench/.
  const dir = [join(process.cwd(), 'main', 'diagnose', 'corpus'), join(__dirname, '..', '..', 'main', 'diagnose', 'corpus')].find((d) => existsSync(d)) ?? '';
  const corpus = loadCorpus(dir);
  let correct = 0;
  const perLogMs: number[] = [];
  const misses: string[] = [];
  const byCategory = new Map<string, { n: number; ok: number }>();
  for (const entry of corpus) {
    const top = diagnose(entry.input)[0]?.category ?? 'none';
    const c = byCategory.get(entry.expected) ?? { n: 0, ok: 0 };
    c.n++;
    if (top === entry.expected) {
      correct++;
      c.ok++;
    } else misses.push(`${entry.name}: got ${top}`);
    byCategory.set(entry.expected, c);
    const t0 = performance.now();
    for (let i = 0; i < REPEATS; i++) diagnose(entry.input);
    perLogMs.push((performance.now() - t0) / REPEATS);
  }
  const n = corpus.length;
  const mean = perLogMs.reduce((a, b) => a + b, 0) / Math.max(1, n);
  console.log(`diagnose corpus: ${n} logs (${dir})`);
  console.log(`top-finding accuracy: ${correct}/${n} = ${((100 * correct) / Math.max(1, n)).toFixed(1)}%`);
  for (const [cat, c] of [...byCategory.entries()].sort()) console.log(`  ${cat.padEnd(24)} ${c.ok}/${c.n}`);
  for (const m of misses) console.log(`  MISS ${m}`);
  console.log(`time per log: mean ${mean.toFixed(3)} ms, median ${median(perLogMs).toFixed(3)} ms, max ${Math.max(...perLogMs).toFixed(3)} ms (${REPEATS} runs each)`);

  // Scale: a 20k-line debug log (what -d3 gives for a short session) with one failure at the end.
  const big = Array.from({ length: 20_000 }, (_, i) => `Debug: ${i} ${i * 3} target.c:${i % 900} target_poll(): polling ${i}`);
  big.push('Error: init mode failed (unable to connect to the target)');
  const t0 = performance.now();
  const top = diagnose({ log: big })[0]?.category;
  console.log(`20k-line log: ${(performance.now() - t0).toFixed(1)} ms (top: ${top})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
