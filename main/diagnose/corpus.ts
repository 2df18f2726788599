// Reads the test corpus: corpus/<expected-category>--<short-name>.log. A leading block
// of "# key: value" lines is the header (source, situation, exit code), not log.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDiagnosisCategory, type DiagnosisCategory } from '../../shared/diagnose';
import type { DiagnoseInput } from './types';

export interface CorpusEntry {
  name: string;
  path: string;
  expected: DiagnosisCategory;
  source: string;
  input: DiagnoseInput;
}

export function parseCorpusFile(name: string, text: string): Omit<CorpusEntry, 'path'> {
  const expected = name.split('--')[0] ?? '';
  if (!isDiagnosisCategory(expected)) throw new Error(`corpus file ${name}: '${expected}' is not a category`);
  const lines = text.split('\n');
  const header: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && (lines[i] ?? '').startsWith('#'); i++) {
    const m = /^#\s*([\w-]+):\s*(.*)$/.exec(lines[i] ?? '');
    if (m && m[1]) header[m[1]] = m[2] ?? '';
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
  return { name, expected, source: header['source'] ?? '', input };
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

export function loadCorpus(dir: string): CorpusEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => ({ ...parseCorpusFile(f.replace(/\.log$/, ''), readFileSync(join(dir, f), 'utf8')), path: join(dir, f) }));
}
