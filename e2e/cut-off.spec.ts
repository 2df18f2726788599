// Issue 17 in the page: a binary not named openocd is refused in Settings before it runs
// (the setting stays as it was), and `shutdown` typed in the console is refused with the
// reason while the connection stays up.
import { test, expect } from './fixtures';
import { connectVboard } from './bench-helpers';
import { consoleText, typeCommand } from './helpers';

test('Settings refuses a binary that is not named openocd, and keeps the old setting', async ({ workbench: page }) => {
  await page.getByTestId('settings').click();
  await expect(page.getByTestId('settings-openocd')).toBeEditable();
  const before = await page.getByTestId('settings-openocd').inputValue();
  await page.getByTestId('settings-openocd').fill('/bin/sh');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-error')).toContainText("'/bin/sh' is not an OpenOCD: the workbench only runs a binary named openocd");
  await page.getByTestId('settings-close').click();
  await page.getByTestId('settings').click();
  await expect(page.getByTestId('settings-openocd')).toHaveValue(before);
  await page.getByTestId('settings-close').click();
});

test('`shutdown` typed in the console is refused with the reason; the connection stays', async ({ workbench: page }) => {
  await connectVboard(page);
  await typeCommand(page, 'shutdown');
  await expect(consoleText(page)).toContainText('`shutdown` is not run from the console');
  await expect(consoleText(page)).toContainText('Press Disconnect');
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});
