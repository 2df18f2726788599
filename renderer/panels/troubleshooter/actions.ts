// The troubleshooter's actions: run a diagnosis, apply/undo a fix, open a guided
// flow. Module-level functions over the shared store, like ../../store/actions.
import type { FixAction } from '../../../shared/diagnose';
import type { DiagnosisReport, TroubleAnswers } from '../../../shared/troubleshoot';
import { useStore } from '../../store';
import { connect, currentApi, loadProfiles } from '../../store/actions';
import type { TroubleFlow } from '../../store/diagnose-slice';
import { diagnosisArrived } from '../../store/diagnose-attempt';

/** Destructive fixes ask first: erasing flash cannot be undone. */
const WARNINGS: Partial<Record<FixAction, string>> = {
  'unlock-flash':
    'Removing read protection MASS-ERASES the whole flash (that is how the chip protects its contents). Your firmware and any data in flash will be gone. Continue?',
  'remove-write-protection':
    'This rewrites the chip\'s option bytes to clear write protection on every page, then resets the chip. The flash content is kept; the running firmware restarts. Continue?',
  'mass-erase': 'This erases the WHOLE flash: the firmware that takes the debug pins will be gone, and so will everything else in flash. Continue?',
};

let subscribed: (() => void) | undefined;

/** Subscribes once to the host's automatic diagnosis of a failed connect. */
export function subscribeDiagnosis(): () => void {
  subscribed ??= currentApi().onDiagnosis(onDiagnosis);
  return subscribed;
}

export function onDiagnosis(report: DiagnosisReport): void {
  // A failed connect opens the troubleshooter in front; the fix flow's own reconnects do not close it.
  useStore.setState(diagnosisArrived(useStore.getState(), report));
}

export function openTroubleshooter(open = true): void {
  useStore.setState(open ? { troubleshooterOpen: true, activeTab: 'troubleshoot' } : { troubleshooterOpen: false });
}

/** Diagnoses now; answers from a guided flow (e.g. a measured voltage) are weighed with the log. */
export async function runDiagnosis(answers?: TroubleAnswers): Promise<void> {
  useStore.setState({ diagnosing: true, troubleshooterOpen: true });
  if (useStore.getState().activeTab !== 'troubleshoot') useStore.setState({ activeTab: 'troubleshoot' });
  const r = await currentApi().diagnose(answers ? { answers } : {});
  useStore.setState(r.ok ? { diagnosing: false, diagnosis: r.value } : { diagnosing: false, fixError: r.error });
}

export function requestFix(action: FixAction, args?: Record<string, string>): void {
  const warning = WARNINGS[action];
  if (warning) useStore.setState({ confirm: { action, args, warning } });
  else void applyFix(action, args);
}

export function cancelConfirm(): void {
  useStore.setState({ confirm: undefined });
}

export async function confirmFix(): Promise<void> {
  const c = useStore.getState().confirm;
  useStore.setState({ confirm: undefined });
  if (c) await applyFix(c.action, c.args);
}

export async function applyFix(action: FixAction, args?: Record<string, string>): Promise<void> {
  const s = useStore.getState();
  const profileId = s.diagnosis?.profileId ?? s.status.profileId ?? s.selectedId;
  useStore.setState({ fixBusy: action, fixError: undefined, lastFix: undefined, undoMessage: undefined });
  const r = await currentApi().applyFix({ action, ...(profileId ? { profileId } : {}), ...(args ? { args } : {}) });
  if (!r.ok) {
    useStore.setState({ fixBusy: undefined, fixError: r.error });
    return;
  }
  // A reset or speed retry is evidence: the host re-ranked the findings with it.
  useStore.setState(r.value.diagnosis ? { fixBusy: undefined, lastFix: r.value, diagnosis: r.value.diagnosis } : { fixBusy: undefined, lastFix: r.value });
  if (r.value.fixId) {
    await loadProfiles();
    if (r.value.profileId) useStore.setState({ selectedId: r.value.profileId });
  }
}

export async function undoFix(): Promise<void> {
  const fix = useStore.getState().lastFix;
  if (!fix?.fixId) return;
  const r = await currentApi().undoFix({ fixId: fix.fixId });
  if (!r.ok) {
    useStore.setState({ fixError: r.error });
    return;
  }
  useStore.setState({ lastFix: { ...fix, fixId: undefined, offer: undefined }, undoMessage: r.value.message });
  await loadProfiles();
  useStore.setState({ selectedId: r.value.profiles.selectedId });
}

/**
 * The technician held RESET and pressed Connect (no NRST wire). If it connected, that is
 * the answer the engine weighs: holding reset helped, which confirms needs-reset-hold.
 */
export async function connectHoldingReset(profileId: string): Promise<void> {
  useStore.setState({ resetHoldWorked: undefined });
  await connect(profileId);
  if (useStore.getState().status.state !== 'connected') {
    useStore.setState({ resetHoldWorked: false });
    return;
  }
  useStore.setState({ resetHoldWorked: true });
  await runDiagnosis({ resetHoldHelped: true });
}

export function openFlow(flow: TroubleFlow): void {
  useStore.setState({ flow });
}
