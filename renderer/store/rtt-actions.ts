// The RTT panel's actions: search for the control block, stream an up-channel, write
// to a down-channel, stop. Incoming text is appended with a bounded scrollback.
import type { Result } from '../../shared/errors';
import { parseAddress, parseLength } from '../lib/numbers';
import { currentApi } from './actions';
import { useStore } from './index';

/** Characters kept in the view: enough to scroll back, small enough to stay fast. */
export const RTT_SCROLLBACK = 64 * 1024;

const invalid = (message: string): void => useStore.setState({ rttError: { kind: 'ValidationError', message } });

async function run<T>(call: () => Promise<Result<T>>, ok: (v: T) => void): Promise<void> {
  useStore.setState({ rttBusy: true, rttError: undefined });
  const r = await call();
  if (r.ok) ok(r.value);
  useStore.setState(r.ok ? { rttBusy: false } : { rttBusy: false, rttError: r.error });
}

export async function rttStart(): Promise<void> {
  const s = useStore.getState();
  const address = parseAddress(s.rttAddressText);
  if (!address.ok) return invalid(address.error);
  const size = parseLength(s.rttSizeText, 16 * 1024 * 1024);
  if (!size.ok) return invalid(size.error);
  await run(
    () => currentApi().rttStart({ address: address.value, size: size.value }),
    (info) => useStore.setState({ rttInfo: info, rttChannel: undefined }),
  );
}

export async function rttRefreshChannels(): Promise<void> {
  await run(() => currentApi().rttChannels(), (info) => useStore.setState({ rttInfo: { ...useStore.getState().rttInfo, ...info } }));
}

export async function rttOpen(channel: number): Promise<void> {
  await run(() => currentApi().rttOpen({ channel }), () => useStore.setState({ rttChannel: channel, rttText: '' }));
}

export async function rttSend(): Promise<void> {
  const s = useStore.getState();
  if (s.rttChannel === undefined || s.rttInput === '') return;
  const text = s.rttInput;
  await run(() => currentApi().rttWrite({ channel: s.rttChannel as number, text }), () => useStore.setState({ rttInput: '' }));
}

export async function rttStop(): Promise<void> {
  await run(() => currentApi().rttClose(), () => useStore.setState({ rttChannel: undefined, rttInfo: undefined }));
}

/** rttData events: text for the channel on screen, with the oldest dropped past the scrollback. */
export function onRttData(d: { channel: number; text: string }): void {
  const s = useStore.getState();
  if (d.channel !== s.rttChannel) return;
  const text = s.rttText + d.text;
  useStore.setState({ rttText: text.length > RTT_SCROLLBACK ? text.slice(text.length - RTT_SCROLLBACK) : text });
}
