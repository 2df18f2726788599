import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from './headers';

describe('Content-Security-Policy', () => {
  it('renderer/index.html carries the same policy as the served header', () => {
    const html = readFileSync(path.join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP_META);
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true);
  });

  it('allows no inline or eval script and no framing', () => {
    expect(CSP_HEADER).toContain("script-src 'self';");
    expect(CSP_HEADER).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_HEADER).toContain("object-src 'none'");
    expect(CSP_HEADER).toContain("frame-src 'none'");
    expect(CSP_HEADER).toContain("form-action 'none'");
  });

  it("connects only to its own origin: no ws:// wildcard ('self' covers the same-origin WebSocket)", () => {
    expect(CSP_HEADER).toContain("connect-src 'self';");
    expect(CSP_HEADER).not.toMatch(/ws:\/\//);
  });
});
