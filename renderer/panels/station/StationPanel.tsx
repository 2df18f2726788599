// The production station: the job (locked in technician mode), where the slots come from,
// a grid of tiles (one per probe or virtual board) and the day's numbers with the latest
// rows of the record. Everything lives in main's one station, so every window, and a
// supervisor's view-only page, shows the same grid.
import { useEffect } from 'react';
import type { SlotState, StationView } from '../../../shared/station';
import { useStore } from '../../store';
import { exportStation, loadStation, lockStation, rerunFailed, setAutoStart, startStation, stopStation } from '../../store/station-actions';
import { ErrorBox } from '../ErrorBox';
import { JobForm } from './JobForm';
import { SlotSource } from './SlotSource';
import { SlotTile } from './SlotTile';
import './station.css';

/** A slot is busy from connect until its row is written (idle, waiting and done are at rest). */
export function slotRunning(s: SlotState): boolean {
  return s.phase !== 'idle' && s.phase !== 'waiting' && s.phase !== 'done';
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function exportCsv(): Promise<void> {
  const csv = await exportStation();
  if (csv !== undefined) download(`station-record-${new Date().toISOString().slice(0, 10)}.csv`, csv);
}

function Summary({ view }: { view: StationView }) {
  const s = view.summary;
  const cats = Object.entries(s.failuresByCategory);
  return (
    <div className="station-summary" data-testid="station-summary">
      <span>
        Today: <strong data-testid="station-passed">{s.passed}</strong> passed, <strong data-testid="station-failed">{s.failed}</strong> failed
        {s.interrupted ? `, ${s.interrupted} interrupted` : ''} of <strong data-testid="station-total">{s.total}</strong>
      </span>
      <span>
        Yield <strong data-testid="station-yield">{s.yield === undefined ? '–' : `${Math.round(s.yield * 1000) / 10} %`}</strong>
      </span>
      {cats.length ? (
        <span className="small muted" data-testid="station-categories">
          Failures: {cats.map(([c, n]) => `${c} ×${n}`).join(', ')}
        </span>
      ) : null}
    </div>
  );
}

function RecentRows({ view }: { view: StationView }) {
  if (view.recent.length === 0) return <p className="muted small">No boards yet today. Each attempt is appended to {view.recordPath}.</p>;
  return (
    <table className="station-recent small" data-testid="station-recent">
      <thead>
        <tr>
          <th>Time</th>
          <th>Slot</th>
          <th>UID</th>
          <th>Serial</th>
          <th>Result</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {view.recent.map((r, i) => (
          <tr key={`${r.time}-${r.slot}-${i}`} className={r.result}>
            <td>{new Date(r.time).toLocaleTimeString()}</td>
            <td>{r.slot}</td>
            <td className="mono">{r.uid || '–'}</td>
            <td className="mono">{r.serial || '–'}</td>
            <td className="station-row-result">{r.result.toUpperCase()}</td>
            <td title={r.errorMessage}>{r.errorCategory}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StationPanel() {
  const view = useStore((s) => s.station);
  const error = useStore((s) => s.stationError);
  const typed = useStore((s) => s.stationTyped);
  const viewOnly = useStore((s) => s.access === 'view');
  useEffect(() => void loadStation(), []);

  if (!view) {
    return (
      <section className="panel station-panel" data-testid="station" aria-label="Production station">
        <h2>Production station</h2>
        {error ? <ErrorBox error={error} testId="station-error" /> : <p className="muted">Loading the station…</p>}
      </section>
    );
  }
  const anyRunning = view.slots.some(slotRunning);
  const anyFailed = view.slots.some((s) => !slotRunning(s) && (s.result === 'fail' || s.result === 'interrupted'));
  const needsTyped = view.job?.serial?.source === 'typed';
  const ready = view.job !== undefined && view.slots.length > 0;

  return (
    <section className="panel station-panel" data-testid="station" aria-label="Production station" data-locked={view.locked} data-view-only={viewOnly}>
      <div className="station-bar">
        <h2>Production station</h2>
        {/* A disabled fieldset disables every control inside it, including the tiles' own. */}
        <fieldset className="station-controls" disabled={viewOnly}>
          <button type="button" className="primary" data-testid="station-start-all" disabled={!ready || needsTyped || view.slots.every(slotRunning)} onClick={() => void startStation()}>
            Start all
          </button>
          <button type="button" data-testid="station-rerun" disabled={!anyFailed} onClick={() => void rerunFailed()}>
            Re-run failed
          </button>
          <button type="button" data-testid="station-stop" disabled={!anyRunning} onClick={() => void stopStation()}>
            Stop
          </button>
          <label className="check" title="Start a slot by itself as soon as a board is detected on it">
            <input type="checkbox" data-testid="station-autostart" checked={view.autoStart} onChange={(e) => void setAutoStart(e.target.checked)} /> Auto-start
          </label>
          <button type="button" data-testid="station-lock" aria-pressed={view.locked} onClick={() => void lockStation(!view.locked)}>
            {view.locked ? 'Unlock job' : 'Technician mode (lock job)'}
          </button>
        </fieldset>
        {/* Export only reads the record: a supervisor may take a copy too. */}
        <button type="button" data-testid="station-export" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {viewOnly ? (
        <p className="small muted" data-testid="station-view-only-note">
          View only: this page watches the station; starting, stopping and changing the job are for the operator&apos;s address.
        </p>
      ) : null}
      {error ? <ErrorBox error={error} testId="station-error" /> : null}
      <Summary view={view} />
      {view.slots.length === 0 ? (
        <p className="muted" data-testid="station-no-slots">
          No slots yet: choose probes or virtual boards above.
        </p>
      ) : (
        <fieldset className="station-grid-wrap" disabled={viewOnly}>
          <ul className="station-grid" data-testid="station-grid">
            {view.slots.map((s) => (
              <SlotTile key={s.id} slot={s} running={slotRunning(s)} typed={typed[s.id] ?? ''} needsTyped={needsTyped} />
            ))}
          </ul>
        </fieldset>
      )}
      {/* Below the grid: set once per batch, then out of the technician's way (fold it). */}
      <details className="station-setup-details" open>
        <summary>Job and slots</summary>
        <fieldset className="station-setup" disabled={viewOnly || anyRunning}>
          <JobForm key={view.job ? `${view.job.name}-${view.job.crc32}` : 'new'} view={view} />
          <SlotSource view={view} />
        </fieldset>
      </details>
      <h3>Latest boards</h3>
      <RecentRows view={view} />
    </section>
  );
}
