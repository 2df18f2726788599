// Start-up, run once: subscribe to every event, catch up on the log so far,
// then tell main we are ready (it flushes what it held back), then load state.
import type { ApiHandle } from './api';
import { loadProfiles, onLogBatch, onStatus, onTargetEvent, setApi } from './store/actions';
import { useStore } from './store';

let started = false;

export async function startUp(handle: ApiHandle): Promise<void> {
  if (started) return;
  started = true;
  const { api } = handle;
  setApi(api);
  handle.onTransport((transport) => useStore.setState({ transport }));
  api.onStatus(onStatus);
  api.onLog(onLogBatch);
  api.onTargetEvent((e) => onTargetEvent(e.name));

  const history = await api.getLogHistory();
  if (history.ok) onLogBatch(history.value);
  await api.appReady();
  const status = await api.getStatus();
  if (status.ok) onStatus(status.value);
  await loadProfiles();
}
