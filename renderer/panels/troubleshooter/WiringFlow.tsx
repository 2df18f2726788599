// Guided wiring check: a checklist against the connector's pinout, and an active
// check that reconnects at a slow adapter clock to see whether speed was the problem.
import { useEffect, useRef, useState } from 'react';
import { SLOW_ADAPTER_KHZ } from '../../../shared/troubleshoot';
import { useStore } from '../../store';
import { applyFix, runDiagnosis } from './actions';
import { pickConnector, Pinout } from './Pinout';

const JTAG_ITEMS = [
  'GND is connected (the adapter and the board share ground)',
  'VTref goes to the target VDD (not 5 V, not left open)',
  'TCK, TMS, TDI, TDO each go to the matching chip pin (not swapped: TDI→TDI, TDO→TDO)',
  'No wire is open: check each with a continuity tester',
  'NRST goes to the chip reset pin (needed for connect-under-reset)',
  'Cable is short (under 20 cm) and the header is fully seated',
];
const SWD_ITEMS = [
  'GND is connected (the adapter and the board share ground)',
  'VTref goes to the target VDD (not 5 V, not left open)',
  'SWDIO and SWCLK are not swapped and not open',
  'NRST goes to the chip reset pin (needed for connect-under-reset)',
  'Cable is short (under 20 cm) and the header is fully seated',
];

export function WiringFlow() {
  const profile = useStore((s) => s.profiles.find((p) => p.id === (s.diagnosis?.profileId ?? s.selectedId)));
  const detected = useStore((s) => s.diagnosis?.adapter?.connector);
  const adapterName = useStore((s) => s.diagnosis?.adapter?.name);
  const initial = pickConnector(detected, profile);
  const busy = useStore((s) => s.fixBusy);
  const swd = /swd/.test(profile?.transport ?? '') || /stlink/.test(profile?.interfaceCfg ?? '');
  const items = swd ? SWD_ITEMS : JTAG_ITEMS;
  const [done, setDone] = useState<boolean[]>(() => items.map(() => false));
  // Opened below the findings: bring it into view.
  const ref = useRef<HTMLElement>(null);
  // Braces: newer Chromium returns a Promise from scrollIntoView, and React would call it as the cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section ref={ref} className="flow" data-testid="wiring-flow" aria-label="Wiring check">
      <h3>Wiring check ({swd ? 'SWD' : 'JTAG'})</h3>
      <ul className="checklist">
        {items.map((text, i) => (
          <li key={text}>
            <label>
              <input type="checkbox" checked={done[i] ?? false} onChange={(e) => {
                  const next = done.map((v, j) => (j === i ? e.target.checked : v));
                  setDone(next);
                  // Every wire checked: the engine then weighs wiring lower than the other causes.
                  if (next.every(Boolean)) void runDiagnosis({ wiringChecked: true });
                }} /> {text}
            </label>
          </li>
        ))}
      </ul>
      <p>
        Long or loose wires corrupt fast signals. A slow clock tells signal quality apart from a wrong or missing wire:{' '}
        <button type="button" data-testid="wiring-slow-retry" disabled={busy !== undefined} onClick={() => void applyFix('lower-adapter-speed', { khz: String(SLOW_ADAPTER_KHZ) })}>
          Retry at {SLOW_ADAPTER_KHZ} kHz
        </button>{' '}
        <span className="muted">(this connection only: the profile keeps its speed unless you choose to keep the new one)</span>
      </p>
      <Pinout key={initial} initial={initial} adapterName={detected ? adapterName : undefined} purpose={swd ? 'wiring-swd' : 'wiring-jtag'} />
    </section>
  );
}
