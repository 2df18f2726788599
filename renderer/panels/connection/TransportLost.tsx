// Shown the moment the page loses `bringup serve` (its WebSocket closed): the state
// below says "disconnected", and Reconnect checks the server is back before reloading.
import { useStore } from '../../store';
import { reconnectTransport } from '../../store/transport-actions';

export function TransportLost() {
  const reconnect = useStore((s) => s.reconnect);
  const reason = useStore((s) => s.transportCloseReason);
  return (
    <div className="banner transport-lost" role="alert" data-testid="transport-lost">
      <span>
        Lost the connection to the workbench server (<code>bringup serve</code>)
        {reason ? <span data-testid="transport-close-reason"> ({reason})</span> : null}: what this page shows of OpenOCD is no longer live.
        {reconnect === 'unreachable' ? (
          <strong data-testid="transport-still-down"> The server still does not answer: start `bringup serve` again (it prints a new address).</strong>
        ) : null}
      </span>
      <button type="button" data-testid="transport-reconnect" disabled={reconnect === 'checking'} onClick={() => void reconnectTransport()}>
        {reconnect === 'checking' ? 'Checking…' : 'Reconnect'}
      </button>
    </div>
  );
}
