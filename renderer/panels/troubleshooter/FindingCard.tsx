// One finding: category, confidence, plain explanation, the OpenOCD lines it rests
// on, numbered steps with an Apply button where the app can do the step itself.
import type { Finding } from '../../../shared/diagnose';
import { useStore } from '../../store';
import { openFlow, requestFix } from './actions';
import { FLOW_ACTIONS, fixLabel } from './fix-labels';
import { ResetHoldFlow } from './ResetHoldFlow';

export function FindingCard({ finding, rank }: { finding: Finding; rank: number }) {
  const busy = useStore((s) => s.fixBusy !== undefined);
  const f = finding;
  return (
    <li className="finding" data-testid="finding" data-category={f.category}>
      <header>
        <span className="rank">#{rank}</span> <strong data-testid="finding-title">{f.title}</strong>{' '}
        <span className="badge" data-testid="finding-category">
          {f.category}
        </span>{' '}
        <span className="muted" data-testid="finding-confidence">
          {Math.round(f.confidence * 100)}% likely
        </span>
      </header>
      <p>{f.explanation}</p>
      {f.evidence.length > 0 ? (
        <pre className="evidence mono" data-testid="finding-evidence">
          {f.evidence.join('\n')}
        </pre>
      ) : null}
      <ol className="steps">
        {f.steps.map((step, i) => {
          const label = fixLabel(step);
          const flow = step.action ? FLOW_ACTIONS[step.action] : undefined;
          return (
            <li key={i}>
              {step.text}{' '}
              {label && step.action ? (
                <button
                  type="button"
                  data-testid={`fix-${step.action}`}
                  disabled={busy}
                  onClick={() => (flow ? openFlow(flow) : step.action === 'udev-rule' ? requestFix('udev-rule') : requestFix(step.action!, step.args))}
                >
                  {label}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {f.category === 'needs-reset-hold' ? <ResetHoldFlow /> : null}
      {f.category === 'target-unpowered' ? (
        <button type="button" data-testid="open-voltage-flow" onClick={() => openFlow('voltage')}>
          Voltage check…
        </button>
      ) : null}
      {f.category === 'wiring' ? (
        <button type="button" data-testid="open-wiring-flow" onClick={() => openFlow('wiring')}>
          Wiring check…
        </button>
      ) : null}
    </li>
  );
}
