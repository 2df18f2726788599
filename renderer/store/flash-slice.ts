import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
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
}

export interface FlashSlice {
  image?: StagedImage;
  /** Bytes sent so far while uploading a file (browser mode). */
  upload?: { name: string; sent: number; total: number };
  flashAddressText: string;
  flashVerify: boolean;
  flashJob?: FlashJobView;
  /** A request that failed before any job started (bad file, not connected, ...). */
  flashError?: ErrorValue;
}

export const createFlashSlice: StateCreator<FlashSlice, [], [], FlashSlice> = () => ({
  flashAddressText: '0x08000000',
  flashVerify: true,
});
