// Issue 11, Flash: drop an image on the panel, program it with "Reset and run" (the
// board runs afterwards), see it in the history, flash it again from there in one
// click; sector erase of a range (refused off a sector boundary); the active tab
// survives a reload. Images go to 0x08008000 so the blink firmware stays intact.
import type { Page } from '@playwright/test';
import { crc32 } from 'node:zlib';
import { test, expect } from './fixtures';
import { connectVboard, pattern } from './bench-helpers';

/** Drops `bytes` as a file on the drop zone the way a file manager would (a DataTransfer with one File). */
async function dropImage(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ name, data }) => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(data)], name, { type: 'application/octet-stream' }));
      return t;
    },
    { name, data: Array.from(bytes) },
  );
  const zone = page.getByTestId('flash-drop');
  await zone.dispatchEvent('dragenter', { dataTransfer: dt });
  await zone.dispatchEvent('dragover', { dataTransfer: dt });
  await expect(zone).toHaveAttribute('data-dragging', 'yes');
  await zone.dispatchEvent('drop', { dataTransfer: dt });
}

test('drop an image, program with reset-and-run, see it in the history, flash again from it', async ({ workbench: page }) => {
  test.setTimeout(90_000);
  await connectVboard(page);
  await page.getByTestId('tab-flash').click();
  const bytes = pattern(2048, 11);
  const name = `dropped-${Date.now()}.bin`;
  await dropImage(page, name, bytes);
  await expect(page.getByTestId('flash-image')).toContainText(name);

  await page.getByTestId('flash-address').fill('0x08008000');
  // On by default, beside Verify.
  await expect(page.getByTestId('flash-reset-after')).toBeChecked();
  await expect(page.getByTestId('flash-verify')).toBeChecked();
  await page.getByTestId('flash-program').click();
  const result = page.getByTestId('flash-result');
  await expect(result).toHaveAttribute('data-outcome', 'done', { timeout: 40_000 });
  await expect(result).toContainText('verified');
  await expect(page.getByTestId('flash-reset-note')).toContainText('the target runs the new firmware');
  // The board runs the firmware after programming.
  await expect(page.getByTestId('target-state')).toHaveText(/running/);

  // The history row: name, size, CRC32 of the bytes, result.
  const row = page.getByTestId('flash-history-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('flash-history-crc')).toHaveText((crc32(bytes) >>> 0).toString(16).padStart(8, '0'));
  await expect(row.getByTestId('flash-history-result')).toHaveText('OK');
  await expect(row).toContainText('2.0 KiB');
  await expect(row).toContainText('@0x08008000');

  // Another address typed meanwhile; "Flash again" brings the row's image and address back and programs it.
  await page.getByTestId('flash-address').fill('0x08000000');
  await row.getByTestId('flash-again').click();
  await expect(page.getByTestId('flash-image')).toContainText(name);
  await expect(page.getByTestId('flash-address')).toHaveValue('0x08008000');
  await expect(result).toHaveAttribute('data-outcome', 'done', { timeout: 40_000 });
  await expect(page.getByTestId('flash-history-row').filter({ hasText: name })).toHaveCount(2);
  await expect(page.getByTestId('target-state')).toHaveText(/running/);
});

test('sector erase of a range: refused off a sector boundary, erases whole sectors with progress', async ({ workbench: page }) => {
  test.setTimeout(60_000);
  await connectVboard(page);
  await page.getByTestId('tab-flash').click();
  page.on('dialog', (d) => void d.accept());
  // Off a sector boundary (the F103's pages are 1 KiB): the library's words come back, nothing erased.
  await page.getByTestId('erase-address').fill('0x08008100');
  await page.getByTestId('erase-length').fill('0x400');
  await page.getByTestId('flash-erase-range').click();
  const result = page.getByTestId('flash-result');
  await expect(result).toHaveAttribute('data-outcome', 'failed', { timeout: 20_000 });
  await expect(result).toContainText('not on a sector boundary');

  await page.getByTestId('erase-address').fill('0x08008000');
  await page.getByTestId('erase-length').fill('0x800');
  await page.getByTestId('flash-erase-range').click();
  await expect(result).toHaveAttribute('data-outcome', 'done', { timeout: 20_000 });
  await expect(result).toContainText('Erased 2.0 KiB');
  await expect(page.getByTestId('flash-percent')).toHaveText('100%');
  // (That the range then reads as 0xff is checked main-side: main/flash-history/flash-history.int.test.ts.)
});

test('a reload keeps the active work tab and the flash options', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('tab-flash').click();
  await page.getByTestId('flash-reset-after').uncheck();
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');
  await expect(page.getByTestId('tab-flash')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('flash-panel')).toBeVisible();
  await expect(page.getByTestId('flash-reset-after')).not.toBeChecked();
  // Back to the default for the specs after this one (the Electron window keeps its storage).
  await page.getByTestId('flash-reset-after').check();
  await page.getByTestId('tab-memory').click();
});
