// The guided troubleshooter: opens by itself in the main area when a connect fails
// (the host sends its diagnosis), or on demand. The top finding and its next step come
// first, above the fold; the question that decides between tied causes before them.
// Fixes the app can apply reconnect and report whether they worked.
import { useEffect } from 'react';
import { useStore } from '../../store';
import { openFlow, openTroubleshooter, runDiagnosis, subscribeDiagnosis } from './actions';
import { CheckList } from './CheckList';
import { TroubleshooterButton } from './TroubleshooterButton';
import { decidingQuestion } from './deciding';
import { DecidingQuestionView } from './DecidingQuestionView';
import { FindingCard } from './FindingCard';
import { FixResultView } from './FixResultView';
import { VoltageFlow } from './VoltageFlow';
import { WiringFlow } from './WiringFlow';
import './troubleshooter.css';

export function TroubleshooterPanel() {
  const open = useStore((s) => s.troubleshooterOpen);
  const diagnosis = useStore((s) => s.diagnosis);
  const diagnosing = useStore((s) => s.diagnosing);
  const flow = useStore((s) => s.flow);
  useEffect(() => {
    subscribeDiagnosis();
  }, []);

  if (!open) return <TroubleshooterButton />;
  const question = decidingQuestion(diagnosis);
  return (
    <section className="panel work-panel troubleshooter" data-testid="troubleshooter" aria-label="Troubleshooter">
      <div className="trouble-head">
        <h2>Troubleshooter</h2>
        <div className="toolbar">
          <button type="button" className="small" data-testid="diagnose-run" disabled={diagnosing} onClick={() => void runDiagnosis()}>
            {diagnosing ? 'Diagnosing…' : 'Diagnose now'}
          </button>
          <button type="button" className="small" data-testid="flow-voltage" onClick={() => openFlow(flow === 'voltage' ? null : 'voltage')}>
            Voltage check
          </button>
          <button type="button" className="small" data-testid="flow-wiring" onClick={() => openFlow(flow === 'wiring' ? null : 'wiring')}>
            Wiring check
          </button>
          <button type="button" className="small" data-testid="troubleshooter-close" onClick={() => openTroubleshooter(false)}>
            Close
          </button>
        </div>
      </div>
      <FixResultView />
      {diagnosis?.checks ? <CheckList checks={diagnosis.checks} /> : null}
      {question ? <DecidingQuestionView key={question.kind} question={question} /> : null}
      {!diagnosis ? (
        <p className="muted">No diagnosis yet. It runs by itself when a connection fails; “Diagnose now” runs it on the last OpenOCD output.</p>
      ) : diagnosis.findings.length === 0 ? (
        <p data-testid="no-findings">Nothing in OpenOCD&apos;s output points to a known problem.</p>
      ) : (
        <ol className="findings" data-testid="findings">
          {diagnosis.findings.map((f, i) => (
            // Keyed by category: a re-ranking moves a card (and its flow's state) instead of rebuilding it.
            <FindingCard key={f.category} finding={f} rank={i + 1} />
          ))}
        </ol>
      )}
      {/* The guided flows come after the findings: long (checklists, pinouts), opened on purpose. */}
      {flow === 'voltage' ? <VoltageFlow /> : null}
      {flow === 'wiring' ? <WiringFlow /> : null}
    </section>
  );
}
