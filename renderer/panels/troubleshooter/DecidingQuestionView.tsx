// The one question (or check) that decides between causes the log cannot tell apart,
// shown above the findings so it is answered first. The answer goes back to the engine,
// which re-ranks the findings with it.
import { useState } from 'react';
import { classifyVoltage } from '../../../shared/diagnose';
import { SLOW_ADAPTER_KHZ, VOLTAGE_ADVICE } from '../../../shared/troubleshoot';
import { useStore } from '../../store';
import { applyFix, openFlow, runDiagnosis } from './actions';
import type { DecidingQuestion } from './deciding';

export function DecidingQuestionView({ question }: { question: DecidingQuestion }) {
  const busy = useStore((s) => s.fixBusy !== undefined || s.diagnosing);
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<number | undefined>();
  return (
    <section className="deciding" data-testid="deciding-question" data-kind={question.kind} aria-label="First question">
      <h3>First, one question</h3>
      <p>
        <strong data-testid="deciding-text">{question.text}</strong>
      </p>
      <p className="muted small">{question.why}</p>
      {question.kind === 'voltage' ? (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            const v = Number(text.replace(',', '.'));
            if (!text.trim() || !Number.isFinite(v)) return;
            setAnswer(v);
            void runDiagnosis({ measuredVoltage: v });
          }}
        >
          <label>
            VTref–GND (V) <input data-testid="deciding-voltage" inputMode="decimal" size={6} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" data-testid="deciding-submit" disabled={busy}>
            Decide
          </button>
          <button type="button" className="small" data-testid="deciding-pins" onClick={() => openFlow('voltage')}>
            Where to measure…
          </button>
        </form>
      ) : (
        <button
          type="button"
          data-testid="deciding-slow-retry"
          disabled={busy}
          onClick={() => void applyFix('lower-adapter-speed', { khz: String(SLOW_ADAPTER_KHZ) })}
        >
          Retry at {SLOW_ADAPTER_KHZ} kHz
        </button>
      )}
      {answer !== undefined ? (
        <p className="small" data-testid="deciding-answer">
          {answer.toFixed(2)} V: {VOLTAGE_ADVICE[classifyVoltage(answer)]}
        </p>
      ) : null}
    </section>
  );
}
