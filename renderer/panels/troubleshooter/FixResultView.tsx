// The fix in flight, the warning a destructive fix waits on, and the outcome of
// the last fix (worked or not, what changed, Undo).
import { useStore } from '../../store';
import { describeError } from '../../store/actions';
import { applyFix, cancelConfirm, confirmFix, undoFix } from './actions';

export function FixResultView() {
  const busy = useStore((s) => s.fixBusy);
  const fix = useStore((s) => s.lastFix);
  const error = useStore((s) => s.fixError);
  const confirm = useStore((s) => s.confirm);
  const undone = useStore((s) => s.undoMessage);
  return (
    <>
      {confirm ? (
        <div className="warning-box" role="alertdialog" data-testid="fix-confirm">
          <p>{confirm.warning}</p>
          <button type="button" data-testid="fix-confirm-yes" onClick={() => void confirmFix()}>
            {confirm.action === 'remove-write-protection' ? 'Yes, continue' : 'Yes, erase'}
          </button>{' '}
          <button type="button" data-testid="fix-confirm-no" onClick={cancelConfirm}>
            Cancel
          </button>
        </div>
      ) : null}
      {busy ? (
        <p className="muted" data-testid="fix-busy">
          Applying {busy} and reconnecting…
        </p>
      ) : null}
      {error ? (
        <pre className="failure" data-testid="fix-error">
          {describeError(error)}
        </pre>
      ) : null}
      {fix ? (
        <div className={fix.worked ? 'fix-ok' : 'fix-failed'} data-testid="fix-result" data-worked={String(fix.worked)} role="status">
          <strong>{fix.worked ? '✔ Fixed — ' : '✘ Not fixed — '}</strong>
          {fix.message}
          <div className="muted">Applied: {fix.applied}</div>
          {fix.details ? (
            <pre className="mono" data-testid="fix-details">
              {fix.details}
            </pre>
          ) : null}
          {fix.offer ? (
            <button type="button" data-testid="fix-offer" data-action={fix.offer.action} disabled={busy !== undefined} onClick={() => void applyFix(fix.offer!.action, fix.offer!.args)}>
              {fix.offer.label}
            </button>
          ) : null}{' '}
          {fix.fixId ? (
            <button type="button" data-testid="fix-undo" disabled={busy !== undefined} onClick={() => void undoFix()}>
              Undo
            </button>
          ) : null}
          {undone ? (
            <p data-testid="fix-undone">
              <strong>↶ </strong>
              {undone}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
