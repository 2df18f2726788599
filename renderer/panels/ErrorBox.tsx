// An error value as the user sees it: our message, OpenOCD's own text, the hint.
import type { ErrorValue } from '../../shared/errors';

export function ErrorBox({ error, testId }: { error: ErrorValue; testId: string }) {
  const extra = (error.openocdText ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !error.message.includes(l));
  return (
    <div className="failure" role="alert" data-testid={testId}>
      <strong>{error.message}</strong>
      {extra.length > 0 ? <pre>{extra.join('\n')}</pre> : null}
      {error.hint ? <p className="hint">{error.hint}</p> : null}
    </div>
  );
}
