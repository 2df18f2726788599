// The fixtures every spec uses: `page` is the workbench page, whichever driver
// the project selects (browser -> Chromium at `bringup serve`, electron -> the
// app's window). Specs never know which; the browser-only ones ask `driver`.
import { test as base, expect, type Page } from '@playwright/test';
import { startElectron, startServe, type ElectronRun, type ServeProcess } from './workbench';

export type Driver = 'browser' | 'electron';
export interface DriverOptions {
  driver: Driver;
}

interface WorkerFixtures extends DriverOptions {
  serve: ServeProcess | undefined;
  electronRun: ElectronRun | undefined;
}

export const test = base.extend<{ workbench: Page }, WorkerFixtures>({
  driver: ['browser', { option: true, scope: 'worker' }],
  serve: [
    async ({ driver }, use) => {
      if (driver !== 'browser') return use(undefined);
      const s = await startServe();
      try {
        await use(s);
      } finally {
        await s.stop();
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  electronRun: [
    async ({ driver }, use) => {
      if (driver !== 'electron') return use(undefined);
      const run = await startElectron();
      try {
        await use(run);
      } finally {
        await run.stop();
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  workbench: async ({ driver, serve, electronRun, browser }, use) => {
    let page: Page;
    if (driver === 'electron' && electronRun) {
      page = await electronRun.app.firstWindow();
      await page.reload();
    } else if (serve) {
      page = await browser.newPage();
      await page.goto(serve.url);
    } else {
      throw new Error(`no app for driver ${driver}`);
    }
    // Every spec starts from a page that has synced and an OpenOCD that is not running.
    await expect(page.getByTestId('profile-select')).toContainText('Virtual board');
    const state = page.getByTestId('connection-state');
    if (/starting|connected/.test((await state.textContent()) ?? '')) {
      await page.getByTestId('disconnect').click();
      await expect(state).toHaveText(/stopped|failed/);
    }
    await use(page);
    if (driver === 'browser') await page.close();
  },
});

export { expect };
