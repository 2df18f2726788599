// Lists the real-thread corpus files of one set WITHOUT reading their logs: only the
// "# source:" header line is looked at, to compute the split. The tuner reads only what
// `tuning` prints; held-out logs are never opened to tune rules. From the repo root:
//   npx esbuild main/diagnose/corpus/tools/list-split.ts --bundle --platform=node --log-level=warning | node - tuning
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from '../../corpus-split';

const dir = join(process.cwd(), 'main', 'diagnose', 'corpus', 'real');
const want = process.argv[2] ?? 'tuning';
for (const f of readdirSync(dir).filter((n) => n.endsWith('.log')).sort()) {
  const source = /^# source:\s*(.*)$/m.exec(readFileSync(join(dir, f), 'utf8').slice(0, 2000))?.[1] ?? '';
  if (splitOf(source) === want) console.log(join(dir, f));
}
