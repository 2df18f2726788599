// Security headers for every page `bringup serve` sends. The CSP is the same one
// renderer/index.html carries in its <meta> tag (a unit test keeps them equal);
// the header adds frame-ancestors, which a <meta> CSP cannot express.
export const CSP_META =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; img-src 'self' data:; font-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'";

export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'; form-action 'none'`;

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP_HEADER,
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the access token: never leak it in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
