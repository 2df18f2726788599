// One slot of the station grid: what the board is doing, the big PASS / FAIL, and for a
// failure the troubleshooter's finding and its fix in plain words.
import type { SlotState } from '../../../shared/station';
import { formatBytes } from '../../lib/numbers';
import { setTypedSerial, startStation } from '../../store/station-actions';

const PHASE: Record<SlotState['phase'], string> = {
  idle: 'ready',
  waiting: 'waiting for a board',
  connect: 'connecting',
  identify: 'reading UID',
  erase: 'erasing',
  program: 'programming',
  verify: 'verifying',
  serial: 'checking serial',
  after: 'finishing',
  done: 'done',
};

export function SlotTile({ slot, running, typed, needsTyped }: { slot: SlotState; running: boolean; typed: string; needsTyped: boolean }) {
  const result = running ? undefined : slot.result;
  return (
    <li className={`station-tile ${result ?? (running ? 'running' : 'idle')}`} data-testid={`station-tile-${slot.id}`} data-result={result ?? ''} data-phase={slot.phase}>
      <div className="tile-head">
        <strong>{slot.label}</strong> <span className="muted small">{slot.probe}</span>
      </div>
      <div className="tile-result" data-testid={`station-result-${slot.id}`}>
        {result === 'pass' ? 'PASS' : result === 'fail' ? 'FAIL' : result === 'interrupted' ? 'STOPPED' : running ? PHASE[slot.phase] : 'ready'}
      </div>
      {running ? (
        <>
          <progress max={1} value={slot.progress} data-testid={`station-progress-${slot.id}`} />
          <div className="small muted">
            {PHASE[slot.phase]}
            {slot.bytesPerSecond > 0 ? ` · ${formatBytes(slot.bytesPerSecond)}/s` : ''}
          </div>
        </>
      ) : null}
      <dl className="tile-facts small">
        <dt>UID</dt>
        <dd className="mono" data-testid={`station-uid-${slot.id}`}>
          {slot.uid ?? '–'}
        </dd>
        <dt>Serial</dt>
        <dd className="mono" data-testid={`station-serial-${slot.id}`}>
          {slot.serial ?? '–'}
        </dd>
        {slot.durationMs !== undefined ? (
          <>
            <dt>Time</dt>
            <dd>{(slot.durationMs / 1000).toFixed(1)} s</dd>
          </>
        ) : null}
      </dl>
      {result && result !== 'pass' ? (
        <div className="tile-finding" data-testid={`station-finding-${slot.id}`}>
          {slot.finding ? (
            <>
              <strong>{slot.finding.title}</strong>
              <p className="small">{slot.finding.fix}</p>
            </>
          ) : null}
          {slot.error ? <p className="small muted">{slot.error}</p> : null}
        </div>
      ) : null}
      {needsTyped ? (
        <input
          className="mono"
          placeholder="type or scan the serial, Enter"
          data-testid={`station-typed-${slot.id}`}
          value={typed}
          disabled={running}
          onChange={(e) => setTypedSerial(slot.id, e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && typed && void startStation(slot.id)}
        />
      ) : null}
      <button type="button" data-testid={`station-start-${slot.id}`} disabled={running || (needsTyped && !typed)} onClick={() => void startStation(slot.id)}>
        {result ? 'Again' : 'Start'}
      </button>
    </li>
  );
}
