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

test('reset-hold: connect fails, the connect-under-reset retry connects and makes needs-reset-hold the top finding; undo restores', async ({ workbench: page, serve }) => {
  const name = uniqueName('Board holding its pins');
  await saveBoardProfiles(page, serve!, [{ name, faults: ['reset-hold'] }]);
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');

  const panel = page.getByTestId('troubleshooter');
  await expect(panel).toBeVisible();
  await expect(categories(page).first()).toBeVisible();
  // The log (JTAG chain all ones) is what an unpowered board or a swapped wire gives too, so
  // those lead. The wiring finding offers the connect-under-reset retry; its success proves it.
  expect(await categories(page).allTextContents()).toContain('wiring');
  await finding(page, 'wiring').getByTestId('fix-retry-connect-under-reset').click();
  const result = page.getByTestId('fix-result');
  await expect(result).toHaveAttribute('data-worked', 'true');
  await expect(result).toContainText('connected');
  await expect(result).toContainText('srst_only srst_nogate connect_assert_srst');
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  // The retry is evidence: the failed attempt is re-ranked with it and needs-reset-hold leads.
  await expect(categories(page).first()).toHaveText('needs-reset-hold');
  const card = finding(page, 'needs-reset-hold');
  await expect(card.getByTestId('reset-hold-state')).toHaveText('connected');
  await result.getByTestId('fix-undo').click();
  await expect(result).toContainText('Undone');

  // Connected: the flow offers to erase the firmware that takes the pins, warning first.
  await card.getByTestId('offer-mass-erase').click();
  await expect(page.getByTestId('fix-confirm')).toContainText('erases the WHOLE flash');
  await page.getByTestId('fix-confirm-yes').click();
  await expect(result).toHaveAttribute('data-worked', 'true');
  await expect(result).toContainText('Flash mass-erased');
  await expect(result).toContainText('stm32f1x mass_erase 0');
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

// OpenOCD 0.12 as installed here still ships interface/stlink-v2.cfg (a deprecated alias), so
// the missing cfg is stlink-v3.cfg, a name 0.12 does not have; the known rename is the same.
test('missing cfg: config-not-found suggests interface/stlink.cfg and applies it with one click; undo restores', async ({ workbench: page }) => {
  const name = uniqueName('Old stlink cfg');
  await createProfile(page, { name, interfaceCfg: 'interface/stlink-v3.cfg', targetCfg: 'target/stm32f1x.cfg' });
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  await expect(categories(page).first()).toHaveText('config-not-found');
  const apply = finding(page, 'config-not-found').getByTestId('fix-suggest-cfg').first();
  await expect(apply).toHaveText('Use interface/stlink.cfg');
  await apply.click();
  const result = page.getByTestId('fix-result');
  // No ST-Link is plugged in here, so the reconnect fails further on, and says so.
  await expect(result).toContainText('interface cfg: interface/stlink-v3.cfg → interface/stlink.cfg');
  await expect(result).toHaveAttribute('data-worked', 'false');
  await result.getByTestId('fix-undo').click();
  await expect(result).toContainText('Undone');
});

test('unpowered: target-unpowered is named; a measured 0 V is classified and makes it the top finding', async ({ workbench: page, serve }) => {
  const name = uniqueName('Dead board');
  await saveBoardProfiles(page, serve!, [{ name, faults: ['unpowered'] }]);
  await connectProfile(page, name);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  // All zeroes on the chain: a dead board or broken wiring; both are named.
  expect(await categories(page).allTextContents()).toEqual(expect.arrayContaining(['target-unpowered', 'wiring']));
  await finding(page, 'target-unpowered').getByTestId('open-voltage-flow').click();
  const flow = page.getByTestId('voltage-flow');
  await flow.getByTestId('voltage-input').fill('0.02');
  await flow.getByTestId('voltage-submit').click();
  await expect(flow.getByTestId('voltage-verdict')).toHaveAttribute('data-verdict', 'unpowered');
  // The measurement re-ranks the findings: unpowered leads.
  await expect(categories(page).first()).toHaveText('target-unpowered');
  await expect(flow.getByTestId('pin-highlighted').first()).toBeVisible();
});
