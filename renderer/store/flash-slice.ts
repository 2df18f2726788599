import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { FlashHistoryEntry } from '../../shared/flash-history';
import type { FlashJobEvent, FlashOp, StagedImage } from '../../shared/workbench';

export interface FlashJobView {
  op: FlashOp;
  /** Undefined while startFlash is in flight. */
  jobId?: string;
  /** The latest progress event. */
  progress?: Extract<FlashJobEvent, { type: 'progress' }>;
  /** The final event, once it came. */
  outcome?: Extract<FlashJobEvent, { type: 'done' | 'failed' | 'cancelled' }>;
  cancelling: boolean;
  /** A program asked for "reset and run" afterwards (the outcome says the firmware was started). */
  resetAfter?: boolean;
}

export interface FlashSlice {
  image?: StagedImage;
  /** Bytes sent so far while uploading a file (browser mode). */
  upload?: { name: string; sent: number; total: number };
  flashAddressText: string;
  flashVerify: boolean;
  /** Reset and run after programming (on by default: what a technician wants). */
  flashResetAfter: boolean;
  /** Sector erase of a range: the fields as typed. */
  eraseAddressText: string;
  eraseLengthText: string;
  /** The last flashes, newest first (from main). */
  flashHistory: FlashHistoryEntry[];
  flashJob?: FlashJobView;
  /** A request that failed before any job started (bad file, not connected, ...). */
  flashError?: ErrorValue;
}

export const createFlashSlice: StateCreator<FlashSlice, [], [], FlashSlice> = () => ({
  flashAddressText: '0x08000000',
  flashVerify: true,
  flashResetAfter: true,
  eraseAddressText: '0x08008000',
  eraseLengthText: '0x800',
  flashHistory: [],
});
