// Browser mode only: the WebSocket is the app's whole API, so it must refuse
// anyone without the printed token, or from another origin.
import WebSocket from 'ws';
import { test, expect } from './fixtures';

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', (err) => reject(err));
  });
}

test.describe('browser mode access control', () => {
  test.beforeEach(({ driver }) => {
    test.skip(driver !== 'browser', 'only `bringup serve` has a WebSocket');
  });

  test('a WebSocket without the token, or from another origin, is refused', async ({ serve }) => {
    if (!serve) throw new Error('no server');
    const ws = serve.origin.replace(/^http/, 'ws') + '/ws';
    const origin = { Origin: serve.origin };
    expect(await upgradeStatus(ws, origin)).toBe(401);
    expect(await upgradeStatus(`${ws}?token=${'0'.repeat(64)}`, origin)).toBe(401);
    expect(await upgradeStatus(`${ws}?token=${serve.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${ws}?token=${serve.token}`, origin)).toBe(101);
  });

  test('pages carry a strict Content-Security-Policy', async ({ serve, request }) => {
    if (!serve) throw new Error('no server');
    const res = await request.get(serve.origin + '/');
    expect(res.status()).toBe(200);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers()['referrer-policy']).toBe('no-referrer');
  });
});
