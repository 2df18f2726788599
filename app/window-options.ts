// The workbench window's options, kept apart from app/main.ts so a unit test can hold
// the hardening in place: context isolation, the sandbox, no node in the page, no webview.
import type { BrowserWindowConstructorOptions } from 'electron';

export function workbenchWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    backgroundColor: '#12161c',
    title: 'Bring-up Workbench',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click must not open a link in a new window (navigation stays in the app).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Quitting waits this long for OpenOCD's polite stop before killing whatever is left. */
export const QUIT_STOP_TIMEOUT_MS = 6000;

/**
 * Runs `stop` but gives up after `ms`: a stop queued behind a start that is still
 * waiting for OpenOCD must not keep the app from quitting. Resolves true if it finished.
 */
export async function stopWithin(stop: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([stop().then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
