import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { RegistersSnapshot } from '../../shared/workbench';

export interface TargetSlice {
  registers?: RegistersSnapshot;
  regBusy: boolean;
  /** A run-control action in flight ('halt', 'reset halt', ...). */
  controlBusy?: string;
  regError?: ErrorValue;
  /** The core registers at the halt before this one: what changed is highlighted. */
  regPrev?: Record<string, number>;
}

export const createTargetSlice: StateCreator<TargetSlice, [], [], TargetSlice> = () => ({
  regBusy: false,
});
