// `bringup serve` hands out two tokens: the operator's drives everything, the
// supervisor's view-only one opens the same page and socket but every write is refused.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { RunningServer } from '../serve';
import { startTestServer, type TestServer } from './testing/test-server';

function open(server: RunningServer, token: string): Promise<(channel: string, request?: unknown) => Promise<Result<unknown>>> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
  let next = 1;
  const waiters = new Map<number, (r: Result<unknown>) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    if (m.t === 'result') waiters.get(m.id)?.(m.result);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve((channel, request = {}) => {
        const id = next++;
        return new Promise((r) => {
          waiters.set(id, r);
          ws.send(JSON.stringify({ t: 'invoke', id, channel, request }));
        });
      }),
    );
    ws.once('error', reject);
  });
}

describe('bringup serve: the view-only token', () => {
  let t: TestServer;
  let server: RunningServer;

  beforeAll(async () => {
    t = await startTestServer('view-token');
    ({ server } = t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is a second token with its own address, accepted by the token check', async () => {
    expect(server.viewToken).toMatch(/^[0-9a-f]{64}$/);
    expect(server.viewToken).not.toBe(server.token);
    expect(server.viewUrl).toBe(`http://127.0.0.1:${server.port}/?token=${server.viewToken}`);
    const check = (t: string): Promise<number> => fetch(`http://127.0.0.1:${server.port}/token-check?token=${t}`).then((r) => r.status);
    expect(await check(server.viewToken)).toBe(204);
    expect(await check(server.token)).toBe(204);
    expect(await check('0'.repeat(64))).toBe(401);
  });

  it('reads over the socket but is refused every write; the operator is not', async () => {
    const viewer = await open(server, server.viewToken);
    const operator = await open(server, server.token);
    expect(await viewer('getAccess')).toEqual({ ok: true, value: { access: 'view' } });
    expect(await operator('getAccess')).toEqual({ ok: true, value: { access: 'operator' } });
    expect((await viewer('stationView')).ok).toBe(true);
    const start = await viewer('stationStart');
    expect(start.ok).toBe(false);
    expect(!start.ok && start.error.message).toContain('view-only access');
    expect((await viewer('stationLock', { locked: true })).ok).toBe(false);
    expect(await operator('stationLock', { locked: true })).toEqual({ ok: true, value: true });
  });
});
