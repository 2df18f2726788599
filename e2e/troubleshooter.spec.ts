// The troubleshooter against real OpenOCD and the virtual board: a failed connect
// opens it with findings; the fixes it applies reconnect and say whether they worked.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { consoleText, createProfile, connectProfile, typeCommand, uniqueName } from './helpers';
import type { ServeProcess } from './workbench';

/** Saves virtual-board profiles with fault switches (the store reads the file on every request), then reloads the page. */
async function saveBoardProfiles(page: Page, serve: ServeProcess, boards: Array<{ name: string; faults: string[] }>): Promise<void> {
  const profiles = boards.map((b, i) => ({
    id: `vb-${i}-${b.faults.join('-')}`,
    name: b.name,
    kind: 'vboard',
    targetCfg: 'target/stm32f1x.cfg',
    transport: 'jtag',
    adapterSpeedKhz: 1000,
    extraCommands: [],
    vboardFaults: b.faults,
  }));
  writeFileSync(path.join(serve.userData, 'profiles.json'), JSON.stringify({ version: 1, profiles }));
  await page.reload();
  for (const b of boards) await expect(page.getByTestId('profile-select').locator('option', { hasText: b.name })).toHaveCount(1);
}

const categories = (page: Page) => page.getByTestId('troubleshooter').getByTestId('finding-category');
const finding = (page: Page, category: string) => page.getByTestId('finding').and(page.locator(`[data-category="${category}"]`));

test.beforeEach(({ driver }) => {
  test.skip(driver !== 'browser', 'seeds profiles through the serve user-data folder');
});

test('reset-hold: connect fails, needs-reset-hold is named, connect-under-reset connects; undo restores', async ({ workbench: page, serve }) => {
  const name = uniqueName('Board holding its pins');
  await saveBoardProfiles(page, serve!, [{ name, faults: ['reset-hold'] }]);
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');

  const panel = page.getByTestId('troubleshooter');
  await expect(panel).toBeVisible();
  await expect(categories(page).first()).toBeVisible();
  // The log is the same as swapped wires (all ones): reset-hold is among the top two; the retry proves it.
  const top2 = (await categories(page).allTextContents()).slice(0, 2);
  expect(top2).toContain('needs-reset-hold');

  const card = finding(page, 'needs-reset-hold');
  await card.getByTestId('nrst-yes').check();
  await card.getByTestId('fix-connect-under-reset').click();
  const result = page.getByTestId('fix-result');
  await expect(result).toContainText('connected');
  await expect(result).toHaveAttribute('data-worked', 'true');
  await expect(result).toContainText('srst_only srst_nogate connect_assert_srst');
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  // Connected: the flow offers to erase the firmware that takes the pins, with a warning first.
  await card.getByTestId('offer-mass-erase').click();
  await expect(page.getByTestId('fix-confirm')).toContainText('erases the WHOLE flash');
  await page.getByTestId('fix-confirm-no').click();

  await result.getByTestId('fix-undo').click();
  await expect(result).toContainText('Undone');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});

test('read-protected: flash read fails, diagnose names flash-protected, Unlock makes flash readable', async ({ workbench: page, serve }) => {
  const name = uniqueName('Protected board');
  await saveBoardProfiles(page, serve!, [{ name, faults: ['read-protected'] }]);
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await typeCommand(page, 'mdw 0x08000000');
  await expect(consoleText(page)).toContainText('Failed to read memory at 0x08000000');

  await page.getByTestId('troubleshooter-open').click();
  await page.getByTestId('diagnose-run').click();
  await expect(categories(page).first()).toHaveText('flash-protected');
  await finding(page, 'flash-protected').getByTestId('fix-unlock-flash').first().click();
  await expect(page.getByTestId('fix-confirm')).toContainText('MASS-ERASES');
  await page.getByTestId('fix-confirm-yes').click();
  const result = page.getByTestId('fix-result');
  await expect(result).toHaveAttribute('data-worked', 'true', { timeout: 30_000 });
  await expect(result).toContainText('flash is readable again');
  await typeCommand(page, 'mdw 0x08000000');
  await expect(consoleText(page)).toContainText('0x08000000: ffffffff');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});

test('missing cfg: config-not-found suggests interface/stlink.cfg and applies it with one click; undo restores', async ({ workbench: page }) => {
  const name = uniqueName('Old stlink cfg');
  await createProfile(page, { name, interfaceCfg: 'interface/stlink-v2.cfg', targetCfg: 'target/stm32f1x.cfg' });
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  await expect(categories(page).first()).toHaveText('config-not-found');
  const apply = finding(page, 'config-not-found').getByTestId('fix-suggest-cfg').first();
  await expect(apply).toHaveText('Use interface/stlink.cfg');
  await apply.click();
  const result = page.getByTestId('fix-result');
  // No ST-Link is plugged in here, so the reconnect fails further on, and says so.
  await expect(result).toContainText('interface cfg: interface/stlink-v2.cfg → interface/stlink.cfg');
  await expect(result).toHaveAttribute('data-worked', 'false');
  await result.getByTestId('fix-undo').click();
  await expect(result).toContainText('Undone');
});

test('unpowered: target-unpowered is named and the voltage check classifies a measured 0 V', async ({ workbench: page, serve }) => {
  const name = uniqueName('Dead board');
  await saveBoardProfiles(page, serve!, [{ name, faults: ['unpowered'] }]);
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  await expect(categories(page).first()).toHaveText('target-unpowered');
  await finding(page, 'target-unpowered').getByTestId('open-voltage-flow').click();
  const flow = page.getByTestId('voltage-flow');
  await flow.getByTestId('voltage-input').fill('0.02');
  await flow.getByTestId('voltage-submit').click();
  await expect(flow.getByTestId('voltage-verdict')).toHaveAttribute('data-verdict', 'unpowered');
  await expect(flow.getByTestId('pin-highlighted').first()).toBeVisible();
});
