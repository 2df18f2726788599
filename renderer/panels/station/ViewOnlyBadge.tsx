// Shown in the top bar when the page was opened with the supervisor's view-only address:
// the page watches, main refuses every change (shared/access.ts).
import { useStore } from '../../store';
import './station.css';

export function ViewOnlyBadge() {
  const viewOnly = useStore((s) => s.access === 'view');
  if (!viewOnly) return null;
  return (
    <span className="view-only-badge" data-testid="view-only" title="Opened with the view-only address: you can watch, not change anything">
      View only
    </span>
  );
}
