// What the connection panel shows, derived from what main said and whether the page
// can still hear it. Pure functions (unit-tested): a page that lost `bringup serve`
// knows nothing about OpenOCD any more, so it must not keep showing "connected".
import type { ConnectionState, ConnectionStatus, TargetState } from '../../shared/connection';
import type { TransportState } from '../api/ws-client';

export type ShownState = ConnectionState | 'disconnected';

export interface ShownConnection {
  state: ShownState;
  target: TargetState;
}

export function shownConnection(status: ConnectionStatus, transport: TransportState): ShownConnection {
  if (transport === 'closed') return { state: 'disconnected', target: 'unknown' };
  return { state: status.state, target: status.target };
}

/**
 * The status to keep once the transport closed: nothing is known (the panels that act
 * on a connection disable themselves); the profile stays for the connection panel.
 */
export function statusAfterTransportLost(status: ConnectionStatus): ConnectionStatus {
  return { state: 'idle', target: 'unknown', info: { taps: [] }, ...(status.profileId ? { profileId: status.profileId } : {}) };
}
