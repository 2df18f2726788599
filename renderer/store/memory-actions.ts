// The memory panel's actions: read a block, go to an address, edit and write a
// value. A failed read or write leaves the block already shown in place.
import type { MemoryReadProgress } from '../../shared/memory-read';
import { MAX_MEMORY_READ } from '../../shared/workbench';
import { fromBase64 } from '../lib/base64';
import { hex, parseAddress, parseLength, parseValue } from '../lib/numbers';
import { BYTES_PER_ROW, rowOf } from '../panels/memory/hex-rows';
import { currentApi } from './actions';
import { useStore } from './index';
import { svdAddressOf } from './svd-address';
import type { MemorySlice } from './memory-slice';

type MemFields = Pick<MemorySlice, 'memAddressText' | 'memLengthText' | 'editAddressText' | 'editValueText' | 'editWidth'>;

export function setMemFields(patch: Partial<MemFields>): void {
  useStore.setState(patch);
}

const invalid = (message: string): void => useStore.setState({ memError: { kind: 'ValidationError', message }, memNotice: undefined });

let scrollSeq = 0;
let readSeq = 0;

/** Reads the block named by the address and length fields. */
export async function readMemory(): Promise<void> {
  const s = useStore.getState();
  const address = parseAddress(s.memAddressText);
  if (!address.ok) return invalid(address.error);
  const length = parseLength(s.memLengthText, MAX_MEMORY_READ);
  if (!length.ok) return invalid(length.error);
  if (address.value + length.value > 0x1_0000_0000) return invalid(`the range ${hex(address.value)} + ${length.value} bytes runs past 0xffffffff`);
  await read(address.value, length.value);
}

/** Reads the block on screen again. */
export async function refreshMemory(): Promise<void> {
  const b = useStore.getState().memBlock;
  if (b) await read(b.address, b.bytes.length);
  else await readMemory();
}

async function read(address: number, length: number): Promise<void> {
  const seq = ++readSeq;
  // Every read carries an id: main reports progress after each chunk and Cancel can name it.
  const readId = `read-${seq}`;
  useStore.setState({ memBusy: true, memError: undefined, memNotice: undefined, memRead: { readId, done: 0, total: length, bytesPerSecond: 0 } });
  const r = await currentApi().readMemory({ address, length, readId });
  if (seq !== readSeq) return; // a newer read superseded this one
  if (!r.ok) {
    useStore.setState({ memBusy: false, memRead: undefined, memError: r.error });
    return;
  }
  const bytes = fromBase64(r.value.data);
  const stopped = r.value.stopped;
  useStore.setState({
    memBusy: false,
    memRead: undefined,
    memBlock: { address: r.value.address, bytes, readAt: Date.now() },
    // A stopped read still shows what it got; the notice (and the error, if any) say why it is short.
    memNotice: stopped ? `${stopped.reason === 'cancelled' ? 'cancelled' : 'stopped'}: ${bytes.length} of ${stopped.requested} bytes read` : undefined,
    memError: stopped?.error,
  });
}

/** Main's progress for the read under way (events of older reads are ignored). */
export function onMemoryReadProgress(p: MemoryReadProgress): void {
  const cur = useStore.getState().memRead;
  if (!cur || cur.readId !== p.readId) return;
  useStore.setState({ memRead: { ...cur, done: p.done, total: p.total, bytesPerSecond: p.bytesPerSecond } });
}

/** Stops the read under way after its chunk in flight; its reply then shows the bytes read so far. */
export async function cancelMemoryRead(): Promise<void> {
  const cur = useStore.getState().memRead;
  if (!cur) return;
  useStore.setState({ memRead: { ...cur, cancelling: true } });
  await currentApi().cancelMemoryRead({ readId: cur.readId });
}

/** Scrolls to the address when it is on screen; otherwise reads a block starting at its row. */
export async function goToAddress(text: string): Promise<void> {
  let address = parseAddress(text);
  // A peripheral or register of the profile's SVD ("GPIOC", "GPIOC.ODR") goes to its address.
  const svdAt = address.ok ? undefined : svdAddressOf(text);
  if (svdAt !== undefined) address = { ok: true, value: svdAt };
  // A symbol of the last .elf flashed or opened (`ticks`, `main+0x10`) goes where it is.
  const sym = /^\s*([A-Za-z_.$][\w.$]*)\s*(?:\+\s*(0x[0-9a-fA-F]+|\d+))?\s*$/.exec(text);
  if (!address.ok && sym?.[1]) {
    const r = await currentApi().lookupSymbols({ names: [sym[1]] });
    const at = r.ok ? r.value.addresses[0] : null;
    if (at === null || at === undefined) return invalid(`no symbol '${sym[1]}' in the firmware's .elf (flash or open one for symbols), and not an address`);
    address = { ok: true, value: at + (sym[2] ? Number(sym[2]) : 0) };
  }
  if (!address.ok) return invalid(address.error);
  const b = useStore.getState().memBlock;
  if (b && rowOf(address.value, b.address, b.bytes.length) !== undefined) {
    useStore.setState({ memScrollTo: { address: address.value, seq: ++scrollSeq }, memError: undefined });
    return;
  }
  const start = address.value - (address.value % BYTES_PER_ROW);
  useStore.setState({ memAddressText: hex(start) });
  await readMemory();
  useStore.setState({ memScrollTo: { address: address.value, seq: ++scrollSeq } });
}

/** One of the board's regions (flash, SRAM, peripherals): read from its start. */
export async function jumpTo(address: number): Promise<void> {
  useStore.setState({ memAddressText: hex(address) });
  await readMemory();
}

/** Clicking a byte in the hex view puts it in the edit fields. */
export function selectByte(address: number): void {
  const s = useStore.getState();
  const b = s.memBlock;
  const width = s.editWidth;
  const size = width / 8;
  const at = address - (address % size);
  let value = '';
  if (b && at >= b.address && at + size <= b.address + b.bytes.length) {
    let v = 0;
    // Little-endian, as Cortex-M targets are.
    for (let i = size - 1; i >= 0; i--) v = v * 256 + (b.bytes[at - b.address + i] ?? 0);
    value = hex(v, size * 2);
  }
  useStore.setState({ editAddressText: hex(at), editValueText: value });
}

/** Writes the edit fields' value, then reads the block again to show the result. */
export async function writeEdit(): Promise<void> {
  const s = useStore.getState();
  const address = parseAddress(s.editAddressText);
  if (!address.ok) return invalid(address.error);
  const width = s.editWidth;
  if (address.value % (width / 8) !== 0) return invalid(`address ${hex(address.value)} is not aligned for a ${width}-bit write`);
  const value = parseValue(s.editValueText, width);
  if (!value.ok) return invalid(value.error);
  useStore.setState({ memBusy: true, memError: undefined, memNotice: undefined });
  const r = await currentApi().writeMemory({ address: address.value, width, values: [value.value] });
  if (!r.ok) {
    useStore.setState({ memBusy: false, memError: r.error });
    return;
  }
  useStore.setState({ memBusy: false });
  if (useStore.getState().memBlock) await refreshMemory();
  if (!useStore.getState().memError) useStore.setState({ memNotice: `wrote ${hex(value.value, width / 4)} at ${hex(address.value)}` });
}
