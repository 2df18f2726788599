// Picks the transport once at start-up: the preload bridge inside Electron,
// otherwise a WebSocket back to the `bringup serve` that served this page.
import type { BringupApi } from '../../shared/contract';
import { pageToken } from './token-check';
import { createWsApi, type TransportState } from './ws-client';

declare global {
  interface Window {
    bringup?: BringupApi;
  }
}

export interface ApiHandle {
  api: BringupApi;
  kind: 'electron' | 'websocket';
  onTransport(cb: (s: TransportState, closeReason?: string) => void): () => void;
}

export function pickApi(): ApiHandle {
  if (window.bringup) {
    return { api: window.bringup, kind: 'electron', onTransport: (cb) => (cb('open'), () => undefined) };
  }
  const ws = createWsApi(pageToken());
  return { api: ws.api, kind: 'websocket', onTransport: ws.onTransport };
}

export type { TransportState };
