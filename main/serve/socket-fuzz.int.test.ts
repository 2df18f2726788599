// Issue 17: the WebSocket host under 1,000 malformed messages (the audit's 10,000 at a
// smaller size): not JSON, binary frames, JSON that is not an invoke, bad ids, unknown
// channels, garbage requests. Each one gets an answer (a result for its id, else an error
// message), the host never crashes, and a valid request afterwards is answered. A message
// over the size limit closes the socket with a reason the page can show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../shared/connection';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../shared/contract';
import type { RunningServer } from '../serve';
import { startTestServer, type TestServer } from './testing/test-server';
import { TestClient } from './testing/ws-client';

/** Deterministic: a failure names the seed's message, not a lucky one. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Channels whose request schemas reject the garbage below (strict objects, typed fields).
const CHANNELS = ['readMemory', 'writeMemory', 'command', 'saveProfile', 'targetControl', 'startFlash', 'connect', 'rttWrite', 'setBoardFaults', 'saveSettings'];

type Expect = { kind: 'error' } | { kind: 'result'; id: number };

function garbage(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (k) {
    case 0: return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
    case 1: return r() < 0.5 ? null : r() < 0.5;
    case 2: return String.fromCharCode(...Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 0xd7ff)));
    case 3: return r() * 1e308;
    case 4: return '\u0000\uffff<script>';
    case 5: return Array.from({ length: Math.floor(r() * 5) }, () => garbage(r, depth + 1));
    default: {
      const o: Record<string, unknown> = { ['__proto__']: { polluted: true }, constructor: 'x' };
      for (let i = 0; i < Math.floor(r() * 4); i++) o[`k${Math.floor(r() * 100)}`] = garbage(r, depth + 1);
      return o;
    }
  }
}

/** One malformed message and the answer it must get. */
function message(r: () => number, id: number): { data: string | Buffer; binary: boolean; expect: Expect } {
  switch (Math.floor(r() * 9)) {
    case 0: // not JSON
      return { data: ['{', '{"t":"invoke",', 'nul', '\u0000\u0001', '{"a":1}}', ''][Math.floor(r() * 6)]! + String(r()), binary: false, expect: { kind: 'error' } };
    case 1: // a binary frame
      return { data: Buffer.from(Array.from({ length: 1 + Math.floor(r() * 64) }, () => Math.floor(r() * 256))), binary: true, expect: { kind: 'error' } };
    case 2: // JSON, but not an object with an id
      return { data: JSON.stringify([null, 42, 'invoke', [1, 2], true][Math.floor(r() * 5)]), binary: false, expect: { kind: 'error' } };
    case 3: // an invoke without a usable id
      return { data: JSON.stringify({ t: 'invoke', id: [undefined, -1, 1.5, '7', null, 2 ** 60][Math.floor(r() * 6)], channel: 'getStatus', request: {} }), binary: false, expect: { kind: 'error' } };
    case 4: // wrong t
      return { data: JSON.stringify({ t: ['result', 'event', 'INVOKE', 7][Math.floor(r() * 4)], id, channel: 'getStatus', request: {} }), binary: false, expect: { kind: 'result', id } };
    case 5: // unknown channel, including prototype names
      return { data: JSON.stringify({ t: 'invoke', id, channel: ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope', ''][Math.floor(r() * 6)], request: {} }), binary: false, expect: { kind: 'result', id } };
    case 6: // extra keys on the envelope
      return { data: JSON.stringify({ t: 'invoke', id, channel: 'getStatus', request: {}, extra: garbage(r) }), binary: false, expect: { kind: 'result', id } };
    case 7: // deep nesting within the size limit
      return { data: `{"t":"invoke","id":${id},"channel":"command","request":${'['.repeat(5000)}${']'.repeat(5000)}}`, binary: false, expect: { kind: 'result', id } };
    default: // a known channel with a garbage request
      return { data: JSON.stringify({ t: 'invoke', id, channel: CHANNELS[Math.floor(r() * CHANNELS.length)], request: { junk: garbage(r) } }), binary: false, expect: { kind: 'result', id } };
  }
}

describe('the WebSocket host under malformed messages', () => {
  let t: TestServer;
  let server: RunningServer;

  beforeAll(async () => {
    t = await startTestServer('fuzz');
    ({ server } = t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('1,000 malformed messages: every one answered (a result for its id, else an error), 0 crashes, and a valid request works after', async () => {
    const c = await TestClient.open(server.port, server.token);
    const r = prng(17);
    let errorsExpected = 0;
    const ids: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const m = message(r, 10_000 + i);
      if (m.expect.kind === 'error') errorsExpected++;
      else ids.push(m.expect.id);
      c.sendRaw(m.data, m.binary);
    }
    await c.until(() => c.errors.length >= errorsExpected && ids.every((id) => c.results.has(id)));
    expect(c.errors.length).toBe(errorsExpected);
    expect(errorsExpected).toBeGreaterThan(100);
    expect(ids.length).toBeGreaterThan(400);
    for (const id of ids) expect(c.results.get(id)?.ok, `message ${id}`).toBe(false);
    // Every error says what was wrong.
    expect(c.errors.every((e) => /^(not JSON|binary frames are not part of the protocol|not an invoke message)/.test(e))).toBe(true);
    expect(c.closed).toBeUndefined();
    expect((await c.value<ConnectionStatus>('getStatus')).state).toBe('idle');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    c.close();
  });

  it('a message over the size limit closes the socket with 1009 and a reason; a new socket is served', async () => {
    const c = await TestClient.open(server.port, server.token);
    const big = JSON.stringify({ t: 'invoke', id: 1, channel: 'command', request: { tcl: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) } });
    c.sendRaw(big);
    const closed = await c.whenClosed();
    expect(closed.code).toBe(1009);
    expect(closed.reason).toBe(`message of ${Buffer.byteLength(big)} bytes is over the 4 MiB limit`);
    const next = await TestClient.open(server.port, server.token);
    expect((await next.value<ConnectionStatus>('getStatus')).state).toBe('idle');
    next.close();
  });
});
