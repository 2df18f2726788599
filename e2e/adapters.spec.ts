// Debug adapters in the connection panel, before connecting. This machine has no USB
// debug adapter (CI, containers), so the panel says so and the virtual board is the
// preselected profile even when a hardware profile was the last one used.
import { test, expect } from './fixtures';
import { connectProfile, createProfile, uniqueName } from './helpers';

test('no adapter attached: the connection panel says so and points to the virtual board', async ({ workbench: page }) => {
  const adapters = page.getByTestId('adapters');
  await expect(adapters.getByTestId('adapters-none')).toHaveText('No debug adapter found — the virtual board works without one.');
  await adapters.getByTestId('adapters-refresh').click();
  await expect(adapters.getByTestId('adapters-none')).toBeVisible();
  await expect(adapters.getByTestId('adapter')).toHaveCount(0);
});

test('no adapter attached: after a hardware profile was used, a reload preselects the virtual board', async ({ workbench: page }) => {
  const name = uniqueName('ST-Link board');
  await createProfile(page, { name, interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg' });
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  await page.reload();
  await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText('Virtual board (STM32F103 Blue Pill)');
});
