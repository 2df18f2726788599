// Findings belong to one connect attempt: a new attempt starts with none, so a board
// that failed one way and then another never shows the first failure's findings
// beside the second's. Pure state patches (unit-tested), applied by ./actions.ts.
import type { DiagnosisReport } from '../../shared/troubleshoot';
import type { DiagnoseSlice } from './diagnose-slice';
import type { WorkTab } from './layout-slice';

type DiagnosePatch = Partial<DiagnoseSlice>;

/** What a new connect attempt clears: the last attempt's findings, fix outcome, open flow and questions. */
export function newAttempt(): DiagnosePatch {
  return {
    diagnosis: undefined,
    lastFix: undefined,
    undoMessage: undefined,
    resetHoldWorked: undefined,
    fixError: undefined,
    confirm: undefined,
    flow: null,
  };
}

/**
 * The attempt ended: if it connected and nothing was diagnosed for it, there is nothing
 * to troubleshoot (the panel closes); a failure brings its own diagnosis (it stays open).
 */
export function attemptEnded(state: { diagnosis?: DiagnosisReport; troubleshooterOpen: boolean }, connected: boolean): DiagnosePatch {
  return connected && !state.diagnosis && state.troubleshooterOpen ? { troubleshooterOpen: false } : {};
}

/**
 * A diagnosis from main. The first one of an investigation brings the troubleshooter to
 * the front; later ones (a check finishing, a re-rank) update it where it is, so a user
 * who moved to another tab is not pulled back.
 */
export function diagnosisArrived(
  state: { diagnosis?: DiagnosisReport; troubleshooterOpen: boolean },
  report: DiagnosisReport,
): DiagnosePatch & { activeTab?: WorkTab } {
  const first = !state.troubleshooterOpen || state.diagnosis === undefined;
  return first ? { diagnosis: report, troubleshooterOpen: true, activeTab: 'troubleshoot' } : { diagnosis: report };
}
