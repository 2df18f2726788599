// Browser mode end to end below the UI: the real controller and OpenOCD behind
// the WebSocket host, driven the way the renderer drives it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../shared/contract';
import type { ConnectionStatus, LogLine } from '../shared/connection';
import type { Result } from '../shared/errors';
import { createServices } from './host/create-services';
import type { HostServices } from './host/services';
import { startServer, type RunningServer } from './serve';

const DUMMY = { id: 'dummy', name: 'Dummy adapter', kind: 'configs' as const, extraCommands: ['adapter driver dummy', 'transport select jtag', 'jtag newtap dummy cpu -irlen 4 -expected-id 0'] };

class Client {
  events: ServerMessage[] = [];
  private next = 1;
  private waiters = new Map<number, (r: Result<unknown>) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as ServerMessage;
      if (m.t === 'result') this.waiters.get(m.id)?.(m.result);
      else this.events.push(m);
    });
  }
  static open(server: RunningServer): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('error', reject);
    });
  }
  invoke<T>(channel: string, request: unknown = {}): Promise<Result<T>> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve as (r: Result<unknown>) => void);
      this.ws.send(JSON.stringify({ t: 'invoke', id, channel, request }));
    });
  }
  logText(): string {
    return this.events
      .filter((e) => e.t === 'event' && e.name === 'log')
      .flatMap((e) => (e.t === 'event' ? (e.payload as LogLine[]) : []))
      .map((l) => l.text)
      .join('\n');
  }
  close(): void {
    this.ws.close();
  }
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
  let dir: string;
  let services: HostServices;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-serve-'));
    const renderer = path.join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    services = createServices({ userDataDir: path.join(dir, 'user') });
    server = await startServer({ services, rendererDir: renderer });
  });
  afterAll(async () => {
    await services?.controller.stop();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
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
    const c = await Client.open(server);
    try {
      expect((await c.invoke('saveProfile', { profile: DUMMY })).ok).toBe(true);
      const connected = await c.invoke<ConnectionStatus>('connect', { profileId: 'dummy' });
      expect(connected.ok && connected.value.state).toBe('connected');
      expect(c.events).toEqual([]); // nothing before the renderer said it is ready
      await c.invoke('appReady');
      expect(c.events.some((e) => e.t === 'event' && e.name === 'status')).toBe(true);
      expect(c.logText()).toContain('Open On-Chip Debugger');

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
    const c = await Client.open(server);
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
    const c = await Client.open(server);
    try {
      const r = await c.invoke<ConnectionStatus>('disconnect');
      expect(r.ok && r.value.state).toBe('stopped');
    } finally {
      c.close();
    }
  });
});
