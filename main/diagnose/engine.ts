// The diagnosis engine: OpenOCD output (+ what the app knows) -> findings, most likely first.
//
// 1. normalize lines, 2. read facts, 3. match every category's signature table,
// 4. score each category as a noisy-OR of its matched rules (independent clues add
// up but never pass 1), 5. adjust with combined evidence (combine.ts), 6. word the
// findings (each category's describe()).
import type { DiagnosisCategory, Finding } from '../../shared/diagnose';
import type { DiagnoseInput, Line, RuleHit } from './types';
import { toLines } from './normalize';
import { extractFacts } from './facts';
import { SIGNATURES } from './signatures/index';
import { combine, type Scores } from './combine';
import { addDecidingQuestion } from './deciding';
import { attemptNote, splitAttempts } from './attempts';
import { contextSentence, logContext } from './log-context';

/** Findings below this are noise (a lone weak clue) and are not shown. */
export const MIN_CONFIDENCE = 0.15;
const MAX_CONFIDENCE = 0.98;
const MAX_EVIDENCE = 12;

const ORDER = new Map(SIGNATURES.map((s, i) => [s.category, i]));

export function matchRules(lines: Line[]): Map<DiagnosisCategory, RuleHit[]> {
  const hits = new Map<DiagnosisCategory, RuleHit[]>();
  for (const table of SIGNATURES) {
    const list: RuleHit[] = [];
    for (const rule of table.rules) {
      for (const line of lines) {
        const m = rule.match.exec(line.text);
        if (m && (!rule.when || rule.when(m))) list.push({ rule, line, match: m });
      }
    }
    if (list.length > 0) hits.set(table.category, list);
  }
  return hits;
}

/** 1 - prod(1 - w) over distinct rules: each distinct message is one clue. */
function noisyOr(hits: RuleHit[]): number {
  const seen = new Set<string>();
  let miss = 1;
  for (const h of hits) {
    if (seen.has(h.rule.id)) continue;
    seen.add(h.rule.id);
    miss *= 1 - h.rule.weight;
  }
  return 1 - miss;
}

function evidenceOf(hits: RuleHit[], extra: Line[]): string[] {
  const byIndex = new Map<number, string>();
  for (const h of hits) byIndex.set(h.line.index, h.line.raw);
  for (const l of extra) byIndex.set(l.index, l.raw);
  const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, raw]) => raw);
  // Repeated lines (polling retries) add nothing for the reader.
  return [...new Set(ordered)].slice(0, MAX_EVIDENCE);
}

function errorLines(lines: Line[]): Line[] {
  return lines.filter((l) => l.level === 'error' || /^Error\b/.test(l.raw));
}

export function diagnose(input: DiagnoseInput): Finding[] {
  const all = toLines(input);
  const attempts = splitAttempts(all);
  if (attempts.count < 2) return diagnoseLines(input, all);
  // Several runs: the last one is what is wrong now (unless it shows nothing at all).
  const findings = diagnoseLines(input, attempts.last);
  if (findings.length === 0) return diagnoseLines(input, all);
  const previous = diagnoseLines(input, all.slice(0, all.indexOf(attempts.last[0]!)))[0];
  const top = findings[0]!;
  const outcome = previous && previous.category !== top.category ? `${previous.category}: ${previous.title}` : undefined;
  top.explanation = `${top.explanation} ${attemptNote(attempts, outcome)}`;
  return findings;
}

function diagnoseLines(input: DiagnoseInput, lines: Line[]): Finding[] {
  const facts = extractFacts(lines);
  const hits = matchRules(lines);
  const scores: Scores = new Map();
  for (const [cat, list] of hits) scores.set(cat, noisyOr(list));
  const support = new Map<DiagnosisCategory, Line[]>();
  combine({ scores, hits, facts, input, lines, support });

  const findings: Finding[] = [];
  for (const table of SIGNATURES) {
    const score = scores.get(table.category) ?? 0;
    if (score < MIN_CONFIDENCE) continue;
    const catHits = hits.get(table.category) ?? [];
    const text = table.describe({ input, facts, lines, hits: new Set(catHits.map((h) => h.rule.id)) });
    findings.push({
      category: table.category,
      confidence: Math.min(MAX_CONFIDENCE, score),
      ...text,
      evidence: evidenceOf(catHits, support.get(table.category) ?? []),
    });
  }

  const failed = (input.exitCode != null && input.exitCode !== 0) || errorLines(lines).length > 0;
  if (findings.length === 0 && failed) {
    const unknown = SIGNATURES.find((s) => s.category === 'unknown');
    if (unknown) {
      const text = unknown.describe({ input, facts, lines, hits: new Set() });
      findings.push({ category: 'unknown', confidence: 0.2, ...text, evidence: evidenceOf([], errorLines(lines)) });
    }
  }

  findings.sort((a, b) => b.confidence - a.confidence || (ORDER.get(a.category) ?? 0) - (ORDER.get(b.category) ?? 0));
  addDecidingQuestion(findings, input, facts);
  // The top finding names the setup it read, so the reader can check it is theirs.
  const seen = contextSentence(logContext(lines));
  if (findings[0] && seen) findings[0].explanation = `${findings[0].explanation} ${seen}`;
  return findings;
}
