// The bench's work area: memory, registers and flash as tabs (one mounted at a
// time; their state lives in the store, so switching loses nothing).
import { useStore } from '../store';
import type { WorkTab } from '../store/layout-slice';
import { FlashPanel } from './flash/FlashPanel';
import { MemoryPanel } from './memory/MemoryPanel';
import { RegistersPanel } from './registers/RegistersPanel';

const TABS: { id: WorkTab; label: string }[] = [
  { id: 'memory', label: 'Memory' },
  { id: 'registers', label: 'Registers' },
  { id: 'flash', label: 'Flash' },
];

export function WorkTabs() {
  const active = useStore((s) => s.activeTab);
  const flashRunning = useStore((s) => s.flashJob !== undefined && s.flashJob.outcome === undefined);
  return (
    <div className="work">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={active === t.id}
            className={active === t.id ? 'tab active' : 'tab'}
            data-testid={`tab-${t.id}`}
            onClick={() => useStore.setState({ activeTab: t.id })}
          >
            {t.label}
            {t.id === 'flash' && flashRunning ? <span className="dot" title="flash job running" /> : null}
          </button>
        ))}
      </div>
      {active === 'memory' ? <MemoryPanel /> : active === 'registers' ? <RegistersPanel /> : <FlashPanel />}
    </div>
  );
}
