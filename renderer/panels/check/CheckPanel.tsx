// The first power-on check: run every step against the board, watch each pass, warn or
// fail with the values it read; on a failure, the troubleshooter's finding and "retry
// from here". The last saved reports are listed and download as HTML or JSON.
import { useEffect } from 'react';
import { CHECK_STEPS, CHECK_STEP_TITLES, type BoardCheckReport, type CheckStepResult } from '../../../shared/check';
import { renderReportHtml } from '../../../shared/check-report-html';
import { useStore } from '../../store';
import { cancelCheck, loadCheckReports, runCheck, showReport, toggleCheckStep } from '../../store/check-actions';
import { ErrorBox } from '../ErrorBox';
import './check.css';

const LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' } as const;

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function reportName(r: BoardCheckReport): string {
  return `bringup-check-${r.startedAt.replace(/[:.]/g, '-')}-${r.boardUid ?? 'no-uid'}`;
}

function StepRow({ step, index, canRetry }: { step: CheckStepResult; index: number; canRetry: boolean }) {
  return (
    <li className={`check-step ${step.status}`} data-testid={`check-step-${step.id}`} data-status={step.status}>
      <div className="check-step-head">
        <span className="check-badge">{LABEL[step.status]}</span>
        <strong>
          {index + 1}. {step.title}
        </strong>
        <span className="muted small">{(step.durationMs / 1000).toFixed(2)} s</span>
        {canRetry && step.status === 'fail' ? (
          <button type="button" data-testid={`check-retry-${step.id}`} onClick={() => void runCheck(step.id)}>
            Retry from here
          </button>
        ) : null}
      </div>
      <p className="check-summary" data-testid={`check-summary-${step.id}`}>
        {step.summary}
      </p>
      {step.evidence.length ? (
        <details open={step.status === 'fail'}>
          <summary className="small muted">Evidence</summary>
          <table className="check-evidence">
            <tbody>
              {step.evidence.map((e) => (
                <tr key={e.label}>
                  <th>{e.label}</th>
                  <td className="mono">{e.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {step.openocdLines?.length ? <pre className="check-log mono">{step.openocdLines.join('\n')}</pre> : null}
      {step.finding ? (
        <div className="check-finding" data-testid={`check-finding-${step.id}`}>
          <strong>Likely cause: {step.finding.title}</strong>
          <ol>
            {step.finding.steps.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </li>
  );
}

export function CheckPanel() {
  const running = useStore((s) => s.checkRunning);
  const steps = useStore((s) => s.checkSteps);
  const current = useStore((s) => s.checkCurrent);
  const report = useStore((s) => s.checkReport);
  const reports = useStore((s) => s.checkReports);
  const error = useStore((s) => s.checkError);
  const skip = useStore((s) => s.checkSkip);
  useEffect(() => void loadCheckReports(), []);

  return (
    <section className="panel check-panel" data-testid="check" aria-label="First power-on check">
      <div className="check-bar">
        <h2>First power-on check</h2>
        <button type="button" className="primary" data-testid="check-run" disabled={running} onClick={() => void runCheck()}>
          {running ? 'Checking…' : 'Run check'}
        </button>
        {running ? (
          <button type="button" data-testid="check-cancel" onClick={() => void cancelCheck()}>
            Cancel
          </button>
        ) : null}
        {report ? (
          <>
            <span className={`check-result ${report.result}`} data-testid="check-result">
              {report.result.toUpperCase()}
            </span>
            <button type="button" data-testid="check-download-html" onClick={() => download(`${reportName(report)}.html`, 'text/html', renderReportHtml(report))}>
              Save HTML
            </button>
            <button type="button" data-testid="check-download-json" onClick={() => download(`${reportName(report)}.json`, 'application/json', JSON.stringify(report, null, 2))}>
              Save JSON
            </button>
          </>
        ) : null}
      </div>
      <fieldset className="check-skip" disabled={running}>
        <legend className="small muted">Steps to run</legend>
        {CHECK_STEPS.map((id) => (
          <label key={id} className="check small">
            <input type="checkbox" data-testid={`check-skip-${id}`} checked={!skip.includes(id)} onChange={(e) => toggleCheckStep(id, e.target.checked)} />
            {CHECK_STEP_TITLES[id]}
          </label>
        ))}
      </fieldset>
      {error ? <ErrorBox error={error} testId="check-error" /> : null}
      {report?.boardUid ? (
        <p className="small">
          Board UID <span className="mono" data-testid="check-uid">{report.boardUid}</span>
          {report.part ? ` · ${report.part}` : ''}
          {report.openocdVersion ? ` · ${report.openocdVersion}` : ''}
        </p>
      ) : null}
      <ol className="check-steps">
        {steps.map((s, i) => (
          <StepRow key={s.id} step={s} index={i} canRetry={!running} />
        ))}
        {current ? (
          <li className="check-step running" data-testid="check-current">
            <div className="check-step-head">
              <span className="check-badge">…</span>
              <strong>
                {steps.length + 1}. {current.title}
              </strong>
            </div>
            {current.text ? <p className="small muted">{current.text}</p> : null}
            {current.fraction !== undefined ? <progress max={1} value={current.fraction} /> : null}
          </li>
        ) : null}
      </ol>
      {reports.length ? (
        <>
          <h3>Saved reports</h3>
          <ul className="check-reports" data-testid="check-reports">
            {reports.map((r) => (
              <li key={r.startedAt}>
                <button type="button" className="linklike" onClick={() => showReport(r)}>
                  <span className={`check-result small ${r.result}`}>{r.result.toUpperCase()}</span> {new Date(r.startedAt).toLocaleString()} · {r.boardUid ?? 'no UID'} ·{' '}
                  {r.profile.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
