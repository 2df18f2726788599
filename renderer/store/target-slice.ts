import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { RegistersSnapshot } from '../../shared/workbench';

export interface TargetSlice {
  registers?: RegistersSnapshot;
  regBusy: boolean;
  /** A run-control action in flight ('halt', 'reset halt', ...). */
  controlBusy?: string;
  regError?: ErrorValue;
}

export const createTargetSlice: StateCreator<TargetSlice, [], [], TargetSlice> = () => ({
  regBusy: false,
});
