// Security headers for every page `bringup serve` sends. The CSP is the same one
// renderer/index.html carries in its <meta> tag (a unit test keeps them equal);
// the header adds frame-ancestors, which a <meta> CSP cannot express.
// - connect-src 'self': CSP Level 3 lets 'self' match the page's own origin over ws:/wss:
//   too, so the WebSocket back to this server needs no ws://host:* wildcard (which would
//   have allowed any local port); the e2e suite runs on it in Chromium.
// - style-src 'unsafe-inline': xterm.js sizes and positions its rows with inline style
//   attributes and a <style> element it creates at run time; React's style={} props set
//   inline styles too. Scripts stay strictly 'self'.
// - frame-src/form-action 'none': the page embeds no frames and submits no forms anywhere.
export const CSP_META =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "connect-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-src 'none'; form-action 'none'";

export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

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
