// One e2e suite, two drivers: Chromium against `bringup serve` (always), and
// Electron (`_electron.launch`) when its binary is installed. `npm test` builds
// first; the suite itself never downloads browsers (no `playwright install`).
import { defineConfig } from '@playwright/test';
import type { DriverOptions } from './e2e/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('./scripts/electron-binary.cjs') as { electronBinary(root: string): string | undefined };

const hasElectron = electronBinary(__dirname) !== undefined;

export default defineConfig<DriverOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // No OpenOCD started by the run may outlive it: the teardown fails the run otherwise.
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 45_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        driver: 'browser',
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.BRINGUP_CHROMIUM ?? '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        },
      },
    },
    // The same specs inside the real app, where Electron's binary exists.
    ...(hasElectron ? [{ name: 'electron', use: { driver: 'electron' as const } }] : []),
  ],
});
