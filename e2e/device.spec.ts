// The Device panel (issue 11) in Chromium against `bringup serve`: the chip's ids as the
// virtual board answers them, and the option-bytes editor's erase warning before going
// from RDP 1 back to 0. The change is cancelled (the chip's protection comes from the
// board's fault switch), so the firmware later specs rely on is left on the board.
import { test, expect } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('the device panel shows the device id, flash size and UID; RDP 1 → 0 warns that it erases the flash', async ({ workbench: page }, testInfo) => {
  await page.getByTestId('profile-select').selectOption({ label: 'Virtual board (STM32F103 Blue Pill)' });
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await page.getByTestId('tab-device').click();
  const panel = page.getByTestId('device');
  await expect(panel.getByTestId('device-id')).toHaveText('DEV_ID 0x410 (DBGMCU_IDCODE 0x20036410)');
  await expect(panel.getByTestId('device-name')).toHaveText('STM32F10x medium density');
  await expect(panel.getByTestId('device-revision')).toHaveText('Y');
  await expect(panel.getByTestId('device-flash-size')).toHaveText('64 KiB');
  await expect(panel.getByTestId('device-uid')).toHaveText(/^[0-9a-f]{24}$/);
  await expect(panel.getByTestId('device-core')).toContainText('Cortex-M3');
  await expect(panel.getByTestId('device-breakpoints')).toHaveText('6 hardware (FPB)');
  await expect(panel.getByTestId('device-watchpoints')).toHaveText('4 (DWT)');
  await expect(panel.getByTestId('device-rdp')).toContainText('level 0');
  await testInfo.attach('device-panel', { body: await panel.screenshot(), contentType: 'image/png' });

  // Read protection on (the board's switch writes it into the chip's option bytes).
  await page.getByTestId('fault-read-protected').check();
  await panel.getByTestId('device-read').click();
  await expect(panel.getByTestId('device-rdp')).toContainText('level 1');
  await expect(panel.getByTestId('ob-rdp')).toHaveValue('1');

  await panel.getByTestId('ob-rdp').selectOption('0');
  await expect(panel.getByTestId('ob-changes')).toContainText('RDP 1 → 0');
  await expect(panel.getByTestId('ob-changes')).toContainText('mass-erases the whole flash');
  await panel.getByTestId('ob-apply').click();
  await expect(panel.getByTestId('ob-confirm')).toContainText('This change mass-erases the whole flash.');
  await testInfo.attach('device-erase-warning', { body: await panel.screenshot(), contentType: 'image/png' });
  await panel.getByTestId('ob-confirm-no').click();
  await expect(panel.getByTestId('ob-confirm')).toHaveCount(0);
  await expect(panel.getByTestId('device-rdp')).toContainText('level 1'); // nothing was written

  await page.getByTestId('fault-read-protected').uncheck();
  await panel.getByTestId('device-read').click();
  await expect(panel.getByTestId('device-rdp')).toContainText('level 0');
});
