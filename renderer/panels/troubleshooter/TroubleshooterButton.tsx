// The troubleshooter's place in the side bar while it is closed: its button, and the
// subscription that opens it by itself when a connect fails. The panel (findings, flows,
// connector drawings) is its own chunk, loaded when it opens (WorkTabs), so the first
// screen does not carry it.
import { useEffect } from 'react';
import { openTroubleshooter, subscribeDiagnosis } from './actions';

export function TroubleshooterButton() {
  useEffect(() => {
    subscribeDiagnosis();
  }, []);
  return (
    <button type="button" className="troubleshooter-open" data-testid="troubleshooter-open" onClick={() => openTroubleshooter()}>
      Troubleshoot…
    </button>
  );
}
