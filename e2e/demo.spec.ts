// `bringup serve --demo`: the virtual board, connected at start, preselected.
import { test, expect } from './fixtures';
import { startServe } from './workbench';

test('serve --demo opens connected to the virtual board', async ({ driver, browser }) => {
  test.skip(driver !== 'browser', '--demo is a flag of `bringup serve`');
  const demo = await startServe(['--demo']);
  try {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText(/Virtual board/);
    await expect(page.getByTestId('connection-state')).toHaveText('connected');
    await expect(page.getByTestId('taps')).toContainText('0x3ba00477');
    await page.close();
  } finally {
    await demo.stop();
  }
});
