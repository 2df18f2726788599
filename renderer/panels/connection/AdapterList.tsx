// The debug adapters on USB, listed before connecting (VID:PID, serial, suggested
// interface cfg); a button makes a profile for one. Local state: the list is only a
// look at the USB bus, refreshed on demand and whenever the connection is idle.
import { useCallback, useEffect, useState } from 'react';
import type { AdapterOffer } from '../../../shared/contract';
import { currentApi, saveProfile } from '../../store/actions';
import { useStore } from '../../store';

export function AdapterList() {
  const state = useStore((s) => s.status.state);
  const [offers, setOffers] = useState<AdapterOffer[] | undefined>();
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<string>();

  const refresh = useCallback(async () => {
    const r = await currentApi().listAdapters();
    if (r.ok) {
      setOffers(r.value);
      setError(undefined);
    } else setError(r.error.message);
  }, []);

  const idle = state !== 'starting' && state !== 'connected';
  useEffect(() => {
    if (idle) void refresh();
  }, [idle, refresh]);

  const create = async (o: AdapterOffer): Promise<void> => {
    if (!o.profile) return;
    if (await saveProfile(o.profile)) setMade(o.profile.name);
  };

  return (
    <div className="adapters" data-testid="adapters">
      <h3>
        Debug adapters{' '}
        <button type="button" className="small" data-testid="adapters-refresh" onClick={() => void refresh()}>
          Rescan
        </button>
      </h3>
      {error ? <p className="failure" data-testid="adapters-error">Could not list USB devices: {error}</p> : null}
      {offers === undefined && !error ? <p className="muted">Looking for debug adapters…</p> : null}
      {offers?.length === 0 ? (
        <p className="muted" data-testid="adapters-none">
          No debug adapter found — the virtual board works without one.
        </p>
      ) : null}
      {offers && offers.length > 0 ? (
        <>
          <p data-testid="adapters-found">Debug adapters found:</p>
          <ul className="adapter-list">
            {offers.map((o, i) => (
              <li key={`${o.adapter.vid}:${o.adapter.pid}:${o.adapter.openocdSerial ?? o.adapter.usbLocation ?? i}`} data-testid="adapter">
                <strong>{o.adapter.name}</strong> <span className="mono">({o.adapter.vid}:{o.adapter.pid})</span>
                {o.adapter.openocdSerial ? <span className="muted"> serial {o.adapter.openocdSerial}</span> : null}
                {o.adapter.permissionOk === false ? <span className="failure"> no access: a udev rule is needed</span> : null}
                {o.adapter.interfaceCfg ? <div className="muted mono">-f {o.adapter.interfaceCfg}</div> : null}
                {o.warning ? <div className="muted">{o.warning}</div> : null}
                {o.profile ? (
                  <button type="button" className="small" data-testid="adapter-make-profile" onClick={() => void create(o)}>
                    Make a profile{o.profile.extraCommands.length > 0 ? ` (${o.profile.extraCommands.join('; ')})` : ''}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {made ? <p className="notice" data-testid="adapter-profile-made">Profile “{made}” created and selected: add the target cfg in Edit.</p> : null}
        </>
      ) : null}
    </div>
  );
}
