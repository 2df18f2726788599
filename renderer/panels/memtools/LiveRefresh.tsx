// "Live": re-reads the block on screen at an interval while the target runs, so what the
// firmware changes shows (changed bytes highlighted by the hex view). A tick is skipped
// while a read is under way, and nothing runs while halted (memory then only changes
// by the debugger's own writes, which re-read anyway).
import { useEffect, useState } from 'react';
import { useStore } from '../../store';
import { refreshMemory } from '../../store/memory-actions';

const INTERVALS = [250, 500, 1000, 2000] as const;

export function LiveRefresh() {
  const [on, setOn] = useState(false);
  const [every, setEvery] = useState<number>(1000);
  const running = useStore((s) => s.status.state === 'connected' && s.status.target === 'running');
  const hasBlock = useStore((s) => s.memBlock !== undefined);
  const active = on && running && hasBlock;

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (!useStore.getState().memBusy) void refreshMemory();
    }, every);
    return () => clearInterval(timer);
  }, [active, every]);

  return (
    <span className="live-refresh" title="Re-read the block on screen while the target runs">
      <label className="field-inline">
        <input type="checkbox" data-testid="mem-live" checked={on} onChange={(e) => setOn(e.target.checked)} />
        <span>Live</span>
      </label>
      <select data-testid="mem-live-interval" aria-label="Live refresh interval" value={every} onChange={(e) => setEvery(Number(e.target.value))}>
        {INTERVALS.map((ms) => (
          <option key={ms} value={ms}>{ms < 1000 ? `${ms} ms` : `${ms / 1000} s`}</option>
        ))}
      </select>
      {on ? <span className="muted small" data-testid="mem-live-state">{active ? 'live' : running ? 'read a block first' : 'paused: target not running'}</span> : null}
    </span>
  );
}
