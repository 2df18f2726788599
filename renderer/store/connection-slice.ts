import type { StateCreator } from 'zustand';
import type { ConnectionStatus } from '../../shared/connection';
import type { ErrorValue } from '../../shared/errors';
import type { TransportState } from '../api';
import type { TokenProblem } from '../api/token-check';

export interface ConnectionSlice {
  status: ConnectionStatus;
  /** A connect/disconnect request is in flight. */
  busy: boolean;
  /** The last error a connect/disconnect call returned (not an OpenOCD exit: that is in status.exit). */
  requestError?: ErrorValue;
  transport: TransportState;
  lastTargetEvent?: string;
  /** Why the server closed the WebSocket, when it said (e.g. a message over the size limit, the server stopping). */
  transportCloseReason?: string | undefined;
  /** After the transport closed: a reconnect being checked, or the server still not answering. */
  reconnect?: 'checking' | 'unreachable';
  /** The server answers but no longer takes this page's token (it restarted): the token page replaces the workbench. */
  tokenProblem?: TokenProblem;
}

export const initialStatus: ConnectionStatus = { state: 'idle', target: 'unknown', info: { taps: [] } };

export const createConnectionSlice: StateCreator<ConnectionSlice, [], [], ConnectionSlice> = () => ({
  status: initialStatus,
  busy: false,
  transport: 'connecting',
});
