import { test, expect } from './fixtures';
import { consoleText, typeCommand } from './helpers';

test('the virtual board connects, shows its TAP and halts on `reset halt`', async ({ workbench: page }) => {
  await page.getByTestId('profile-select').selectOption({ label: 'Virtual board (STM32F103 Blue Pill)' });
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await expect(page.getByTestId('taps')).toContainText('0x3ba00477');

  await typeCommand(page, 'reset halt');
  await expect(page.getByTestId('target-state')).toHaveText('halted');
  await expect(consoleText(page)).toContainText('> reset halt');

  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});
