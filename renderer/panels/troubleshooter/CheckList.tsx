// The checks the app ran by itself on a failed connect (e.g. the retry under reset):
// running, then whether it connected. The findings below are ranked with the outcome.
import type { CheckReport } from '../../../shared/troubleshoot';

export function CheckList({ checks }: { checks: readonly CheckReport[] }) {
  if (checks.length === 0) return null;
  return (
    <ul className="checks" data-testid="auto-checks">
      {checks.map((c) => (
        <li key={c.id} data-testid={c.status === 'running' ? 'check-running' : 'check-result'} data-check={c.id} data-status={c.status} className={`check check-${c.status}`}>
          {c.status === 'running' ? '⏳ ' : c.status === 'ok' ? '✔ ' : '✘ '}
          {c.message}
        </li>
      ))}
    </ul>
  );
}
