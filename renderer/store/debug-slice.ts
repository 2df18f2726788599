import type { StateCreator } from 'zustand';
import type { DebugPoints, HaltInfo } from '../../shared/debug';
import type { ErrorValue } from '../../shared/errors';

export interface DebugSlice {
  debugPoints?: DebugPoints;
  haltInfo?: HaltInfo;
  debugBusy?: string;
  debugError?: ErrorValue;
  debugNotice?: string;
}

export const createDebugSlice: StateCreator<DebugSlice, [], [], DebugSlice> = () => ({});
