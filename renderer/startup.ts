// Start-up, run once: subscribe to every event, catch up on the log so far,
// then tell main we are ready (it flushes what it held back), then load state.
import type { ApiHandle } from './api';
import { loadProfiles, onLogBatch, onStatus, onTargetEvent, setApi } from './store/actions';
import { loadBoard } from './store/board-actions';
import { loadFlashHistory, onFlashEvent } from './store/flash-actions';
import { rememberLayout } from './store/remembered-layout';
import { onMemoryReadProgress } from './store/memory-actions';
import { onTransport } from './store/transport-actions';
import { onRttData } from './store/rtt-actions';
import { onCheckProgress } from './store/check-actions';
import { onStationRow, onStationSlot } from './store/station-actions';
import { onTargetEventForRegisters, refreshRegisters } from './store/target-actions';
import { onTargetEventForWorkbench } from './store/workbench-events';
import { useStore } from './store';
import { markFirstScreenReady } from './first-screen';

let started = false;

export async function startUp(handle: ApiHandle): Promise<void> {
  if (started) return;
  started = true;
  const { api } = handle;
  setApi(api);
  // Should a step below never answer, the console still comes.
  setTimeout(markFirstScreenReady, 3000);
  useStore.setState({ apiKind: handle.kind });
  // The last session's tab and flash options, before the first paint of the work area.
  rememberLayout();
  handle.onTransport(onTransport);
  api.onStatus((s) => {
    const before = useStore.getState().status;
    onStatus(s);
    // Panels follow the connection: registers on connect / run-state changes, the board menu on every state change.
    if (s.state !== before.state) void loadBoard();
    if (s.state !== before.state || s.target !== before.target) void refreshRegisters();
  });
  api.onLog(onLogBatch);
  api.onTargetEvent((e) => {
    onTargetEvent(e.name);
    onTargetEventForRegisters(e.name);
    onTargetEventForWorkbench(e.name);
  });
  api.onFlashProgress(onFlashEvent);
  api.onMemoryReadProgress(onMemoryReadProgress);
  api.onRttData(onRttData);
  api.onCheckProgress(onCheckProgress);
  api.onStationSlot(onStationSlot);
  api.onStationRow(onStationRow);

  // Asked at once, answered in one round trip over the socket (they do not depend on each other);
  // applied in this order: the log so far, ready, access, state, profiles.
  const history = api.getLogHistory();
  const accessP = api.getAccess();
  const statusP = api.getStatus();
  const profiles = loadProfiles();
  const h = await history;
  if (h.ok) onLogBatch(h.value);
  await api.appReady();
  // A supervisor's view-only page opens on the station: watching the line is what it is for.
  const access = await accessP;
  if (access.ok && access.value.access === 'view') useStore.setState({ access: 'view', activeTab: 'station', workPinned: true });
  const status = await statusP;
  if (status.ok) onStatus(status.value);
  await profiles;
  markFirstScreenReady();
  // The panels a connect opens next (WorkTabs), fetched now that the first screen is usable.
  // A failed fetch here is retried when the panel renders (LoadBoundary shows it then).
  import('./panels/memory/MemoryPanel').catch(() => undefined);
  import('./panels/troubleshooter/TroubleshooterPanel').catch(() => undefined);
  await loadBoard();
  await refreshRegisters();
  await loadFlashHistory();
}
