// The page lost `bringup serve` (the WebSocket closed): show it at once, and offer a
// reconnect that first asks whether the server is back and still takes this token
// (a restarted server prints a new one). A good answer reloads the page, which syncs
// every panel with main from scratch.
import { checkToken } from '../api/token-check';
import type { TransportState } from '../api/ws-client';
import { statusAfterTransportLost } from './connection-view';
import { useStore } from './index';

export function onTransport(transport: TransportState, closeReason?: string): void {
  if (transport === 'closed') {
    const s = useStore.getState();
    useStore.setState({ transport, status: statusAfterTransportLost(s.status), busy: false, transportCloseReason: closeReason });
  } else {
    useStore.setState({ transport });
  }
}

export async function reconnectTransport(reload: () => void = () => window.location.reload()): Promise<void> {
  useStore.setState({ reconnect: 'checking' });
  const problem = await checkToken();
  if (problem === undefined) {
    reload();
    return;
  }
  useStore.setState(problem === 'unreachable' ? { reconnect: 'unreachable' } : { reconnect: undefined, tokenProblem: problem });
}
