import { test, expect } from './fixtures';
import { connectProfile, consoleText, createProfile, DUMMY_ADAPTER, scrollConsole, typeCommand, uniqueName } from './helpers';

test('a working profile connects, logs the banner and answers console commands', async ({ workbench: page }) => {
  const name = uniqueName('Dummy adapter');
  await createProfile(page, { name, ...DUMMY_ADAPTER });
  await connectProfile(page, name);

  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await expect(page.getByTestId('openocd-version')).toContainText('0.12');
  await expect(page.getByTestId('adapter')).toHaveText('dummy');
  await expect(page.getByTestId('transport')).toHaveText('jtag');
  await expect(page.getByTestId('tap').first()).toContainText('dummy.cpu');
  // The banner is the first line of the log: scroll back up to it.
  await expect(async () => {
    await scrollConsole(page, 'top');
    await expect(consoleText(page)).toContainText('Open On-Chip Debugger', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // A command typed at the prompt brings the console back to the newest output.
  await typeCommand(page, 'version');
  await expect(consoleText(page)).toContainText(/> version\s*Open On-Chip Debugger 0\.12/);

  // An unknown command comes back as an error, and the connection survives it.
  await typeCommand(page, 'no_such_command_xyz');
  await expect(consoleText(page)).toContainText('no_such_command_xyz');
  await expect(page.getByTestId('console').locator('.xterm-rows span').filter({ hasText: /invalid command name/ }).first()).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');

  // History: Up brings back the last command.
  await page.getByTestId('console-input').press('ArrowUp');
  await expect(page.getByTestId('console-input')).toHaveValue('no_such_command_xyz');
  await page.getByTestId('console-input').press('ArrowUp');
  await expect(page.getByTestId('console-input')).toHaveValue('version');

  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});
