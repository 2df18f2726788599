// Prints the engine's findings (category, score, matched rules) for corpus logs, for tuning:
//   npx esbuild main/diagnose/corpus/tools/explain.ts --bundle --platform=node --log-level=warning | node - FILE...
// Refuses held-out logs (by the same split as the bench): their findings are not for tuning eyes.
import { basename } from 'node:path';
import { loadCorpus } from '../../corpus';
import { diagnose } from '../../index';
import { join } from 'node:path';

const corpus = loadCorpus(join(process.cwd(), 'main', 'diagnose', 'corpus'));
for (const file of process.argv.slice(2)) {
  const name = basename(file, '.log');
  const entry = corpus.find((e) => e.name === name || e.name === `real/${name}`);
  if (!entry) {
    console.log(`${name}: not in the corpus`);
    continue;
  }
  if (entry.set === 'held-out') {
    console.log(`${name}: held out, not shown`);
    continue;
  }
  const findings = diagnose(entry.input);
  console.log(`== ${name} (expected ${entry.expected})`);
  for (const f of findings.slice(0, 5)) console.log(`  ${f.category.padEnd(22)} ${f.confidence.toFixed(3)}  ${f.title}\n      ${f.evidence.slice(0, 4).join(' | ').slice(0, 300)}`);
}
