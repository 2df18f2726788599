import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../shared/errors';
import type { StationView } from '../../shared/station';

/** The production station panel: what main says the station is, and the panel's own form fields. */
export interface StationSlice {
  station?: StationView;
  stationError?: ErrorValue;
  /** Serials typed or scanned per slot, for jobs with typed serials. */
  stationTyped: Record<string, string>;
}

export const createStationSlice: StateCreator<StationSlice, [], [], StationSlice> = () => ({
  stationTyped: {},
});
