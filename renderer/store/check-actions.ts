// The power-on check: start (optionally from a step), live progress from checkProgress
// events, the final report, the list of saved ones, cancel.
import type { BoardCheckReport, CheckProgress, CheckStepId } from '../../shared/check';
import { currentApi } from './actions';
import { useStore } from './index';

export function onCheckProgress(p: CheckProgress): void {
  if (p.type === 'step-start') useStore.setState({ checkCurrent: { id: p.id, title: p.title } });
  else if (p.type === 'step-progress') {
    const cur = useStore.getState().checkCurrent;
    if (cur?.id === p.id) useStore.setState({ checkCurrent: { ...cur, text: p.text, ...(p.fraction !== undefined ? { fraction: p.fraction } : {}) } });
  } else useStore.setState((s) => ({ checkSteps: [...s.checkSteps, p.result], checkCurrent: undefined }));
}

export async function runCheck(from?: CheckStepId): Promise<void> {
  const s = useStore.getState();
  if (s.checkRunning) return;
  const profileId = s.status.state === 'connected' && s.status.profileId ? s.status.profileId : s.selectedId;
  if (!profileId) {
    useStore.setState({ checkError: { kind: 'ValidationError', message: 'Choose a profile first', hint: 'Pick the board’s profile in the bar at the top.' } });
    return;
  }
  useStore.setState({ checkRunning: true, checkSteps: [], checkCurrent: undefined, checkError: undefined, checkReport: undefined });
  const r = await currentApi().runCheck({ profileId, ...(s.checkSkip.length ? { skip: s.checkSkip } : {}), ...(from ? { from } : {}) });
  useStore.setState(r.ok ? { checkRunning: false, checkReport: r.value, checkSteps: r.value.steps, checkCurrent: undefined } : { checkRunning: false, checkError: r.error, checkCurrent: undefined });
  await loadCheckReports();
}

export async function cancelCheck(): Promise<void> {
  await currentApi().cancelCheck();
}

export async function loadCheckReports(): Promise<void> {
  const r = await currentApi().listCheckReports();
  if (r.ok) useStore.setState({ checkReports: r.value });
}

export function toggleCheckStep(id: CheckStepId, on: boolean): void {
  useStore.setState((s) => ({ checkSkip: on ? s.checkSkip.filter((x) => x !== id) : [...new Set([...s.checkSkip, id])] }));
}

export function showReport(report: BoardCheckReport): void {
  useStore.setState({ checkReport: report, checkSteps: report.steps });
}
