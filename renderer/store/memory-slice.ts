import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';

export interface MemoryBlockView {
  address: number;
  bytes: Uint8Array;
  /** Read time, so the view can tell a refresh happened. */
  readAt: number;
}

export interface MemorySlice {
  memAddressText: string;
  memLengthText: string;
  memBlock?: MemoryBlockView;
  memBusy: boolean;
  /** The read under way: its id (for Cancel) and, once the first chunk is in, how far it got. */
  memRead?: { readId: string; done: number; total: number; bytesPerSecond: number; cancelling?: boolean };
  /** The last read/write/validation failure; the block read before it stays shown. */
  memError?: ErrorValue;
  /** A short confirmation ("wrote 0xab at 0x20000000"). */
  memNotice?: string;
  /** Scroll request for the hex view: the address to bring into view (seq makes repeats count). */
  memScrollTo?: { address: number; seq: number };
  /** The byte or word being edited. */
  editAddressText: string;
  editValueText: string;
  editWidth: 8 | 16 | 32;
}

export const createMemorySlice: StateCreator<MemorySlice, [], [], MemorySlice> = () => ({
  memAddressText: '0x20000000',
  memLengthText: '256',
  memBusy: false,
  editAddressText: '',
  editValueText: '',
  editWidth: 8,
});
