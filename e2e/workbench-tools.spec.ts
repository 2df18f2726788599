// The engineer's workbench on the virtual board's blink firmware: peripherals decoded
// from the bundled STM32F103 SVD, an ODR13 write that turns the board's LED, a hardware
// breakpoint and a watchpoint that halt the firmware, keys and the theme switch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { connectVboard, VBOARD } from './bench-helpers';

test('peripherals: GPIOC decodes by field; writing ODR13 turns the LED off and on, read back', async ({ workbench: page }, testInfo) => {
  await connectVboard(page);
  // Halted, so the firmware's SysTick does not toggle ODR13 under the test.
  await page.getByTestId('tab-breakpoints').click();
  await page.getByTestId('bp-halt').click();
  await expect(page.getByTestId('bp-target-state')).toHaveText('halted');

  await page.getByTestId('tab-peripherals').click();
  const panel = page.getByTestId('peripherals');
  await expect(panel.getByTestId('periph-source')).toContainText('STM32F103');
  await panel.getByTestId('periph-filter').fill('GPIOC');
  const gpioc = panel.locator('[data-testid="periph-row"][data-name="GPIOC"]');
  await expect(panel.getByTestId('periph-row')).toHaveCount(1);
  await gpioc.getByTestId('periph-read').click();
  const crh = gpioc.locator('[data-testid="svd-reg"][data-name="CRH"]');
  await expect(crh.getByTestId('svd-reg-value')).toHaveText('0x44344444');
  await crh.getByTestId('svd-reg-toggle').click();
  const mode13 = crh.locator('[data-testid="svd-field"][data-name="MODE13"]');
  await expect(mode13).toContainText('[21:20]');
  await expect(mode13.getByTestId('svd-field-value')).toHaveText('3');
  // Write-only registers are never read.
  await expect(gpioc.locator('[data-testid="svd-reg"][data-name="BSRR"]').getByTestId('svd-reg-value')).toContainText('write-only');

  const odr = gpioc.locator('[data-testid="svd-reg"][data-name="ODR"]');
  await odr.getByTestId('svd-reg-toggle').click();
  const odr13 = odr.locator('[data-testid="svd-field"][data-name="ODR13"]');
  // Where the firmware left PC13 depends on when it was halted: drive it low first.
  await odr13.getByTestId('svd-field-input').fill('0');
  await odr13.getByTestId('svd-field-write').click();
  await expect(odr13.getByTestId('svd-field-value')).toHaveText('0');
  await expect(page.getByTestId('board-led')).toHaveText('on');
  await odr13.getByTestId('svd-field-input').fill('1');
  await odr13.getByTestId('svd-field-write').click();
  await expect(odr13.getByTestId('svd-field-value')).toHaveText('1');
  await expect(panel.getByTestId('periph-notice')).toContainText('GPIOC.ODR.ODR13');
  await expect(panel.getByTestId('periph-notice')).toContainText('read back 0x0000');
  await expect(page.getByTestId('board-led')).toHaveText('off'); // the Blue Pill's LED is active low
  await expect(odr).toHaveAttribute('data-changed', 'yes');

  await odr13.getByTestId('svd-field-input').fill('0');
  await odr13.getByTestId('svd-field-write').click();
  await expect(odr13.getByTestId('svd-field-value')).toHaveText('0');
  await expect(page.getByTestId('board-led')).toHaveText('on');

  // A read-only register offers no write; "ODR" alone narrows to every port's ODR.
  await expect(gpioc.locator('[data-testid="svd-reg"][data-name="IDR"]').getByTestId('svd-reg-write')).toHaveCount(0);
  await panel.getByTestId('periph-filter').fill('ODR');
  await expect(panel.locator('[data-testid="periph-row"][data-name="GPIOA"]')).toBeVisible();
  await expect(panel.locator('[data-testid="periph-row"][data-name="GPIOC"] [data-testid="svd-reg"]')).toHaveCount(1);
  await testInfo.attach('peripherals-panel', { body: await panel.screenshot(), contentType: 'image/png' });

  // "Show in memory" opens the hex view at the register.
  await panel.locator('[data-testid="periph-row"][data-name="GPIOC"] [data-testid="svd-show-memory"]').click();
  await expect(page.getByTestId('memory-panel')).toBeVisible();
  await expect(page.getByTestId('mem-block-info')).toContainText('0x40011000');
  // "Go to" takes peripheral and register names from the same SVD.
  await page.getByTestId('mem-goto').fill('rcc.cr');
  await page.getByTestId('mem-goto-btn').click();
  await expect(page.getByTestId('mem-block-info')).toContainText('0x40021000');
});

test('breakpoints: a hardware breakpoint halts the SysTick handler; a watchpoint halts on the ODR write; keys run control', async ({ workbench: page }, testInfo) => {
  await connectVboard(page);
  await page.getByTestId('tab-breakpoints').click();
  const panel = page.getByTestId('breakpoints');
  await panel.getByTestId('bp-reset-halt').click();
  await expect(panel.getByTestId('bp-target-state')).toHaveText('halted');
  // The PC shown is where the reset left the core (the default firmware's reset handler), not the one from before it.
  await expect(panel.getByTestId('bp-pc')).toHaveText('0x08000040');
  await expect(panel.getByTestId('bp-free')).toHaveText('6 of 6 hardware comparators free');

  await panel.getByTestId('bp-address').fill('0x08000050');
  await panel.getByTestId('bp-add').click();
  await expect(panel.getByTestId('bp-row')).toHaveAttribute('data-address', '0x08000050');
  await expect(panel.getByTestId('bp-free')).toHaveText('5 of 6 hardware comparators free');
  await panel.getByTestId('bp-resume').click();
  await expect(panel.getByTestId('bp-halt-reason')).toHaveText('breakpoint');
  await expect(panel.getByTestId('bp-pc')).toHaveText('0x08000050');
  await expect(panel.locator('[data-testid="bp-reg"][data-name="pc"]')).toContainText('0x08000050');
  await expect(panel.locator('[data-testid="bp-reg"][data-name="r0"]')).toContainText('0x4001100c'); // GPIOC_ODR

  // Disabled: kept in the list, its comparator free; removed: gone.
  await panel.getByTestId('bp-enabled').uncheck();
  await expect(panel.getByTestId('bp-free')).toHaveText('6 of 6 hardware comparators free');
  await expect(panel.getByTestId('bp-row')).toHaveCount(1);
  await panel.getByTestId('bp-remove').click();
  await expect(panel.getByTestId('bp-row')).toHaveCount(0);

  // F11 steps one instruction, as in VS Code.
  await page.keyboard.press('F11');
  await expect(panel.getByTestId('bp-pc')).toHaveText('0x08000052');

  await panel.getByTestId('wp-address').fill('0x4001100c');
  await panel.getByTestId('wp-size').selectOption('4');
  await panel.getByTestId('wp-access').selectOption('w');
  await panel.getByTestId('wp-add').click();
  await expect(panel.getByTestId('wp-row')).toHaveAttribute('data-address', '0x4001100c');
  await expect(panel.getByTestId('wp-free')).toContainText('3 of 4');
  await page.keyboard.press('F5');
  await expect(panel.getByTestId('bp-halt-reason')).toHaveText('watchpoint');
  await expect(panel.getByTestId('bp-pc')).toHaveText('0x08000058'); // after `str r1, [r0]`
  await panel.getByTestId('wp-remove').click();
  await expect(panel.getByTestId('wp-row')).toHaveCount(0);
  await testInfo.attach('breakpoints-panel', { body: await panel.screenshot(), contentType: 'image/png' });

  // A bad address is refused with a message before anything is sent.
  await panel.getByTestId('bp-address').fill('0x0800zz');
  await panel.getByTestId('bp-add').click();
  await expect(panel.getByTestId('bp-error')).toContainText("bad address '0x0800zz'");

  await page.keyboard.press('F5');
  await expect(panel.getByTestId('bp-target-state')).toHaveText('running');
  await page.keyboard.press('F6');
  await expect(panel.getByTestId('bp-target-state')).toHaveText('halted');
});

test('theme: the switch and Alt+T change the page colours', async ({ workbench: page }) => {
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByTestId('theme-select').selectOption('dark');
  const dark = await bg();
  await page.getByTestId('theme-select').selectOption('light');
  await expect.poll(bg).not.toBe(dark);
  await page.keyboard.press('Alt+KeyT');
  await expect.poll(bg).toBe(dark);
  await expect(page.getByTestId('theme-select')).toHaveValue('dark');
  await page.getByTestId('theme-select').selectOption('system');
});

test('memory tools: search finds a pattern written to SRAM; an exported range equals what was read; fill', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('console-input').fill('mww 0x20000200 0xcafef00d');
  await page.getByTestId('console-input').press('Enter');
  await page.getByTestId('tab-memory').click();
  const tools = page.getByTestId('mem-tools');
  await tools.getByTestId('tool-address').fill('0x20000000');
  await tools.getByTestId('tool-length').fill('0x5000');
  await tools.getByTestId('search-pattern').fill('0d f0 fe ca');
  await tools.getByTestId('search-run').click();
  await expect(tools.getByTestId('search-match').first()).toHaveText('0x20000200');

  await tools.getByTestId('tool-address').fill('0x20000300');
  await tools.getByTestId('tool-length').fill('32');
  await tools.getByTestId('fill-value').fill('0x5a');
  await tools.getByTestId('fill-run').click();
  await expect(tools.getByTestId('tool-notice')).toContainText('filled 32 bytes at 0x20000300 with 0x5a');
  await page.getByTestId('mem-address').fill('0x20000300');
  await page.getByTestId('mem-length').fill('32');
  await page.getByTestId('mem-read').click();
  await expect(page.locator('[data-testid="hex-row"]').first()).toContainText('5a 5a 5a 5a');

  const [download] = await Promise.all([page.waitForEvent('download'), tools.getByTestId('export-run').click()]);
  const file = await download.path();
  expect([...readFileSync(file)]).toEqual(new Array(32).fill(0x5a));
  expect(download.suggestedFilename()).toBe('memory-0x20000300-32.bin');
  await test.info().attach('memory-panel', { body: await page.getByTestId('memory-panel').screenshot(), contentType: 'image/png' });
});

test('registers: a core register edit sticks; a bad value is refused with a message', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('tab-registers').click();
  const panel = page.getByTestId('registers-panel');
  await panel.getByTestId('target-halt').click();
  const r1 = panel.locator('[data-testid="reg-row"][data-name="r1"]');
  await r1.getByTestId('reg-value').click();
  await panel.getByTestId('reg-edit').fill('0x12zz');
  await panel.getByTestId('reg-edit').press('Enter');
  await expect(panel.getByTestId('registers-error')).toContainText("bad value '0x12zz'");
  await panel.getByTestId('reg-edit').fill('0x1234abcd');
  await panel.getByTestId('reg-edit').press('Enter');
  await expect(r1.getByTestId('reg-value')).toHaveText('0x1234abcd');
  await panel.getByTestId('registers-refresh').click();
  await expect(r1.getByTestId('reg-value')).toHaveText('0x1234abcd');
  // A step: what it changed since the last halt is highlighted (the PC always moves); xPSR in words.
  await panel.getByTestId('target-step').click();
  await expect(panel.locator('[data-testid="reg-row"][data-name="pc"]')).toHaveAttribute('data-changed', 'yes');
  await expect(panel.locator('[data-testid="reg-row"][data-name="r1"]')).toHaveAttribute('data-changed', /yes|no/);
  await expect(panel.getByTestId('xpsr-decoded')).toContainText('Thumb');
  await test.info().attach('registers-panel', { body: await panel.screenshot(), contentType: 'image/png' });
});

test('command palette: Ctrl+K runs Connect and Halt; the keys are listed beside the commands', async ({ workbench: page }) => {
  await page.getByTestId('profile-select').selectOption({ label: VBOARD });
  await page.keyboard.press('Control+KeyK');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await palette.getByTestId('palette-input').fill('connect');
  await expect(palette.getByTestId('palette-item').first()).toHaveAttribute('data-id', 'connect');
  await palette.getByTestId('palette-input').press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('connection-state')).toHaveText('connected');

  await page.keyboard.press('Control+KeyK');
  await palette.getByTestId('palette-input').fill('halt');
  await expect(palette.locator('[data-testid="palette-item"][data-id="halt"]')).toContainText('F6');
  await test.info().attach('command-palette', { body: await palette.screenshot(), contentType: 'image/png' });
  await palette.getByTestId('palette-input').press('Enter');
  await expect(page.getByTestId('target-state')).toHaveText('halted');
  // Escape closes without running anything.
  await page.keyboard.press('Control+KeyK');
  await palette.getByTestId('palette-input').press('Escape');
  await expect(palette).toBeHidden();
});

test('peripherals: an SVD opened in the browser is uploaded to the host, parsed there and remembered for the profile', async ({ workbench: page, driver }) => {
  test.skip(driver !== 'browser', 'the desktop app opens SVD files with its own dialog');
  await connectVboard(page);
  await page.getByTestId('tab-peripherals').click();
  const panel = page.getByTestId('peripherals');
  await expect(panel.getByTestId('periph-source')).toContainText('STM32F103');
  // The 4 MB STM32H753 file goes up in chunks.
  await panel.getByTestId('periph-file').setInputFiles(path.resolve(__dirname, '../../shared/svd/STM32H753.svd'));
  await expect(panel.getByTestId('periph-source')).toContainText('STM32H753', { timeout: 30_000 });
  await panel.getByTestId('periph-filter').fill('MDMA');
  await expect(panel.locator('[data-testid="periph-row"][data-name="MDMA"]')).toBeVisible();
  // Remembered: a reload asks the host and gets the same file back.
  await page.reload();
  await page.getByTestId('tab-peripherals').click();
  await expect(panel.getByTestId('periph-source')).toContainText('STM32H753');
  await panel.getByTestId('periph-forget').click();
  await expect(panel.getByTestId('periph-source')).toContainText('STM32F103.svd (bundled)');
});
