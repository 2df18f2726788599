// The bench's work area: memory, registers and flash as tabs (one mounted at a
// time; their state lives in the store, so switching loses nothing). Without a
// connected target the area folds to its tab bar and the console gets the room:
// that is when the log is what the user needs to read. Clicking a tab opens it.
import { lazy, Suspense } from 'react';
import { useStore } from '../store';
import { LoadBoundary } from './LoadBoundary';
import type { WorkTab } from '../store/layout-slice';

// Every panel is its own chunk, fetched the first time its tab opens, so the first screen
// (connection panel, console) loads and runs without them (bench/renderer.ts prints the
// chunk sizes). Memory, the tab that opens on connect, and the troubleshooter, which opens
// by itself when a connect fails, are fetched as soon as the first screen is usable
// (startup.ts), so they are there when needed.
const MemoryPanel = lazy(() => import('./memory/MemoryPanel').then((m) => ({ default: m.MemoryPanel })));
const CheckPanel = lazy(() => import('./check/CheckPanel').then((m) => ({ default: m.CheckPanel })));
const FlashPanel = lazy(() => import('./flash/FlashPanel').then((m) => ({ default: m.FlashPanel })));
const RegistersPanel = lazy(() => import('./registers/RegistersPanel').then((m) => ({ default: m.RegistersPanel })));
const RttPanel = lazy(() => import('./rtt/RttPanel').then((m) => ({ default: m.RttPanel })));
const TroubleshooterPanel = lazy(() => import('./troubleshooter/TroubleshooterPanel').then((m) => ({ default: m.TroubleshooterPanel })));
const StationPanel = lazy(() => import('./station/StationPanel').then((m) => ({ default: m.StationPanel })));
const PeripheralsPanel = lazy(() => import('./peripherals/PeripheralsPanel').then((m) => ({ default: m.PeripheralsPanel })));
const BreakpointsPanel = lazy(() => import('./breakpoints/BreakpointsPanel').then((m) => ({ default: m.BreakpointsPanel })));
const DevicePanel = lazy(() => import('./device/DevicePanel').then((m) => ({ default: m.DevicePanel })));

const TABS: { id: WorkTab; label: string }[] = [
  { id: 'memory', label: 'Memory' },
  { id: 'registers', label: 'Registers' },
  { id: 'peripherals', label: 'Peripherals' },
  { id: 'breakpoints', label: 'Breakpoints' },
  { id: 'flash', label: 'Flash' },
  { id: 'device', label: 'Device' },
  { id: 'rtt', label: 'RTT' },
  { id: 'check', label: 'Bring-up check' },
  { id: 'station', label: 'Station' },
];

/** Whether the work area is open: a target is connected, the user opened a tab, or the troubleshooter is open. */
export function useWorkOpen(): boolean {
  return useStore((s) => s.workPinned || s.troubleshooterOpen || (s.status.state === 'connected' && s.status.info.targetName !== undefined));
}

export function WorkTabs() {
  const troubleOpen = useStore((s) => s.troubleshooterOpen);
  // The troubleshooter's tab goes with it: once closed, its tab falls back to memory.
  const active = useStore((s) => (s.activeTab === 'troubleshoot' && !s.troubleshooterOpen ? 'memory' : s.activeTab));
  const open = useWorkOpen();
  const tabs = troubleOpen ? [{ id: 'troubleshoot' as const, label: 'Troubleshooter' }, ...TABS] : TABS;
  const flashRunning = useStore((s) => s.flashJob !== undefined && s.flashJob.outcome === undefined);
  return (
    <div className={open ? 'work' : 'work folded'}>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={open && active === t.id}
            className={open && active === t.id ? 'tab active' : 'tab'}
            data-testid={`tab-${t.id}`}
            onClick={() => useStore.setState({ activeTab: t.id, workPinned: true })}
          >
            {t.label}
            {t.id === 'flash' && flashRunning ? <span className="dot" title="flash job running" /> : null}
          </button>
        ))}
      </div>
      {/* Keyed by tab: another tab still shows when one panel failed. */}
      <LoadBoundary key={open ? active : 'folded'} what={`the ${tabs.find((t) => t.id === active)?.label ?? active} panel`}>
      <Suspense fallback={<span className="muted small" data-testid="panel-loading">Loading…</span>}>
      {!open ? (
        <span className="muted small fold-hint">Connect to a target to use memory, registers and flash.</span>
      ) : active === 'troubleshoot' ? (
        <TroubleshooterPanel />
      ) : active === 'memory' ? (
        <MemoryPanel />
      ) : active === 'registers' ? (
        <RegistersPanel />
      ) : active === 'rtt' ? (
        <RttPanel />
      ) : active === 'check' ? (
        <CheckPanel />
      ) : active === 'station' ? (
        <StationPanel />
      ) : active === 'peripherals' ? (
        <PeripheralsPanel />
      ) : active === 'device' ? (
        <DevicePanel />
      ) : active === 'breakpoints' ? (
        <BreakpointsPanel />
      ) : (
        <FlashPanel />
      )}
      </Suspense>
      </LoadBoundary>
    </div>
  );
}
