// Who may talk to `bringup serve`: a WebSocket must carry the random token
// printed at start-up, come from a page this server served (Origin), and name
// this server in its Host header (defeats DNS-rebinding pages).
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** Host header values this server answers to: the bound address and, on loopback, its names. */
export function allowedHosts(bindHost: string, port: number): Set<string> | 'any' {
  if (WILDCARD_HOSTS.has(bindHost)) return 'any';
  const names = new Set([bindHost.includes(':') ? `[${bindHost}]` : bindHost]);
  if (bindHost === '127.0.0.1' || bindHost === 'localhost' || bindHost === '::1') {
    for (const n of ['127.0.0.1', 'localhost', '[::1]']) names.add(n);
  }
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

export function hostAllowed(req: IncomingMessage, allowed: Set<string> | 'any'): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host) return false;
  return allowed === 'any' || allowed.has(host);
}

/** Browsers always send Origin on a WebSocket; it must be this very server. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}
