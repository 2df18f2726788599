// Guided voltage check: the adapter's reading when OpenOCD printed one, else the
// technician measures VTref against GND; the value is classified with the engine's
// own bands (shared/diagnose.ts) and explained.
import { useEffect, useRef, useState } from 'react';
import { classifyVoltage, type VoltageClass } from '../../../shared/diagnose';
import { VOLTAGE_ADVICE } from '../../../shared/troubleshoot';
import { useStore } from '../../store';
import { runDiagnosis } from './actions';
import { pickConnector, Pinout } from './Pinout';

const VERDICT: Record<VoltageClass, string> = { unpowered: 'Unpowered', 'too-low': 'Too low', fine: 'Fine', 'too-high': 'Too high' };

export function VoltageFlow() {
  const reported = useStore((s) => s.diagnosis?.targetVoltage ?? s.status.info.targetVoltage);
  const profile = useStore((s) => s.profiles.find((p) => p.id === (s.diagnosis?.profileId ?? s.selectedId)));
  const detected = useStore((s) => s.diagnosis?.adapter?.connector);
  const adapterName = useStore((s) => s.diagnosis?.adapter?.name);
  const initial = pickConnector(detected, profile);
  const [text, setText] = useState('');
  const [measured, setMeasured] = useState<number | undefined>();
  const volts = measured ?? reported;
  const verdict = volts === undefined ? undefined : classifyVoltage(volts);
  // Opened below the findings: bring it into view.
  const ref = useRef<HTMLElement>(null);
  // Braces: newer Chromium returns a Promise from scrollIntoView, and React would call it as the cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section ref={ref} className="flow" data-testid="voltage-flow" aria-label="Voltage check">
      <h3>Voltage check</h3>
      {reported !== undefined ? (
        <p>
          The adapter reports <strong className="mono">{reported.toFixed(2)} V</strong> on VTref.
        </p>
      ) : (
        <p>The adapter does not report the target voltage. Measure with a multimeter between VTref (red lead) and GND (black lead) on the highlighted pins, board powered.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const v = Number(text.replace(',', '.'));
          if (!text.trim() || !Number.isFinite(v)) return;
          setMeasured(v);
          // The measurement re-ranks the findings (e.g. 0 V makes "unpowered" the top one).
          void runDiagnosis({ measuredVoltage: v });
        }}
      >
        <label>
          Measured VTref–GND (V){' '}
          <input data-testid="voltage-input" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} size={6} />
        </label>{' '}
        <button type="submit" data-testid="voltage-submit">
          Classify
        </button>
      </form>
      {verdict ? (
        <div className={`verdict verdict-${verdict}`} data-testid="voltage-verdict" data-verdict={verdict}>
          <strong>
            {VERDICT[verdict]} ({volts?.toFixed(2)} V)
          </strong>
          <p>{VOLTAGE_ADVICE[verdict]}</p>
        </div>
      ) : null}
      <Pinout key={initial} initial={initial} adapterName={detected ? adapterName : undefined} purpose="voltage" />
    </section>
  );
}
