// Reset-hold flow. With NRST wired the app retries with connect-under-reset; without
// it the technician holds the RESET button while connecting, watching the live state.
// Once connected, a mass erase removes the firmware that takes the debug pins.
import { useState } from 'react';
import { useStore } from '../../store';
import { connectHoldingReset, requestFix } from './actions';

export function ResetHoldFlow() {
  const [nrst, setNrst] = useState<'yes' | 'no' | undefined>();
  const state = useStore((s) => s.status.state);
  const busy = useStore((s) => s.fixBusy !== undefined || s.busy);
  const profileId = useStore((s) => s.selectedId ?? s.diagnosis?.profileId);
  const held = useStore((s) => s.resetHoldWorked);
  const confirmed = useStore((s) => s.diagnosis?.findings[0]?.category === 'needs-reset-hold');
  return (
    <div className="flow" data-testid="reset-hold-flow">
      <p>
        Is the adapter&apos;s <strong>NRST</strong> pin wired to the chip&apos;s reset pin?{' '}
        <label>
          <input type="radio" name="nrst" checked={nrst === 'yes'} onChange={() => setNrst('yes')} data-testid="nrst-yes" /> yes
        </label>{' '}
        <label>
          <input type="radio" name="nrst" checked={nrst === 'no'} onChange={() => setNrst('no')} data-testid="nrst-no" /> no
        </label>
      </p>
      {nrst === 'yes' ? (
        <button type="button" data-testid="fix-connect-under-reset" disabled={busy} onClick={() => requestFix('retry-connect-under-reset')}>
          Retry with connect-under-reset
        </button>
      ) : null}
      {nrst === 'no' ? (
        <ol>
          <li>Press and hold the board&apos;s RESET button.</li>
          <li>
            Press{' '}
            <button type="button" data-testid="reset-hold-connect" disabled={busy || !profileId} onClick={() => profileId && void connectHoldingReset(profileId)}>
              Connect
            </button>{' '}
            while holding it.
          </li>
          <li>Release RESET about a second later, when the state below says “starting”; it turns “connected” when it worked.</li>
        </ol>
      ) : null}
      {held === true ? (
        <p className="fix-ok" data-testid="reset-hold-worked" data-confirmed={String(confirmed)}>
          ✔ It worked: with RESET held the connect got through.{' '}
          {confirmed ? 'Needs reset held to connect: confirmed (the firmware takes the debug pins while it runs).' : 'Weighing that with the log…'}
        </p>
      ) : null}
      {held === false ? (
        <p className="fix-failed" data-testid="reset-hold-failed">
          Not connected. Try again and release RESET a little later; if it never connects, holding reset is not the missing piece.
        </p>
      ) : null}
      <p>
        Connection: <span className={`badge state-${state}`} data-testid="reset-hold-state">{state}</span>
      </p>
      {state === 'connected' ? (
        <div className="warning-box">
          <p>
            Connected. The firmware will take the debug pins again after the next reset. To stop that, erase it: <code>reset halt</code> then{' '}
            <code>stm32f1x mass_erase 0</code>. <strong>This erases the whole flash.</strong>
          </p>
          <button type="button" data-testid="offer-mass-erase" disabled={busy} onClick={() => requestFix('mass-erase')}>
            Mass erase the flash…
          </button>
        </div>
      ) : null}
    </div>
  );
}
