// Picks the transport once at start-up: the preload bridge inside Electron,
// otherwise a WebSocket back to the `bringup serve` that served this page.
import type { BringupApi } from '../../shared/contract';
import { createWsApi, type TransportState } from './ws-client';

declare global {
  interface Window {
    bringup?: BringupApi;
  }
}

export interface ApiHandle {
  api: BringupApi;
  kind: 'electron' | 'websocket';
  onTransport(cb: (s: TransportState) => void): () => void;
}

export function pickApi(): ApiHandle {
  if (window.bringup) {
    return { api: window.bringup, kind: 'electron', onTransport: (cb) => (cb('open'), () => undefined) };
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const ws = createWsApi(token);
  return { api: ws.api, kind: 'websocket', onTransport: ws.onTransport };
}

export type { TransportState };
