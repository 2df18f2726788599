// Refreshes corpus/openocd-source/: for every source file a signature rule cites, only
// the lines of OpenOCD's source that hold the message formats the rules' examples need
// (a few string literals per file), so signatures-source.test.ts runs in CI without an
// OpenOCD checkout. Reads a git directory (e.g. the search tool's `fetch
// github:openocd-org/openocd`) at one tag; writes nothing else from OpenOCD. From the repo root:
//   npx esbuild main/diagnose/corpus/tools/extract-openocd-source.ts --bundle --platform=node --log-level=warning \
//     | node - /path/to/openocd.git v0.12.0
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SIGNATURES } from '../../signatures/index';
import { EXAMPLES, NOT_FROM_012_SOURCE, SOURCE_CHECK_EXTRA } from '../../signature-examples';
import { citedFiles, matchesSomeFormat, messageOf } from '../../source-stems';

const [gitDir, tag = 'v0.12.0'] = process.argv.slice(2);
if (!gitDir) throw new Error('usage: extract-openocd-source GIT_DIR [TAG]');
const out = join(process.cwd(), 'main', 'diagnose', 'corpus', 'openocd-source');
const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', `${tag}^{commit}`], { encoding: 'utf8' }).trim();

const show = (path: string): string => execFileSync('git', ['--git-dir', gitDir, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** A line that continues (or is continued by) an adjacent C string literal. */
const continues = (l: string): boolean => /("|PRI\w+|TARGET_ADDR_FMT)\s*$/.test(l.trim());
const continued = (l: string): boolean => /^("|PRI\w+)/.test(l.trim());

/** The smallest whole-literal window of `lines` in which `message` is a format instance. */
function windowFor(lines: string[], message: string): [number, number] | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? '').includes('"')) continue;
    for (let j = i; j < Math.min(lines.length, i + 8); j++) {
      let a = i;
      let b = j;
      while (a > 0 && continues(lines[a - 1] ?? '') && continued(lines[a] ?? '')) a--;
      while (b + 1 < lines.length && continues(lines[b] ?? '') && continued(lines[b + 1] ?? '')) b++;
      if (matchesSomeFormat(message, [lines.slice(a, b + 1).join('\n')])) return [a, b];
    }
  }
  return undefined;
}

const needs = new Map<string, string[]>();
for (const table of SIGNATURES)
  for (const rule of table.rules)
    for (const f of citedFiles(rule.source)) if (!/^(jimtcl|fork:)/.test(rule.source)) needs.set(f, needs.get(f) ?? []);
for (const [id, cat, line] of EXAMPLES) {
  if (NOT_FROM_012_SOURCE[`${cat}/${id}`] !== undefined) continue;
  const rule = SIGNATURES.find((t) => t.category === cat)?.rules.find((r) => r.id === id);
  for (const f of citedFiles(rule?.source ?? '')) needs.get(f)?.push(messageOf(line));
}
for (const [file, message] of SOURCE_CHECK_EXTRA) needs.set(file, [...(needs.get(file) ?? []), message]);

let missing = 0;
for (const [file, messages] of [...needs.entries()].sort()) {
  const lines = show(file).split('\n');
  const keep = new Set<number>();
  for (const m of messages) {
    // The example may be in another file the rule cites; only its own file keeps lines.
    const w = windowFor(lines, m);
    if (w) for (let k = w[0]; k <= w[1]; k++) keep.add(k);
  }
  const body: string[] = [`/* OpenOCD ${tag} (${commit}) ${file}: only the lines signatures-source.test.ts needs. GPL-2.0-or-later. */`];
  let last = -2;
  for (const k of [...keep].sort((x, y) => x - y)) {
    if (k !== last + 1) body.push(`/* line ${k + 1} */`);
    body.push(lines[k] ?? '');
    last = k;
  }
  const dest = join(out, `${file}.lines`);
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(`${dest}.tmp`, `${body.join('\n')}\n`);
  renameSync(`${dest}.tmp`, dest);
  if (keep.size === 0 && messages.length > 0) missing++;
}
console.log(`wrote ${needs.size} files to ${out} from ${tag} ${commit}${missing ? ` (${missing} with no example line found)` : ''}`);
