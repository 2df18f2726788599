// Where the station's slots come from: the probes on USB (one slot per probe, by serial;
// main adds probes plugged in later), or N virtual boards, each with an optional fault
// so a demo or a test can watch one board fail and explain itself.
import { useCallback, useEffect, useState } from 'react';
import type { AdapterOffer } from '../../../shared/contract';
import type { StationView } from '../../../shared/station';
import { useStore } from '../../store';
import { currentApi } from '../../store/actions';
import { setStationSlots } from '../../store/station-actions';

/** Used until the board menu has loaded the virtual board's own list. */
const FALLBACK_FAULTS = ['unpowered', 'swapped-wires', 'read-protected', 'write-protected', 'wrong-part', 'flash-bad-sector', 'noisy-link'];
const MAX_VBOARDS = 8;

export function SlotSource({ view }: { view: StationView }) {
  const known = useStore((s) => s.board?.known) ?? FALLBACK_FAULTS;
  const [mode, setMode] = useState<'vboards' | 'probes'>(view.mode);
  const [count, setCount] = useState(Math.max(1, view.mode === 'vboards' ? view.slots.length : 0) || 2);
  const [faults, setFaults] = useState<string[]>([]);
  const [offers, setOffers] = useState<AdapterOffer[]>();
  const [picked, setPicked] = useState<string[]>(view.mode === 'probes' ? view.slots.map((s) => s.probe) : []);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const r = await currentApi().listAdapters();
    setOffers(r.ok ? r.value : []);
  }, []);
  useEffect(() => {
    if (mode === 'probes') void refresh();
  }, [mode, refresh]);

  const apply = async (): Promise<void> => {
    setBusy(true);
    try {
      if (mode === 'vboards') {
        const perSlot = Array.from({ length: count }, (_, i) => (faults[i] ? [faults[i]] : []));
        await setStationSlots({ mode: 'vboards', count, ...(perSlot.some((f) => f.length) ? { faults: perSlot } : {}) });
      } else {
        await setStationSlots({ mode: 'probes', serials: picked });
      }
    } finally {
      setBusy(false);
    }
  };

  const probes = (offers ?? []).filter((o) => o.adapter.serial);
  return (
    <fieldset className="station-source" disabled={busy} data-testid="station-source">
      <legend>Slots</legend>
      <label className="check">
        <input type="radio" name="station-mode" data-testid="station-mode-vboards" checked={mode === 'vboards'} onChange={() => setMode('vboards')} /> Virtual boards
      </label>
      <label className="check">
        <input type="radio" name="station-mode" data-testid="station-mode-probes" checked={mode === 'probes'} onChange={() => setMode('probes')} /> Probes on USB
      </label>
      {mode === 'vboards' ? (
        <div className="station-vboards">
          <label>
            How many{' '}
            <input
              type="number"
              min={1}
              max={MAX_VBOARDS}
              data-testid="station-vboard-count"
              value={count}
              onChange={(e) => setCount(Math.min(MAX_VBOARDS, Math.max(1, Number(e.target.value) || 1)))}
              size={3}
            />
          </label>
          {Array.from({ length: count }, (_, i) => (
            <label key={i} className="small">
              Board {i + 1}{' '}
              <select data-testid={`station-fault-${i + 1}`} value={faults[i] ?? ''} onChange={(e) => setFaults((f) => Object.assign([...f], { [i]: e.target.value }))}>
                <option value="">healthy</option>
                {known.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : (
        <div className="station-probes">
          {offers === undefined ? <span className="muted small">Looking for probes…</span> : null}
          {offers !== undefined && probes.length === 0 ? (
            <span className="muted small" data-testid="station-no-probes">
              No probe with a serial number is plugged in. Plugged in later, a probe becomes a new slot.
            </span>
          ) : null}
          {probes.map((o) => {
            const serial = o.adapter.serial as string;
            return (
              <label key={serial} className="check small">
                <input
                  type="checkbox"
                  checked={picked.includes(serial)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, serial] : p.filter((x) => x !== serial)))}
                />{' '}
                {o.adapter.name} <span className="mono">{serial}</span>
              </label>
            );
          })}
          <button type="button" className="small" onClick={() => void refresh()}>
            Refresh
          </button>
        </div>
      )}
      <button type="button" data-testid="station-set-slots" onClick={() => void apply()}>
        {busy ? 'Setting up…' : mode === 'probes' && picked.length === 0 ? 'Wait for probes' : 'Use these slots'}
      </button>
    </fieldset>
  );
}
