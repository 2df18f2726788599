// Browser mode: the built renderer over HTTP and the host over a WebSocket, on
// 127.0.0.1 by default. Every WebSocket must carry the token printed at start
// (401 otherwise), come from this server's own page (Origin) and name this
// server in Host (403 otherwise). A second, view-only token (a supervisor's browser)
// opens the same page and gets every event, but every channel that changes something
// is refused (shared/access.ts).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Access } from '../shared/access';
import { TOKEN_CHECK_PATH, WS_PATH } from '../shared/contract';
import type { HostServices } from './host/services';
import { allowedHosts, hostAllowed, newToken, originAllowed, tokenMatches } from './serve/auth';
import { securityHeaders } from './serve/headers';
import { attachSocket } from './serve/socket';
import { createStaticHandler } from './serve/static';

export interface ServeOptions {
  services: HostServices;
  rendererDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** The supervisor's view-only token; a fresh one when not given. */
  viewToken?: string;
}

export interface RunningServer {
  host: string;
  port: number;
  token: string;
  /** The page to open, token included. */
  url: string;
  viewToken: string;
  /** The same page for a supervisor: watch everything, change nothing. */
  viewUrl: string;
  /** Closes every socket and the listener (does not stop OpenOCD: the caller owns the services). */
  /** `reason` goes to every page in the close frame (the page shows it). */
  close(reason?: string): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const bindHost = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newToken();
  const viewToken = opts.viewToken ?? newToken();
  if (viewToken === token) throw new Error('the view-only token must differ from the operator token');
  const accessOf = (given: string | null | undefined): Access | undefined =>
    tokenMatches(token, given) ? 'operator' : tokenMatches(viewToken, given) ? 'view' : undefined;
  const serveStatic = createStaticHandler(opts.rendererDir);
  let allowed: Set<string> | 'any' = 'any';

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req, allowed)) {
      res.writeHead(403, securityHeaders()).end('Forbidden host');
      return;
    }
    if (isTokenCheck(req)) {
      const given = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
      res.writeHead(accessOf(given) ? 204 : 401, { ...securityHeaders(), 'Cache-Control': 'no-store' }).end();
      return;
    }
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, securityHeaders());
      res.end();
    });
  });
  // The contract's limit is enforced per message in attachSocket, which closes with a reason the page
  // shows; ws's own cap (which closes 1009 without one) is only the backstop for absurd frames.
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_HARD_LIMIT });
  wss.on('connection', (ws: WebSocket, _req: http.IncomingMessage, access: Access) => attachSocket(ws, opts.services, access));

  server.on('upgrade', (req, socket: Socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    const access = accessOf(url.searchParams.get('token'));
    if (!access) return refuse(socket, 401, 'Unauthorized');
    if (!hostAllowed(req, allowed) || !originAllowed(req)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, access));
  });

  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(bindHost, port);
  const urlHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;

  return {
    host: bindHost,
    port,
    token,
    url: `http://${urlHost}:${port}/?token=${token}`,
    viewToken,
    viewUrl: `http://${urlHost}:${port}/?token=${viewToken}`,
    async close(reason) {
      // Politely first, so queued events (a flash's final one) and the reason reach the page.
      await Promise.all([...wss.clients].map((ws) => closeSocket(ws, reason ?? 'bringup serve stopped')));
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

function isTokenCheck(req: http.IncomingMessage): boolean {
  return req.method === 'GET' && new URL(req.url ?? '/', 'http://x').pathname === TOKEN_CHECK_PATH;
}

function refuse(socket: Socket, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Frames above this are cut by ws itself (close 1009, no reason; the page names the code). */
const WS_HARD_LIMIT = 64 * 1024 * 1024;

/** Close 1001 with `reason`, waiting up to a second for the page to answer; then cut the socket. */
function closeSocket(ws: WebSocket, reason: string): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve();
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, 1000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    // A close reason is at most 123 bytes.
    ws.close(1001, Buffer.from(reason).subarray(0, 123).toString());
  });
}
