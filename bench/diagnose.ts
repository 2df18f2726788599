// Diagnosis engine over every log in main/diagnose/corpus: accuracy of the top finding's
// category, per source kind and for the log alone (without the header's checks/answers,
// which were written knowing the answer), and time per log. Prints figures only (never asserts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../main/diagnose/corpus';
import { diagnose } from '../main/diagnose/index';
import type { CorpusEntry } from '../main/diagnose/corpus';
import type { DiagnoseInput } from '../main/diagnose/types';

const REPEATS = 30;

function tally(m: Map<string, Tally>, key: string): Tally {
  let c = m.get(key);
  if (!c) m.set(key, (c = { n: 0, ok: 0, okLogOnly: 0 }));
  return c;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Where a corpus log came from (its header's `source:`), so accuracy is not one blended number. */
function sourceKind(source: string): string {
  if (/virtual board fault/.test(source)) return 'virtual-board capture';
  if (source.startsWith('real run')) return 'real run';
  if (source.startsWith('user report')) return 'user report';
  if (source.startsWith('assembled from')) return 'assembled from source';
  return 'other';
}

/** The log and exit code only: what `bringup diagnose FILE` sees without the app's checks or the user's answers. */
function logOnly(entry: CorpusEntry): DiagnoseInput {
  return { log: entry.input.log, exitCode: entry.input.exitCode };
}

interface Tally {
  n: number;
  ok: number;
  okLogOnly: number;
}

function pct(a: number, n: number): string {
  return `${a}/${n} = ${((100 * a) / Math.max(1, n)).toFixed(1)}%`;
}

async function main(): Promise<void> {
  // Run from the repo root (npm run bench) or from dist/bench/.
  const dir = [join(process.cwd(), 'main', 'diagnose', 'corpus'), join(__dirname, '..', '..', 'main', 'diagnose', 'corpus')].find((d) => existsSync(d)) ?? '';
  const corpus = loadCorpus(dir);
  const perLogMs: number[] = [];
  let tiedLogOnly = 0;
  const misses: string[] = [];
  const all: Tally = { n: 0, ok: 0, okLogOnly: 0 };
  const withExtra: Tally = { n: 0, ok: 0, okLogOnly: 0 };
  const byCategory = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  for (const entry of corpus) {
    const top = diagnose(entry.input)[0]?.category ?? 'none';
    const logOnlyFindings = diagnose(logOnly(entry));
    const topLogOnly = logOnlyFindings[0]?.category ?? 'none';
    // Correct only because the tie between equally likely causes broke this way.
    if (topLogOnly === entry.expected && logOnlyFindings[1] && (logOnlyFindings[0]?.confidence ?? 0) - logOnlyFindings[1].confidence < 0.01) tiedLogOnly++;
    const hasExtra = entry.input.checks !== undefined || entry.input.answers !== undefined;
    const tallies = [all, tally(byCategory, entry.expected), tally(byKind, sourceKind(entry.source)), ...(hasExtra ? [withExtra] : [])];
    for (const c of tallies) {
      c.n++;
      if (top === entry.expected) c.ok++;
      if (topLogOnly === entry.expected) c.okLogOnly++;
    }
    if (top !== entry.expected) misses.push(`${entry.name}: got ${top}`);
    else if (topLogOnly !== entry.expected) misses.push(`${entry.name}: log only -> ${topLogOnly} (header's checks/answers decide it)`);
    const t0 = performance.now();
    for (let i = 0; i < REPEATS; i++) diagnose(entry.input);
    perLogMs.push((performance.now() - t0) / REPEATS);
  }
  const n = corpus.length;
  const mean = perLogMs.reduce((a, b) => a + b, 0) / Math.max(1, n);
  console.log(`diagnose corpus: ${n} logs (${dir})`);
  console.log(`top-finding accuracy, with header checks/answers: ${pct(all.ok, n)}`);
  console.log(`top-finding accuracy, log only (checks/answers ignored): ${pct(all.okLogOnly, n)}`);
  console.log(`  of the log-only hits, ${tiedLogOnly} won a tie (top two within 0.01: the log alone cannot decide)`);
  console.log(`  logs whose header carries checks/answers: ${withExtra.n} (with them ${withExtra.ok}/${withExtra.n}, log only ${withExtra.okLogOnly}/${withExtra.n})`);
  console.log('by source kind (with / log only):');
  for (const [kind, c] of [...byKind.entries()].sort()) console.log(`  ${kind.padEnd(24)} ${pct(c.ok, c.n).padEnd(16)} ${pct(c.okLogOnly, c.n)}`);
  console.log('by expected category (with / log only):');
  for (const [cat, c] of [...byCategory.entries()].sort()) console.log(`  ${cat.padEnd(24)} ${c.ok}/${c.n}  ${c.okLogOnly}/${c.n}`);
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
