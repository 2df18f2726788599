// Reads the test corpus: corpus/<expected-category>--<short-name>.log (the project's own
// logs) and corpus/real/*.log (logs pasted in public threads, /tmp/corpus-format.md). A
// leading block of "# key: value" lines is the header (source, situation, exit code,
// cause/fix of a thread), not log. Labels live only here: the engine never sees them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDiagnosisCategory, type DiagnosisCategory } from '../../shared/diagnose';
import type { DiagnoseInput } from './types';
import { splitOf, type CorpusSet } from './corpus-split';

/** Where a log came from, so accuracy is never one blended number. */
export type CorpusKind = 'real thread' | 'virtual-board capture' | 'real run' | 'user report' | 'assembled' | 'other';

export interface CorpusEntry {
  name: string;
  path: string;
  expected: DiagnosisCategory;
  source: string;
  kind: CorpusKind;
  /** Real threads are split by corpus-split.ts; the project's own logs were all seen while building the engine. */
  set: CorpusSet;
  /** Every header field as written (source, openocd, probe, target, tool, cause, fix, confidence, ...). */
  header: Record<string, string>;
  input: DiagnoseInput;
}

function kindOf(header: Record<string, string>, inRealDir: boolean): CorpusKind {
  const k = (header['kind'] ?? '').trim().toLowerCase();
  if (k === 'real thread' || inRealDir) return 'real thread';
  const source = header['source'] ?? '';
  if (/virtual board fault/.test(source)) return 'virtual-board capture';
  if (source.startsWith('real run')) return 'real run';
  if (source.startsWith('user report')) return 'user report';
  if (source.startsWith('assembled from')) return 'assembled';
  return 'other';
}

export function parseCorpusFile(name: string, text: string, inRealDir = false): Omit<CorpusEntry, 'path'> {
  const expected = name.split('--')[0] ?? '';
  if (!isDiagnosisCategory(expected)) throw new Error(`corpus file ${name}: '${expected}' is not a category`);
  const lines = text.split('\n');
  const header: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && (lines[i] ?? '').startsWith('#'); i++) {
    const m = /^#\s*([\w-]+):\s*(.*)$/.exec(lines[i] ?? '');
    if (m && m[1]) header[m[1]] = (m[2] ?? '').trim();
  }
  const exit = header['exit'];
  const input: DiagnoseInput = { log: lines.slice(i).join('\n'), exitCode: exit !== undefined ? Number(exit) : undefined };
  // What the app learned beside the log: "# checks: connect-under-reset=ok", "# answers: measuredVoltage=0".
  if (header['checks']) input.checks = pairs(header['checks']).map(([id, v]) => ({ id, ok: v === 'ok' }));
  if (header['answers']) {
    input.answers = {};
    for (const [k, v] of pairs(header['answers'])) {
      if (k === 'measuredVoltage') input.answers.measuredVoltage = Number(v);
      else if (k === 'wiringChecked' || k === 'resetHoldHelped') input.answers[k] = v === 'true';
    }
  }
  const source = header['source'] ?? '';
  const kind = kindOf(header, inRealDir);
  if (kind === 'real thread' && !source) throw new Error(`corpus file ${name}: a real-thread log needs '# source:' (the split is by thread)`);
  return { name, expected, source, kind, set: kind === 'real thread' ? splitOf(source) : 'tuning', header, input };
}

function pairs(text: string): Array<[string, string]> {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((kv) => {
      const [k = '', v = ''] = kv.split('=');
      return [k, v];
    });
}

function loadDir(dir: string, inRealDir: boolean): CorpusEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => ({ ...parseCorpusFile(f.replace(/\.log$/, ''), readFileSync(join(dir, f), 'utf8'), inRealDir), path: join(dir, f) }));
}

/** The project's own logs in `dir`, then the real threads in `dir/real`. */
export function loadCorpus(dir: string): CorpusEntry[] {
  return [...loadDir(dir, false), ...loadDir(join(dir, 'real'), true)];
}
