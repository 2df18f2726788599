import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { stopWithin, workbenchWindowOptions } = await import('./window-options');

describe('the workbench window', () => {
  it('is hardened: isolated, sandboxed, no node in the page or its frames, no webview', () => {
    const prefs = workbenchWindowOptions('/app/preload.js').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('stopWithin (quitting never stalls behind a running start)', () => {
  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const never = new Promise<void>(() => undefined);
      const r = stopWithin(() => never, 6000);
      await vi.advanceTimersByTimeAsync(6000);
      await expect(r).resolves.toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
  it('reports a stop that finished (or failed) in time', async () => {
    await expect(stopWithin(async () => undefined, 1000)).resolves.toBe(true);
    await expect(stopWithin(() => Promise.reject(new Error('x')), 1000)).resolves.toBe(true);
  });
});
