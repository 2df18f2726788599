import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../shared/connection';
import type { DiagnosisReport } from '../../shared/troubleshoot';
import { shownConnection, statusAfterTransportLost } from './connection-view';
import { attemptEnded, diagnosisArrived, newAttempt } from './diagnose-attempt';

const connected: ConnectionStatus = { state: 'connected', target: 'running', info: { taps: [], targetName: 'stm32f1x.cpu' }, profileId: 'vb' };
const report = (category: string): DiagnosisReport =>
  ({ findings: [{ category, confidence: 0.8, title: category, explanation: '', evidence: [], steps: [] }], trigger: 'auto', state: 'failed', time: 0 }) as DiagnosisReport;

describe('connection view', () => {
  it('shows what main said while the page hears it', () => {
    expect(shownConnection(connected, 'open')).toEqual({ state: 'connected', target: 'running' });
  });
  it('shows disconnected the moment the transport closes, never the last "connected"', () => {
    expect(shownConnection(connected, 'closed')).toEqual({ state: 'disconnected', target: 'unknown' });
    const kept = statusAfterTransportLost(connected);
    expect(kept.state).not.toBe('connected');
    expect(kept.target).toBe('unknown');
    expect(kept.profileId).toBe('vb');
  });
});

describe('findings belong to one attempt', () => {
  it('a new attempt clears the last one’s findings and fix outcome', () => {
    const patch = newAttempt();
    expect(patch).toMatchObject({ diagnosis: undefined, lastFix: undefined, flow: null });
    expect(Object.keys(patch)).toContain('diagnosis');
  });
  it('a connect that worked with nothing diagnosed closes the troubleshooter; a failure keeps it', () => {
    expect(attemptEnded({ troubleshooterOpen: true }, true)).toEqual({ troubleshooterOpen: false });
    expect(attemptEnded({ troubleshooterOpen: true, diagnosis: report('needs-reset-hold') }, true)).toEqual({});
    expect(attemptEnded({ troubleshooterOpen: true }, false)).toEqual({});
  });
  it('the first diagnosis of an attempt brings the troubleshooter to the front; later ones only update it', () => {
    expect(diagnosisArrived({ troubleshooterOpen: false }, report('wiring'))).toMatchObject({ troubleshooterOpen: true, activeTab: 'troubleshoot' });
    const later = diagnosisArrived({ troubleshooterOpen: true, diagnosis: report('wiring') }, report('target-unpowered'));
    expect(later.activeTab).toBeUndefined();
    expect(later.diagnosis?.findings[0]?.category).toBe('target-unpowered');
  });
});
