// The contract over a WebSocket (browser mode, `bringup serve`): the same
// BringupApi object the preload exposes, derived from the contract's keys.
import { eventMethodNameOf, WS_PATH } from '../../shared/channel-naming';
import type { BringupApi, ClientMessage, EventName, InvokeName, ServerMessage } from '../../shared/contract';
import type { Result } from '../../shared/errors';

/**
 * The contract's channel names, baked in at build time (vite.config.ts, vitest.config.ts):
 * importing them from shared/contract.ts would bring its zod schemas into the first screen.
 */
declare const __BRINGUP_CHANNELS__: { invoke: readonly InvokeName[]; events: readonly EventName[] };
const INVOKE_NAMES = __BRINGUP_CHANNELS__.invoke;
const EVENT_NAMES = __BRINGUP_CHANNELS__.events;
const EVENT_SET: ReadonlySet<string> = new Set(EVENT_NAMES);
const isEventName = (name: unknown): name is EventName => typeof name === 'string' && EVENT_SET.has(name);

export type TransportState = 'connecting' | 'open' | 'closed';

export interface WsApi {
  api: BringupApi;
  /** `closeReason`: with 'closed', why the server closed the socket, when it said (or the code told). */
  onTransport(cb: (s: TransportState, closeReason?: string) => void): () => void;
}

export function createWsApi(token: string, loc: Location = window.location): WsApi {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  const ws = new WebSocket(`${scheme}://${loc.host}${WS_PATH}?token=${encodeURIComponent(token)}`);
  let state: TransportState = 'connecting';
  let closeReason: string | undefined;
  const transportListeners = new Set<(s: TransportState, closeReason?: string) => void>();
  const setState = (s: TransportState): void => {
    state = s;
    for (const l of transportListeners) l(s, closeReason);
  };

  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const queued: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  ws.addEventListener('open', () => {
    setState('open');
    for (const m of queued.splice(0)) ws.send(m);
  });
  ws.addEventListener('close', (ev: CloseEvent) => {
    closeReason = describeClose(ev.code, ev.reason);
    setState('closed');
    for (const [, resolve] of pending) resolve(lost());
    pending.clear();
  });
  ws.addEventListener('message', (ev: MessageEvent) => {
    if (typeof ev.data !== 'string') return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(ev.data) as ServerMessage;
    } catch {
      return;
    }
    if (msg.t === 'result') {
      const resolve = pending.get(msg.id);
      pending.delete(msg.id);
      resolve?.(msg.result);
    } else if (msg.t === 'event' && isEventName(msg.name)) {
      for (const l of listeners.get(msg.name) ?? []) l(msg.payload);
    } else if (msg.t === 'error') {
      // The server could not take a message of ours: a bug in this page, worth a trace in the devtools.
      console.warn(`bringup serve refused a message: ${msg.message}`);
    }
  });

  const invoke = (channel: InvokeName, request: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (state === 'closed') return resolve(lost());
      const id = nextId++;
      pending.set(id, resolve);
      const msg: ClientMessage = { t: 'invoke', id, channel, request: request ?? {} };
      const text = JSON.stringify(msg);
      if (state === 'open') ws.send(text);
      else queued.push(text);
    });

  const api: Record<string, unknown> = {};
  for (const name of INVOKE_NAMES) api[name] = (request?: unknown) => invoke(name, request);
  for (const name of EVENT_NAMES) {
    api[eventMethodNameOf(name)] = (listener: (payload: unknown) => void) => {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    };
  }

  return {
    api: Object.freeze(api) as unknown as BringupApi,
    onTransport(cb) {
      transportListeners.add(cb);
      cb(state, closeReason);
      return () => transportListeners.delete(cb);
    },
  };
}

function lost(): Result<never> {
  return {
    ok: false,
    error: { kind: 'ConnectionError', message: 'Lost the connection to `bringup serve`.', hint: 'Check that the server is still running, then reload the page.' },
  };
}

/** The server's close reason, or what the code means when it gave none (1006: the connection just dropped). */
export function describeClose(code: number, reason: string): string | undefined {
  if (reason) return reason;
  if (code === 1009) return 'a message was over the server\'s size limit';
  if (code === 1001) return 'the server is stopping';
  if (code === 1011) return 'the server hit an internal error';
  return undefined;
}
