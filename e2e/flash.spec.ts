// The flash panel against real OpenOCD + the virtual board: program with verify,
// cancel, and a write-protected chip. Images are generated per test; they go to
// 0x08008000 so the board's blink firmware at 0x08000000 stays intact.
import { test, expect } from './fixtures';
import { chooseImage, connectVboard, pattern, reconnect, tempImages } from './bench-helpers';

const images = tempImages();
test.afterAll(() => images.cleanup());

test('program a small .bin with verify: progress reaches 100% and it says verified', async ({ workbench: page, driver }) => {
  await connectVboard(page);
  await chooseImage(page, images.write('small.bin', pattern(2048, 1)));
  await expect(page.getByTestId('flash-image')).toContainText('bin');
  // Nothing beside the loaded image says "No file chosen" (the native input is hidden), also
  // after the panel was away and came back.
  await expect(page.getByTestId('flash-file')).toBeHidden();
  await page.getByTestId('tab-memory').click();
  await page.getByTestId('tab-flash').click();
  await expect(page.getByTestId('flash-image')).toContainText('small.bin');
  await expect(page.getByTestId('flash-file')).toBeHidden();
  if (driver === 'browser') await expect(page.getByTestId('flash-choose-file')).toHaveText('Choose another image…');
  await page.getByTestId('flash-address').fill('0x08008000');
  await expect(page.getByTestId('flash-verify')).toBeChecked();
  await page.getByTestId('flash-program').click();

  // The phases pass by as the job runs; the end is a full bar and "verified".
  await expect(page.getByTestId('flash-phase')).toHaveText(/Erasing|Writing|Verifying|Done/);
  const result = page.getByTestId('flash-result');
  await expect(result).toContainText('verified', { timeout: 40_000 });
  await expect(result).toHaveAttribute('data-outcome', 'done');
  await expect(page.getByTestId('flash-phase')).toHaveText('Done');
  await expect(page.getByTestId('flash-percent')).toHaveText('100%');
  // The bar as drawn is full too, not only its number (it once stopped at 84 % beside "100%").
  await expect(page.getByTestId('flash-bar')).toHaveAttribute('aria-valuenow', '100');
  const drawn = await page.getByTestId('flash-bar').evaluate((bar) => {
    const fill = bar.querySelector('[data-testid="flash-bar-fill"]');
    return fill ? fill.getBoundingClientRect().width / bar.getBoundingClientRect().width : 0;
  });
  expect(drawn).toBeCloseTo(1, 2);
  await expect(result).toContainText('Programmed 2.0 KiB');

  // Verify only, on the same image: flash matches.
  await page.getByTestId('flash-verify-only').click();
  await expect(result).toContainText('verified, flash matches the image', { timeout: 20_000 });
});

test('cancel during a larger image ends in "cancelled" with the partly-written message', async ({ workbench: page }) => {
  test.setTimeout(90_000);
  await connectVboard(page);
  await chooseImage(page, images.write('large.bin', pattern(32 * 1024, 2)));
  await page.getByTestId('flash-address').fill('0x08008000');
  await page.getByTestId('flash-program').click();
  // Cancel as soon as the job runs: the chunk in flight completes, then it stops. (The
  // virtual board writes 32 KiB in well under a second, so waiting for a phase would race.)
  await page.getByTestId('flash-cancel').click();
  const result = page.getByTestId('flash-result');
  await expect(result).toHaveAttribute('data-outcome', 'cancelled', { timeout: 40_000 });
  // The message says what state the flash was left in.
  await expect(result).toContainText(/nothing was changed|partly (erased|written)|not completely verified/);
  // The panel is ready for the next job.
  await expect(page.getByTestId('flash-program')).toBeEnabled();
});

test('a write-protected board (board menu, then reconnect) fails to program with OpenOCD’s message', async ({ workbench: page }) => {
  await connectVboard(page);
  const menu = page.getByTestId('board-menu');
  await menu.getByTestId('fault-write-protected').check();
  await expect(menu.getByTestId('board-faults')).toHaveText('write-protected');
  try {
    await reconnect(page);
    await expect(menu.getByTestId('board-faults')).toHaveText('write-protected');
    await chooseImage(page, images.write('wp.bin', pattern(2048, 3)));
    // The board's write protection covers the first pages (WRP0), where firmware starts.
    await page.getByTestId('flash-address').fill('0x08000000');
    await page.getByTestId('flash-program').click();
    const result = page.getByTestId('flash-result');
    await expect(result).toHaveAttribute('data-outcome', 'failed', { timeout: 40_000 });
    await expect(result).toContainText('stm32x device protected');
  } finally {
    // The switches outlive the connection: leave the board clean for the next spec.
    await menu.getByTestId('fault-write-protected').uncheck();
    await expect(menu.getByTestId('board-faults')).toHaveText('none');
  }
});
