import { test, expect } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('the bring-up check passes every step on the healthy virtual board and lists its report', async ({ workbench: page }, testInfo) => {
  await page.getByTestId('profile-select').selectOption({ label: 'Virtual board (STM32F103 Blue Pill)' });
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await page.getByTestId('tab-check').click();
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-result')).toHaveText('PASS', { timeout: 90_000 });
  for (const id of ['probe', 'debug-port', 'device', 'core', 'ram', 'flash', 'reset', 'clock', 'protection']) {
    await expect(page.getByTestId(`check-step-${id}`)).toHaveAttribute('data-status', 'pass');
  }
  await expect(page.getByTestId('check-step-voltage')).toHaveAttribute('data-status', 'skipped');
  await expect(page.getByTestId('check-uid')).toHaveText(/^[0-9a-f]{24}$/);
  await expect(page.getByTestId('check-reports')).toContainText('PASS');
  await testInfo.attach('check-panel', { body: await page.getByTestId('check').screenshot(), contentType: 'image/png' });
  // The target runs its firmware again afterwards, as the board was found.
  await expect(page.getByTestId('target-state')).toHaveText('running');
});

test('a stuck SRAM bit stops the check at the RAM step, named; without it, retry from here passes', async ({ workbench: page }) => {
  await page.getByTestId('profile-select').selectOption({ label: 'Virtual board (STM32F103 Blue Pill)' });
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await page.getByTestId('fault-sram-stuck-bit').check();
  await page.getByTestId('tab-check').click();
  await page.getByTestId('check-skip-flash').uncheck();
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-result')).toHaveText('FAIL', { timeout: 90_000 });
  await expect(page.getByTestId('check-step-ram')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('check-summary-ram')).toContainText('bit 3 at 0x20000100 is stuck at 0');
  await expect(page.getByTestId('check-step-reset')).toHaveAttribute('data-status', 'skipped');

  await page.getByTestId('fault-sram-stuck-bit').uncheck();
  await page.getByTestId('check-retry-ram').click();
  await expect(page.getByTestId('check-result')).toHaveText('PASS', { timeout: 90_000 });
  await expect(page.getByTestId('check-step-ram')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-step-flash')).toHaveAttribute('data-status', 'skipped');
});
