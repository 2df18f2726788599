import { test, expect } from './fixtures';
import { connectProfile, createProfile, uniqueName } from './helpers';

test('a profile naming a missing cfg fails with the reason and the exit code', async ({ workbench: page }) => {
  const name = uniqueName('Broken interface');
  await createProfile(page, { name, interfaceCfg: 'interface/xyz.cfg', targetCfg: 'target/stm32f1x.cfg' });
  await connectProfile(page, name);

  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  const reason = page.getByTestId('failure-reason');
  await expect(reason).toContainText("Can't find interface/xyz.cfg");
  await expect(reason).toContainText('code 1');
  // Shown, not just present: the troubleshooter opening beside it must not squash the panel.
  await expect(page.getByTestId('troubleshooter')).toBeVisible();
  await expect(page.getByTestId('connection-state')).toBeInViewport();
  await expect(reason).toBeInViewport({ ratio: 0.9 });
  // The user can try again straight away.
  await expect(page.getByTestId('connect')).toBeEnabled();
});
