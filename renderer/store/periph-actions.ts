// The Peripherals panel's actions: load the profile's SVD model, open one (dialog in
// Electron, upload in the browser), read a peripheral, write a field or register and
// show what was read back. A read keeps the one before it so changes can be shown.
import type { PeriphRead, PeriphRegisterRead } from '../../shared/peripherals';
import { UPLOAD_CHUNK_BYTES } from '../../shared/workbench';
import { hex, parseNumber } from '../lib/numbers';
import { toBase64 } from '../lib/base64';
import { currentApi } from './actions';
import { loadBoard } from './board-actions';
import { useStore, type AppState } from './index';
import { goToAddress } from './memory-actions';

/** The profile the panel works for: the connected one, else the one selected. */
export function periphProfileId(s: Pick<AppState, 'status' | 'selectedId'> = useStore.getState()): string {
  return (s.status.state === 'connected' ? s.status.profileId : undefined) ?? s.selectedId ?? '';
}

export async function loadPeriphModel(): Promise<void> {
  const profileId = periphProfileId();
  if (!profileId) return;
  useStore.setState({ periphLoading: true, periphError: undefined });
  const r = await currentApi().svdModel({ profileId });
  useStore.setState(r.ok ? { periphLoading: false, periphModel: r.value, periphReads: {}, periphPrev: {} } : { periphLoading: false, periphError: r.error });
}

/** Electron: the open dialog. */
export async function openSvdDialog(): Promise<void> {
  useStore.setState({ periphLoading: true, periphError: undefined });
  const r = await currentApi().svdOpen({ profileId: periphProfileId() });
  if (!r.ok) return useStore.setState({ periphLoading: false, periphError: r.error });
  useStore.setState(r.value ? { periphLoading: false, periphModel: r.value, periphReads: {}, periphPrev: {} } : { periphLoading: false });
}

/** Browser mode: the picked file goes to the host in chunks, where it is parsed and remembered. */
export async function uploadSvd(file: File): Promise<void> {
  const profileId = periphProfileId();
  useStore.setState({ periphLoading: true, periphError: undefined, periphNotice: `uploading ${file.name}…` });
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Each chunk is encoded on its own, within the contract's per-chunk cap.
  const step = UPLOAD_CHUNK_BYTES;
  for (let offset = 0; offset < bytes.length; offset += step) {
    const r = await currentApi().svdUpload({ profileId, name: file.name, offset, total: bytes.length, data: toBase64(bytes.subarray(offset, offset + step)) });
    if (!r.ok) return useStore.setState({ periphLoading: false, periphError: r.error, periphNotice: undefined });
    if (r.value.model) {
      useStore.setState({ periphLoading: false, periphModel: r.value.model, periphReads: {}, periphPrev: {}, periphNotice: `opened ${file.name}` });
      return;
    }
  }
}

export async function forgetSvd(): Promise<void> {
  const r = await currentApi().svdForget({ profileId: periphProfileId() });
  useStore.setState(r.ok ? { periphModel: r.value, periphReads: {}, periphPrev: {}, periphNotice: undefined } : { periphError: r.error });
}

export function setPeriphFilter(text: string): void {
  useStore.setState({ periphFilter: text });
}

export function toggleOpen(key: string, open?: boolean): void {
  const cur = useStore.getState().periphOpen;
  const next = open ?? !cur[key];
  useStore.setState({ periphOpen: { ...cur, [key]: next } });
  // Opening a peripheral reads it, as a debugger's peripheral view does.
  if (next && !key.includes('.') && !useStore.getState().periphReads[key]) void readPeripheral(key);
}

function storeRead(read: PeriphRead): void {
  const s = useStore.getState();
  const prev = s.periphReads[read.peripheral];
  useStore.setState({
    periphReads: { ...s.periphReads, [read.peripheral]: read },
    periphPrev: prev ? { ...s.periphPrev, [read.peripheral]: prev } : s.periphPrev,
  });
}

export async function readPeripheral(peripheral: string, include?: string[]): Promise<void> {
  useStore.setState({ periphBusy: peripheral, periphError: undefined });
  const r = await currentApi().peripheralRead(include ? { profileId: periphProfileId(), peripheral, include } : { profileId: periphProfileId(), peripheral });
  useStore.setState({ periphBusy: undefined });
  if (!r.ok) return useStore.setState({ periphError: r.error });
  storeRead(r.value);
}

/** Re-reads every peripheral open in the tree (auto refresh). */
export async function refreshOpenPeripherals(): Promise<void> {
  const s = useStore.getState();
  if (s.status.state !== 'connected' || !s.periphModel) return;
  // Every peripheral read before and not closed since (opened by a click or by the filter).
  const keys = new Set([...Object.keys(s.periphReads), ...Object.keys(s.periphOpen).filter((k) => !k.includes('.') && s.periphOpen[k])]);
  for (const key of keys) if (s.periphOpen[key] !== false) await readPeripheral(key);
}

/** The new register value in place in the last read (the rest of the peripheral stays as read). */
function replaceRegister(peripheral: string, reg: PeriphRegisterRead): void {
  const s = useStore.getState();
  const last = s.periphReads[peripheral];
  if (!last) return;
  const registers = last.registers.map((r) => (r.name === reg.name ? reg : r));
  useStore.setState({ periphReads: { ...s.periphReads, [peripheral]: { ...last, registers, readAt: Date.now() } }, periphPrev: { ...s.periphPrev, [peripheral]: last } });
}

async function afterWrite(): Promise<void> {
  // The virtual board's LED follows GPIOC: the board menu shows it.
  if (useStore.getState().board) await loadBoard();
}

export async function writeField(peripheral: string, register: string, field: string, text: string): Promise<boolean> {
  const t = text.trim();
  if (!t) {
    useStore.setState({ periphError: { kind: 'ValidationError', message: `${peripheral}.${register}.${field}: enter a value` } });
    return false;
  }
  const n = parseNumber(t);
  useStore.setState({ periphBusy: `${peripheral}.${register}`, periphError: undefined, periphNotice: undefined });
  const r = await currentApi().peripheralWriteField({ profileId: periphProfileId(), peripheral, register, field, value: n ?? t });
  useStore.setState({ periphBusy: undefined });
  if (!r.ok) {
    useStore.setState({ periphError: r.error });
    return false;
  }
  replaceRegister(peripheral, r.value.after);
  const back = r.value.after.value === null ? 'not readable' : hex(r.value.after.value);
  useStore.setState({ periphNotice: `${r.value.path} ← ${t}: wrote ${hex(r.value.written)}, read back ${back}` });
  await afterWrite();
  return true;
}

export async function writeRegisterValue(peripheral: string, register: string, size: number, text: string): Promise<boolean> {
  const n = parseNumber(text);
  if (n === undefined || n >= 2 ** size) {
    useStore.setState({ periphError: { kind: 'ValidationError', message: `${peripheral}.${register}: '${text.trim()}' is not a ${size}-bit value (hex like 0x2000 or decimal)` } });
    return false;
  }
  useStore.setState({ periphBusy: `${peripheral}.${register}`, periphError: undefined, periphNotice: undefined });
  const r = await currentApi().peripheralWriteRegister({ profileId: periphProfileId(), peripheral, register, value: n });
  useStore.setState({ periphBusy: undefined });
  if (!r.ok) {
    useStore.setState({ periphError: r.error });
    return false;
  }
  replaceRegister(peripheral, r.value.after);
  const back = r.value.after.value === null ? 'not readable' : hex(r.value.after.value);
  useStore.setState({ periphNotice: `${r.value.path}: wrote ${hex(n)}, read back ${back}` });
  await afterWrite();
  return true;
}

/** "Show in memory": the memory tab at the register's address. */
export async function showInMemory(address: number): Promise<void> {
  useStore.setState({ activeTab: 'memory', workPinned: true });
  await goToAddress(hex(address));
}
