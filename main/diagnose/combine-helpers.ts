// Small score helpers shared by combine.ts and combine-causes.ts.
import type { DiagnosisCategory } from '../../shared/diagnose';
import type { DiagnoseInput, Facts, Line, RuleHit } from './types';

export type Scores = Map<DiagnosisCategory, number>;

export interface CombineContext {
  scores: Scores;
  hits: Map<DiagnosisCategory, RuleHit[]>;
  facts: Facts;
  input: DiagnoseInput;
  lines: Line[];
  /** Extra log lines that support a category without being a rule hit (e.g. the voltage line). */
  support: Map<DiagnosisCategory, Line[]>;
}

export function get(c: CombineContext, cat: DiagnosisCategory): number {
  return c.scores.get(cat) ?? 0;
}
export function atLeast(c: CombineContext, cat: DiagnosisCategory, v: number): void {
  c.scores.set(cat, Math.max(get(c, cat), v));
}
export function scale(c: CombineContext, cat: DiagnosisCategory, f: number): void {
  if (c.scores.has(cat)) c.scores.set(cat, get(c, cat) * f);
}
export function hit(c: CombineContext, cat: DiagnosisCategory, ruleId: string): boolean {
  return (c.hits.get(cat) ?? []).some((h) => h.rule.id === ruleId);
}
export function support(c: CombineContext, cat: DiagnosisCategory, pred: (l: Line) => boolean): void {
  const found = c.lines.filter(pred);
  if (found.length > 0) c.support.set(cat, [...(c.support.get(cat) ?? []), ...found]);
}

/** Signals that nothing (or nothing sensible) answered on the debug port. */
export function noAnswer(c: CombineContext): boolean {
  return ['scan-all-ones', 'scan-all-zeroes', 'swd-cannot-read-idr', 'stlink-init-mode-failed', 'cmsis-connect-failed', 'ir-capture-error', 'swd-multidrop-failed', 'riscv-dtmcontrol-0'].some(
    (id) => hit(c, 'wiring', id) || hit(c, 'target-unpowered', id),
  );
}

