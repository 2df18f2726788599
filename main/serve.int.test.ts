// Browser mode end to end below the UI: the real controller and OpenOCD behind
// the WebSocket host, driven the way the renderer drives it.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus, LogLine } from '../shared/connection';
import type { RunningServer } from './serve';
import { startTestServer, type TestServer } from './serve/testing/test-server';
import { TestClient } from './serve/testing/ws-client';

const DUMMY = { id: 'dummy', name: 'Dummy adapter', kind: 'configs' as const, extraCommands: ['adapter driver dummy', 'transport select jtag', 'jtag newtap dummy cpu -irlen 4 -expected-id 0'] };

/** OpenOCD's log as the page would show it, from the events a client collected. */
function logText(c: TestClient): string {
  return c.events
    .filter((e) => e.name === 'log')
    .flatMap((e) => e.payload as LogLine[])
    .map((l) => l.text)
    .join('\n');
}

function upgradeStatus(url: string, origin: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Origin: origin };
    if (host) headers.Host = host;
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => (resolve(101), ws.close()));
    ws.once('error', reject);
  });
}

describe('bringup serve (WebSocket host over the real controller)', () => {
  let t: TestServer;
  let server: RunningServer;

  beforeAll(async () => {
    t = await startTestServer('serve');
    ({ server } = t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses sockets without the token (401), from another origin or host (403)', async () => {
    const base = `ws://127.0.0.1:${server.port}/ws`;
    const origin = `http://127.0.0.1:${server.port}`;
    expect(await upgradeStatus(base, origin)).toBe(401);
    expect(await upgradeStatus(`${base}?token=nope`, origin)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${server.token}`, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(`${base}?token=${server.token}`, 'http://evil.example:80', 'evil.example:80')).toBe(403);
    expect(await upgradeStatus(`${base}?token=${server.token}`, origin)).toBe(101);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds events until appReady, then delivers status and the OpenOCD log', async () => {
    const c = await TestClient.open(server.port, server.token);
    try {
      expect((await c.invoke('saveProfile', { profile: DUMMY })).ok).toBe(true);
      const connected = await c.invoke<ConnectionStatus>('connect', { profileId: 'dummy' });
      expect(connected.ok && connected.value.state).toBe('connected');
      expect(c.events).toEqual([]); // nothing before the renderer said it is ready
      await c.invoke('appReady');
      expect(c.events.some((e) => e.t === 'event' && e.name === 'status')).toBe(true);
      expect(logText(c)).toContain('Open On-Chip Debugger');

      const version = await c.invoke<string>('command', { tcl: 'version' });
      expect(version).toEqual({ ok: true, value: expect.stringContaining('0.12') as unknown });
      const bad = await c.invoke('command', { tcl: 'no_such_cmd_42' });
      expect(bad.ok).toBe(false);
      const history = await c.invoke<LogLine[]>('getLogHistory');
      expect(history.ok && history.value.length).toBeGreaterThan(0);
    } finally {
      c.close();
    }
  });

  it('validates every request: a bad field comes back as a ValidationError naming it', async () => {
    const c = await TestClient.open(server.port, server.token);
    try {
      const r = await c.invoke('connect', { profileId: 7 });
      expect(r.ok || r.error).toMatchObject({ kind: 'ValidationError', message: expect.stringContaining('profileId') as unknown });
      const unknown = await c.invoke('nope', {});
      expect(unknown.ok || unknown.error.kind).toBe('ValidationError');
      const missing = await c.invoke('connect', { profileId: 'no-such-profile' });
      expect(missing.ok || missing.error.message).toMatch(/no profile/);
    } finally {
      c.close();
    }
  });

  it('disconnect stops OpenOCD and reports stopped', async () => {
    const c = await TestClient.open(server.port, server.token);
    try {
      const r = await c.invoke<ConnectionStatus>('disconnect');
      expect(r.ok && r.value.state).toBe('stopped');
    } finally {
      c.close();
    }
  });
});
