// One WebSocket = one renderer = one Host. Messages are the contract's wire
// format (shared/contract.ts): invoke -> result, plus events pushed by the host.
import type { WebSocket, RawData } from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES, clientMessageSchema, type InvokeName, type ServerMessage } from '../../shared/contract';
import { createHost } from '../host';
import type { Access } from '../../shared/access';
import type { HostServices } from '../host/services';
import { toErrorValue, ValidationError } from '../openocd/errors';
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
    // Every message gets an answer (issue 17): a result for one with an id, an error
    // message otherwise, a close with the reason for one over the size limit. None throws.
    try {
      const size = rawSize(data);
      if (size > MAX_CLIENT_MESSAGE_BYTES) {
        ws.close(1009, `message of ${size} bytes is over the ${MAX_CLIENT_MESSAGE_BYTES / 1024 / 1024} MiB limit`);
        return;
      }
      if (isBinary) return send({ t: 'error', message: 'binary frames are not part of the protocol: send JSON text' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawText(data));
      } catch (e) {
        return send({ t: 'error', message: `not JSON: ${(e as Error).message.slice(0, 200)}` });
      }
      const msg = clientMessageSchema.safeParse(parsed);
      if (!msg.success) {
        const issue = msg.error.issues[0];
        const text = `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid message'}`;
        const id = (parsed as { id?: unknown } | null)?.id;
        if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) {
          send({ t: 'result', id, result: { ok: false, error: new ValidationError(text).toValue() } });
        } else send({ t: 'error', message: `not an invoke message (${text}); expected {"t":"invoke","id":N,"channel":NAME,"request":{...}}` });
        return;
      }
      const { id, channel, request } = msg.data;
      void host.handle(channel as InvokeName, request).then(
        (result) => send({ t: 'result', id, result }),
        (err: unknown) => send({ t: 'result', id, result: { ok: false, error: toErrorValue(err) } }),
      );
    } catch (err) {
      send({ t: 'error', message: `message not handled: ${err instanceof Error ? err.message : String(err)}` });
    }
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

function rawSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}
