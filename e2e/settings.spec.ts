import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

async function setOpenOcdPath(page: Page, value: string, expected: RegExp): Promise<void> {
  await page.getByTestId('settings').click();
  await page.getByTestId('settings-openocd').fill(value);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-openocd-status')).toContainText(expected);
  await page.getByTestId('settings-close').click();
  await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
}

test('the OpenOCD path setting: a bad path says so, and connect fails with the same clear message; cleared, it works', async ({ workbench: page }) => {
  const bad = '/nonexistent/bin/openocd';
  try {
    await setOpenOcdPath(page, bad, /OpenOCD not found at '\/nonexistent\/bin\/openocd' \(from the OpenOCD setting\)/);
    await page.getByTestId('connect').click(); // the virtual board is preselected
    await expect(page.getByTestId('connection-state')).toHaveText('failed');
    await expect(page.getByTestId('failure-reason')).toContainText(`OpenOCD not found at '${bad}'`);
    // The setting is kept (settings.json), and the dialog shows it again.
    await page.getByTestId('settings').click();
    await expect(page.getByTestId('settings-openocd')).toHaveValue(bad);
    await page.getByTestId('settings-close').click();
  } finally {
    await setOpenOcdPath(page, '', /OpenOCD 0\.1\d/);
  }
  await page.getByTestId('connect').click(); // the virtual board is preselected
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});
