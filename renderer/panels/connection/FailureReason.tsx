// Why OpenOCD exited, kept compact: the summary and the first lines (errors come first
// in reasonLines), the rest one click away. The troubleshooter in the main area is
// where the failure is explained; this box only has to say what OpenOCD said.
import { useState } from 'react';
import type { ExitInfo } from '../../../shared/connection';
import { exitSummary } from './format';

const SHOWN_LINES = 4;

export function FailureReason({ exit }: { exit: ExitInfo }) {
  const [all, setAll] = useState(false);
  const lines = exit.reasonLines;
  const shown = all ? lines : lines.slice(0, SHOWN_LINES);
  return (
    <div className="failure compact" role="alert" data-testid="failure-reason">
      <strong>{exitSummary(exit.code, exit.signal)}</strong>
      {shown.length > 0 ? <pre>{shown.join('\n')}</pre> : null}
      {lines.length > SHOWN_LINES ? (
        <button type="button" className="small link" data-testid="failure-reason-toggle" onClick={() => setAll(!all)}>
          {all ? 'Show less' : `Show all ${lines.length} lines`}
        </button>
      ) : null}
    </div>
  );
}
