// Every tuning-set log (the project's own, and the real threads corpus-split.ts keeps for
// tuning) must get its labelled category (the file name's prefix) as the top finding.
// Held-out real threads are never asserted here: bench/diagnose.ts prints their figure.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCorpus } from './corpus';
import { diagnose } from './engine';

const corpus = loadCorpus(join(__dirname, 'corpus'));
const tuning = corpus.filter((e) => e.set === 'tuning');

describe('diagnosis corpus', () => {
  it('holds real runs, user reports and source-assembled logs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((e) => e.kind === 'real run' || e.kind === 'virtual-board capture').length).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((e) => e.kind === 'user report').length).toBeGreaterThanOrEqual(3);
  });

  it('real threads carry their label fields; only they can be held out', () => {
    for (const e of corpus.filter((x) => x.kind === 'real thread'))
      for (const field of ['source', 'cause', 'fix', 'confidence']) expect(e.header[field], `${e.name}: ${field}`).toBeTruthy();
    expect(corpus.filter((e) => e.set === 'held-out').every((e) => e.kind === 'real thread')).toBe(true);
  });

  it.each(tuning.map((e) => [`${e.kind === 'real thread' ? 'real/' : ''}${e.name}`, e] as const))('%s', (_name, entry) => {
    const findings = diagnose(entry.input);
    expect(findings[0]?.category).toBe(entry.expected);
    // The top finding shows where it came from and what to do.
    expect(findings[0]?.evidence.length).toBeGreaterThan(0);
    expect(findings[0]?.steps.length).toBeGreaterThan(0);
  });

  // The seed reports are the problems the troubleshooter exists for; their threads' conclusions.
  it.each([
    ['gdb-attach-not-halted--seed-kinetis-cannot-communicate', 'gdb-attach-not-halted', 'add-gdb-attach-reset-init'],
    ['wiring--seed-particle-p1-init-mode-failed', 'wiring', 'check-wiring'],
    ['needs-reset-hold--seed-bluepill-invalid-mode', 'needs-reset-hold', 'retry-connect-under-reset'],
  ])('seed %s -> %s, first step offers %s', (name, category, action) => {
    const entry = corpus.find((e) => e.name === name);
    expect(entry).toBeDefined();
    const top = diagnose(entry!.input)[0];
    expect(top?.category).toBe(category);
    expect(top?.steps[0]?.action).toBe(action);
  });
});
