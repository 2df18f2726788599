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

test('the board stays on the bench between connects: what was written survives Disconnect / Connect', async ({ workbench: page }) => {
  await page.getByTestId('profile-select').selectOption({ label: 'Virtual board (STM32F103 Blue Pill)' });
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  const marker = (0x10000000 + Math.floor(Math.random() * 0x0fffffff)).toString(16);
  await typeCommand(page, 'halt');
  await typeCommand(page, `mww 0x20004f00 0x${marker}`);
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');

  // A new OpenOCD, the same board: SRAM still holds the word (no power cycle in between).
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await typeCommand(page, 'mdw 0x20004f00');
  await expect(consoleText(page)).toContainText(`0x20004f00: ${marker}`);
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});
