// Big memory reads in the memory panel (real OpenOCD + the virtual board): a 1 MiB read
// shows its progress and ends with the whole block; Cancel stops it and keeps the bytes
// read so far; an address like "08000000" is refused with the hex spelling offered.
import { test, expect } from './fixtures';
import { connectVboard, hexRow, readMemory } from './bench-helpers';

// The last 1 MiB of the peripheral bit-band alias (each bit of 0x4001c000.. as a word).
const ALIAS = '0x42380000';
const MIB = 1024 * 1024;

test('memory: a 1 MiB read shows progress, then the whole block', async ({ workbench: page }) => {
  test.setTimeout(120_000);
  await connectVboard(page);
  await readMemory(page, ALIAS, MIB);
  await expect(page.getByTestId('mem-progress')).toBeVisible();
  await expect(page.getByTestId('mem-progress-text')).toContainText('/ 1.0 MiB');
  await expect(page.getByTestId('mem-block-info')).toContainText(`1048576 bytes at ${ALIAS}`, { timeout: 100_000 });
  await expect(page.getByTestId('mem-progress')).toHaveCount(0);
  // RCC_CR's HSION bit (0x40021000 bit 0) is set after reset: its alias word reads 1.
  await page.getByTestId('mem-goto').fill('0x42420000');
  await page.getByTestId('mem-goto-btn').click();
  await expect(hexRow(page, '0x42420000')).toContainText(/^0x42420000\s*01 00 00 00 /);
});

test('memory: Cancel stops a big read and keeps the bytes read so far', async ({ workbench: page }) => {
  await connectVboard(page);
  await readMemory(page, ALIAS, MIB);
  // Cancel once some of it is in (the first chunk's progress).
  await expect(page.getByTestId('mem-progress-text')).not.toContainText(/^0 B/);
  await page.getByTestId('mem-cancel').click();
  await expect(page.getByTestId('mem-notice')).toContainText(/cancelled: \d+ of 1048576 bytes read/);
  await expect(page.getByTestId('mem-progress')).toHaveCount(0);
  const info = await page.getByTestId('mem-block-info').textContent();
  const got = Number(/(\d+) bytes at/.exec(info ?? '')?.[1]);
  expect(got).toBeGreaterThan(0);
  expect(got).toBeLessThan(MIB);
  await expect(hexRow(page, ALIAS)).toBeVisible();
  await expect(page.getByTestId('mem-read')).toBeEnabled();
});

test('memory: "08000000" is refused as ambiguous, with the hex spelling offered', async ({ workbench: page }) => {
  await connectVboard(page);
  await readMemory(page, '08000000', 16);
  await expect(page.getByTestId('mem-error')).toContainText("address '08000000' is ambiguous: write 0x08000000 for hex");
});
