// How findings are printed by `bringup diagnose`: a readable report, or the JSON contract.
import { findingToJson, type Finding, type FindingJson } from '../../shared/diagnose';

export function findingsToJson(findings: Finding[]): { findings: FindingJson[] } {
  return { findings: findings.map(findingToJson) };
}

export function formatFindings(findings: Finding[]): string {
  if (findings.length === 0) return 'No problem found in this log.\n';
  const out: string[] = [];
  findings.forEach((f, i) => {
    out.push(`${i + 1}. ${f.title}  [${f.category}, ${Math.round(f.confidence * 100)}%]`);
    out.push(`   ${f.explanation}`);
    if (f.decidingQuestion) out.push(`   Decide first (the log cannot tell ${f.decidingQuestion.between.join(' / ')} apart): ${f.decidingQuestion.text}`);
    if (f.evidence.length > 0) {
      out.push('   Evidence:');
      for (const e of f.evidence) out.push(`     | ${e}`);
    }
    if (f.steps.length > 0) {
      out.push('   Next steps:');
      f.steps.forEach((s, j) => out.push(`     ${j + 1}) ${s.text}`));
    }
    out.push('');
  });
  return out.join('\n');
}
