import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { PeriphModel, PeriphRead } from '../../shared/peripherals';

/** 'halted': re-read the open peripherals at every halt; a number: every that many ms. */
export type PeriphRefresh = 'off' | 'halted' | 1000 | 5000;

export interface PeriphSlice {
  /** undefined: not asked yet; null: the profile has no SVD. */
  periphModel?: PeriphModel | null;
  periphLoading: boolean;
  periphFilter: string;
  /** Peripherals and registers ("GPIOC", "GPIOC.ODR") opened in the tree. */
  periphOpen: Record<string, boolean>;
  /** The last read of each peripheral, and the one before it (what changed). */
  periphReads: Record<string, PeriphRead>;
  periphPrev: Record<string, PeriphRead>;
  periphBusy?: string;
  periphRefresh: PeriphRefresh;
  periphError?: ErrorValue;
  periphNotice?: string;
}

export const createPeriphSlice: StateCreator<PeriphSlice, [], [], PeriphSlice> = () => ({
  periphLoading: false,
  periphFilter: '',
  periphOpen: {},
  periphReads: {},
  periphPrev: {},
  periphRefresh: 'halted',
});
