import { test, expect } from './fixtures';

test('the workbench loads with the virtual board preselected', async ({ workbench: page }) => {
  await expect(page).toHaveTitle('Bring-up Workbench');
  await expect(page.getByTestId('connection-state')).toHaveText(/^(idle|stopped|failed)$/);
  await expect(page.getByTestId('target-state')).toHaveText(/^(running|halted|reset|unknown)$/);
  await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText(/Virtual board/);
  await expect(page.getByTestId('console')).toBeVisible();
  await expect(page.getByTestId('console-input')).toBeEditable();
});

test('the profile editor lists OpenOCD configs and filters them as you type', async ({ workbench: page }) => {
  await page.getByTestId('profile-new').click();
  const picker = page.getByTestId('cfg-interface');
  await picker.fill('stlink');
  const options = page.getByTestId('cfg-interface-options').getByRole('option');
  await expect(options.first()).toContainText('interface/stlink');
  await options.filter({ hasText: /^interface\/stlink\.cfg$/ }).click();
  await expect(picker).toHaveValue('interface/stlink.cfg');
  // A profile needs a name: the editor says so instead of saving.
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-error')).toContainText('name');
  await page.getByTestId('profile-cancel').click();
  await expect(page.getByTestId('profile-editor')).toBeHidden();
});
