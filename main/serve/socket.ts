// One WebSocket = one renderer = one Host. Messages are the contract's wire
// format (shared/contract.ts): invoke -> result, plus events pushed by the host.
import type { WebSocket, RawData } from 'ws';
import { clientMessageSchema, type InvokeName, type ServerMessage } from '../../shared/contract';
import { createHost } from '../host';
import type { Access } from '../../shared/access';
import type { HostServices } from '../host/services';
import { ValidationError } from '../openocd/errors';
import type { LogLine } from '../../shared/connection';
import { LogBackpressure } from './backpressure';

/** How often a socket that dropped log lines is checked for having drained. */
const DRAIN_POLL_MS = 100;

export function attachSocket(ws: WebSocket, services: HostServices, access: Access = 'operator'): void {
  const send = (msg: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  // Log batches give way when the page falls behind; status, flash and results never do.
  const logs = new LogBackpressure(() => ws.bufferedAmount);
  let drainTimer: NodeJS.Timeout | undefined;
  const watchDrain = (): void => {
    if (drainTimer) return;
    drainTimer = setInterval(() => {
      const notice = logs.takeNotice();
      if (notice) send({ t: 'event', name: 'log', payload: [notice] });
      if (!logs.dropping || ws.readyState !== ws.OPEN) {
        clearInterval(drainTimer);
        drainTimer = undefined;
      }
    }, DRAIN_POLL_MS);
    drainTimer.unref();
  };
  const host = createHost(services, (name, payload) => {
    if (name !== 'log') return send({ t: 'event', name, payload });
    const batch = logs.admit(payload as LogLine[]);
    if (batch) send({ t: 'event', name, payload: batch });
    else watchDrain();
  }, { access });

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawText(data));
    } catch {
      return;
    }
    const msg = clientMessageSchema.safeParse(parsed);
    if (!msg.success) {
      const id = (parsed as { id?: unknown } | null)?.id;
      if (typeof id === 'number') {
        const field = msg.error.issues[0]?.path.join('.') || 'message';
        send({ t: 'result', id, result: { ok: false, error: new ValidationError(`${field}: ${msg.error.issues[0]?.message ?? 'invalid message'}`).toValue() } });
      }
      return;
    }
    const { id, channel, request } = msg.data;
    void host.handle(channel as InvokeName, request).then((result) => send({ t: 'result', id, result }));
  });
  ws.on('close', () => {
    clearInterval(drainTimer);
    host.dispose();
  });
  ws.on('error', () => ws.terminate());
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
