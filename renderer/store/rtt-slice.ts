// The RTT panel's state: where to search for the control block, what was found, the
// channel being streamed and its text (bounded: the oldest text is dropped).
import type { StateCreator } from 'zustand';
import type { RttInfo } from '../../shared/contract';
import type { ErrorValue } from '../../shared/errors';

export interface RttSlice {
  rttAddressText: string;
  rttSizeText: string;
  rttInfo?: RttInfo;
  /** The up-channel being streamed. */
  rttChannel?: number;
  rttText: string;
  rttInput: string;
  rttBusy: boolean;
  rttError?: ErrorValue;
}

export const createRttSlice: StateCreator<RttSlice, [], [], RttSlice> = () => ({
  rttAddressText: '0x20000000',
  rttSizeText: '0x5000',
  rttText: '',
  rttInput: '',
  rttBusy: false,
});
