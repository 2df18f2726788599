import type { StateCreator } from 'zustand';
import type { BoardCheckReport, CheckStepId, CheckStepResult } from '../../shared/check';
import type { ErrorValue } from '../../shared/errors';

/** The power-on check panel: the run in progress (steps as they finish) and the saved reports. */
export interface CheckSlice {
  checkRunning: boolean;
  /** Steps finished in the current (or last) run, in order. */
  checkSteps: CheckStepResult[];
  /** The step running now and what it is doing. */
  checkCurrent?: { id: CheckStepId; title: string; text?: string; fraction?: number };
  checkReport?: BoardCheckReport;
  checkReports: BoardCheckReport[];
  checkError?: ErrorValue;
  /** Steps the user switched off for the next run. */
  checkSkip: CheckStepId[];
}

export const createCheckSlice: StateCreator<CheckSlice, [], [], CheckSlice> = () => ({
  checkRunning: false,
  checkSteps: [],
  checkReports: [],
  checkSkip: [],
});
