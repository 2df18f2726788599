// The troubleshooter's state: the last diagnosis, the fix being applied and its
// outcome. Changed only by renderer/panels/troubleshooter/actions.ts.
import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { FixAction } from '../../shared/diagnose';
import type { DiagnosisReport, FixResult } from '../../shared/troubleshoot';

export type TroubleFlow = 'voltage' | 'wiring' | 'udev' | null;

export interface DiagnoseSlice {
  troubleshooterOpen: boolean;
  diagnosis?: DiagnosisReport;
  diagnosing: boolean;
  /** The fix in flight (its reconnect can take seconds). */
  fixBusy?: FixAction;
  lastFix?: FixResult;
  /** What undoing lastFix put back, and how the reconnect or re-check went. */
  undoMessage?: string;
  /** The technician held RESET while connecting and the connect worked (reset-hold flow). */
  resetHoldWorked?: boolean;
  fixError?: ErrorValue;
  /** A destructive fix waiting for the user to confirm its warning. */
  confirm?: { action: FixAction; args?: Record<string, string>; warning: string };
  flow: TroubleFlow;
}

export const createDiagnoseSlice: StateCreator<DiagnoseSlice, [], [], DiagnoseSlice> = () => ({
  troubleshooterOpen: false,
  diagnosing: false,
  flow: null,
});
