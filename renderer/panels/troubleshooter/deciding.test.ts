import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/diagnose';
import type { DiagnosisReport } from '../../../shared/troubleshoot';
import { decidingQuestion } from './deciding';

const f = (category: Finding['category'], confidence: number, extra: Partial<Finding> = {}): Finding => ({
  category,
  confidence,
  title: category,
  explanation: '',
  evidence: [],
  steps: [],
  ...extra,
});
const report = (findings: Finding[], more: Partial<DiagnosisReport> = {}): DiagnosisReport => ({ findings, trigger: 'auto', state: 'failed', time: 0, ...more });

describe('decidingQuestion', () => {
  it('asks for the voltage first when unpowered and wiring are tied', () => {
    const q = decidingQuestion(report([f('target-unpowered', 0.6), f('wiring', 0.6)]));
    expect(q?.kind).toBe('voltage');
    expect(q?.between).toEqual(['target-unpowered', 'wiring']);
  });
  it('asks nothing when the log already tells them apart', () => {
    expect(decidingQuestion(report([f('wiring', 0.8), f('target-unpowered', 0.4)]))).toBeUndefined();
  });
  it('asks nothing when the adapter reported a voltage', () => {
    expect(decidingQuestion(report([f('target-unpowered', 0.6), f('wiring', 0.6)], { targetVoltage: 3.3 }))).toBeUndefined();
  });
  it('uses the engine’s own question when a finding carries one', () => {
    const withQ = f('wiring', 0.7, { decidingQuestion: { text: 'Is VTref at 3.3 V?', between: ['wiring', 'target-unpowered'] } });
    expect(decidingQuestion(report([withQ, f('target-unpowered', 0.5)]))?.text).toBe('Is VTref at 3.3 V?');
  });
  it('offers the slow-clock retry when wiring and signal integrity are tied', () => {
    expect(decidingQuestion(report([f('signal-integrity', 0.5), f('wiring', 0.48)]))?.kind).toBe('slow-clock');
  });
  it('asks nothing for a single finding or none', () => {
    expect(decidingQuestion(report([f('wiring', 0.9)]))).toBeUndefined();
    expect(decidingQuestion(undefined)).toBeUndefined();
  });
});
