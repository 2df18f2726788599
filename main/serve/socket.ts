// One WebSocket = one renderer = one Host. Messages are the contract's wire
// format (shared/contract.ts): invoke -> result, plus events pushed by the host.
import type { WebSocket, RawData } from 'ws';
import { clientMessageSchema, type InvokeName, type ServerMessage } from '../../shared/contract';
import { createHost } from '../host';
import type { HostServices } from '../host/services';
import { ValidationError } from '../openocd/errors';

export function attachSocket(ws: WebSocket, services: HostServices): void {
  const send = (msg: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const host = createHost(services, (name, payload) => send({ t: 'event', name, payload }));

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
  ws.on('close', () => host.dispose());
  ws.on('error', () => ws.terminate());
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
