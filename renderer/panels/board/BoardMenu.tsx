// The virtual board's fault switches, shown only for a virtual board profile.
// Switches apply to the running board at once; most faults (power, wiring, reset,
// protection) show on the next connect, as they would on a real board.
// While the board runs, the menu reads it every BOARD_POLL_MS: its core state and LED
// come from the board itself, so "running" and a blinking LED show what the firmware does.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';
import { loadBoard, setFault } from '../../store/board-actions';
import { ErrorBox } from '../ErrorBox';

const LABELS: Record<string, string> = {
  unpowered: 'Unpowered (no target voltage)',
  'swapped-wires': 'Swapped TCK/TMS wires',
  'reset-hold': 'Needs reset held to connect',
  'read-protected': 'Read-protected (RDP)',
  'write-protected': 'Write-protected (WRP)',
  'noisy-link': 'Noisy link (bit errors)',
  'sram-stuck-bit': 'SRAM bit stuck (0x20000100 bit 3)',
  'sram-address-short': 'SRAM address lines A4/A9 bridged',
  'flash-bad-sector': 'Flash page 63 does not program',
  'wrong-part': 'Wrong chip fitted (low density)',
  'no-srst': 'NRST not connected',
};

const BOARD_POLL_MS = 400;

export function BoardMenu() {
  const board = useStore((s) => s.board);
  const boardRunning = board?.running === true;
  useEffect(() => {
    if (!boardRunning) return;
    const t = setInterval(() => void loadBoard(), BOARD_POLL_MS);
    return () => clearInterval(t);
  }, [boardRunning]);
  // Blinking = the LED changed level since the previous read of the board.
  const lastToggles = useRef<number | undefined>(undefined);
  const [blinking, setBlinking] = useState(false);
  useEffect(() => {
    const t = board?.ledToggles;
    setBlinking(t !== undefined && lastToggles.current !== undefined && t !== lastToggles.current);
    lastToggles.current = t;
  }, [board]);
  const error = useStore((s) => s.boardError);
  const isVboard = useStore((s) => {
    const id = s.status.state === 'connected' || s.status.state === 'starting' ? s.status.profileId : s.selectedId;
    return s.profiles.find((p) => p.id === id)?.kind === 'vboard';
  });
  if (!isVboard || !board) return null;
  const on = new Set(board.faults.map((f) => f.split(':')[0]));

  return (
    <section className="panel board-menu" data-testid="board-menu" aria-label="Virtual board">
      <h2>Virtual board</h2>
      <ul className="faults">
        {board.known.map((name) => (
          <li key={name}>
            <label className="check">
              <input type="checkbox" data-testid={`fault-${name}`} checked={on.has(name)} onChange={(e) => void setFault(name, e.target.checked)} />
              {LABELS[name] ?? name}
            </label>
          </li>
        ))}
      </ul>
      <p className="small">
        <span className="muted">Active: </span>
        <span data-testid="board-faults" className="mono">
          {board.faults.length ? board.faults.join(', ') : 'none'}
        </span>
      </p>
      {board.core ? (
        <p className="small">
          <span className="muted">Core: </span>
          <span data-testid="board-core" className={`badge target-${board.core}`}>{board.core}</span>
        </p>
      ) : null}
      {board.led ? (
        <p className="small">
          <span className="muted">LED (PC13): </span>
          <span data-testid="board-led" className={board.led === 'on' ? 'led led-on' : 'led'}>{board.led}</span>{' '}
          <span data-testid="board-led-activity" data-toggles={board.ledToggles} className="muted">
            {blinking ? 'blinking' : 'steady'}
          </span>
        </p>
      ) : null}
      <p className="muted small">Most faults show on the next connect: Disconnect, then Connect.</p>
      {error ? <ErrorBox error={error} testId="board-error" /> : null}
    </section>
  );
}
