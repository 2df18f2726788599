// The station panel's actions: everything goes to main's one station (shared by every
// window); slot and row events keep the grid live without polling.
import type { RequestOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { SlotState, StationRow, StationView } from '../../shared/station';
import { currentApi } from './actions';
import { useStore } from './index';

function settle<T>(r: Result<T>, apply?: (v: T) => void): void {
  if (!r.ok) return void useStore.setState({ stationError: r.error });
  useStore.setState({ stationError: undefined });
  apply?.(r.value);
}
const setView = (v: StationView): void => useStore.setState({ station: v });

export async function loadStation(): Promise<void> {
  settle(await currentApi().stationView(), setView);
}

export async function saveStationJob(req: RequestOf<'stationSetJob'>): Promise<void> {
  settle(await currentApi().stationSetJob(req), setView);
}

export async function setStationSlots(req: RequestOf<'stationSetSlots'>): Promise<void> {
  settle(await currentApi().stationSetSlots(req), setView);
}

export async function startStation(slotId?: string): Promise<void> {
  const typed = slotId ? useStore.getState().stationTyped[slotId] : undefined;
  settle(await currentApi().stationStart({ ...(slotId ? { slotId } : {}), ...(typed ? { typedSerial: typed } : {}) }));
  if (slotId) useStore.setState((s) => ({ stationTyped: { ...s.stationTyped, [slotId]: '' } }));
}

export async function rerunFailed(): Promise<void> {
  settle(await currentApi().stationRerunFailed());
}

export async function stopStation(): Promise<void> {
  settle(await currentApi().stationStop());
}

export async function lockStation(locked: boolean): Promise<void> {
  settle(await currentApi().stationLock({ locked }), () => void loadStation());
}

export async function setAutoStart(on: boolean): Promise<void> {
  settle(await currentApi().stationSetAutoStart({ on }), () => void loadStation());
}

export async function exportStation(): Promise<string | undefined> {
  const r = await currentApi().stationExport();
  settle(r);
  return r.ok ? r.value : undefined;
}

export function setTypedSerial(slotId: string, text: string): void {
  useStore.setState((s) => ({ stationTyped: { ...s.stationTyped, [slotId]: text } }));
}

export function onStationSlot(slot: SlotState): void {
  const v = useStore.getState().station;
  if (!v) return;
  const slots = v.slots.some((s) => s.id === slot.id) ? v.slots.map((s) => (s.id === slot.id ? slot : s)) : [...v.slots, slot];
  useStore.setState({ station: { ...v, slots } });
}

/** A new row: the summary and the recent list come fresh from main (they count the whole day). */
export function onStationRow(_row: StationRow): void {
  void loadStation();
}
