// The memory and registers panels against real OpenOCD + the virtual board.
import { test, expect } from './fixtures';
import { consoleText, typeCommand } from './helpers';
import { connectVboard, hexRow, readMemory } from './bench-helpers';

test('memory: a word written from the console reads back in the hex view; only visible rows are in the DOM', async ({ workbench: page }) => {
  await connectVboard(page);
  await typeCommand(page, 'mww 0x20000000 0xdeadbeef');
  await expect(consoleText(page)).toContainText('> mww 0x20000000 0xdeadbeef');

  await readMemory(page, '0x20000000', 64);
  await expect(hexRow(page, '0x20000000')).toContainText('ef be ad de');
  // The panel's reads stay out of the console (only the typed command and its echo are there).
  await expect(consoleText(page)).not.toContainText('0xdeadbeef 0x0');

  // All 20 KiB of SRAM is 1280 rows; the virtualized view renders a screenful.
  await readMemory(page, '0x20000000', 0x5000);
  await expect(page.getByTestId('mem-block-info')).toContainText('20480 bytes at 0x20000000');
  await expect(hexRow(page, '0x20000000')).toContainText('ef be ad de');
  expect(await page.getByTestId('hex-row').count()).toBeLessThan(80);
  // Go to an address far down: its row appears, the first one leaves the DOM.
  await page.getByTestId('mem-goto').fill('0x20004800');
  await page.getByTestId('mem-goto-btn').click();
  await expect(hexRow(page, '0x20004800')).toBeVisible();
  await expect(hexRow(page, '0x20000000')).toHaveCount(0);
});

test('memory: edit a byte and a word in the hex view, write, read back', async ({ workbench: page }) => {
  await connectVboard(page);
  await readMemory(page, '0x20000100', 32);
  await expect(hexRow(page, '0x20000100')).toBeVisible();

  // Click the first byte: it becomes the edit target.
  await hexRow(page, '0x20000100').getByTestId('hex-byte').first().click();
  await expect(page.getByTestId('edit-address')).toHaveValue('0x20000100');
  await page.getByTestId('edit-value').fill('0x5a');
  await page.getByTestId('mem-write').click();
  await expect(page.getByTestId('mem-notice')).toContainText('wrote 0x5a at 0x20000100');
  await expect(hexRow(page, '0x20000100')).toContainText(/^0x20000100\s*5a /);

  await page.getByTestId('edit-width').selectOption('32');
  await page.getByTestId('edit-address').fill('0x20000104');
  await page.getByTestId('edit-value').fill('0x11223344');
  await page.getByTestId('mem-write').click();
  await expect(hexRow(page, '0x20000100')).toContainText('44 33 22 11');

  // A typo in the address is refused before anything is sent, naming what was typed.
  await page.getByTestId('edit-address').fill('0x2000zz00');
  await page.getByTestId('mem-write').click();
  await expect(page.getByTestId('mem-error')).toContainText("bad address '0x2000zz00'");
  await expect(hexRow(page, '0x20000100')).toContainText('44 33 22 11');
});

test('memory: an unmapped address shows OpenOCD’s error and the panel stays usable', async ({ workbench: page }) => {
  await connectVboard(page);
  await readMemory(page, '0x20000000', 16);
  await expect(hexRow(page, '0x20000000')).toBeVisible();

  await readMemory(page, '0x60000000', 16);
  const err = page.getByTestId('mem-error');
  await expect(err).toContainText('0x60000000');
  await expect(err).toContainText(/failed to read memory|Failed to read memory/i);
  // What was on screen is still there, and the next read works.
  await expect(hexRow(page, '0x20000000')).toBeVisible();
  await page.getByTestId('jump-flash').click();
  await expect(hexRow(page, '0x08000000')).toBeVisible();
  await expect(err).toHaveCount(0);
});

test('registers: halt shows pc, resume shows the running hint', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('tab-registers').click();
  const panel = page.getByTestId('registers-panel');
  await panel.getByTestId('target-halt').click();
  await expect(page.getByTestId('target-state')).toHaveText('halted');
  const pc = panel.locator('[data-testid="reg-row"][data-name="pc"]');
  await expect(pc).toContainText(/0x080000[0-9a-f]{2}/);

  // Edit r0 and see the new value after the re-read.
  await panel.locator('[data-testid="reg-row"][data-name="r0"]').getByTestId('reg-value').click();
  await panel.getByTestId('reg-edit').fill('0x12345678');
  await panel.getByTestId('reg-edit').press('Enter');
  await expect(panel.locator('[data-testid="reg-row"][data-name="r0"]')).toContainText('0x12345678');

  await panel.getByTestId('target-resume').click();
  await expect(panel.getByTestId('registers-running')).toHaveText('target running — halt to read registers');
  await expect(panel.getByTestId('registers-error')).toHaveCount(0);

  // A halt from the console refreshes the table too (target events).
  await typeCommand(page, 'halt');
  await expect(pc).toContainText(/0x080000[0-9a-f]{2}/);
});
