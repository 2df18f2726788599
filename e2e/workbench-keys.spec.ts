// Every keyboard shortcut the README lists, each doing what it says on the virtual board
// (F5, F6, F11, Alt+T and Ctrl+K are also driven in workbench-tools.spec.ts); the theme
// chosen in Settings sticks across a reload; the memory search finds a 32-bit word; bytes
// changed since the last read are highlighted; 32-bit grouping in either byte order.
import { test, expect } from './fixtures';
import { connectVboard, tempImages } from './bench-helpers';
import { SHORTCUTS } from '../renderer/keyboard/shortcuts';

test('keys: ? lists every shortcut; Alt+1..4 switch tabs; F10 steps; Ctrl+Shift+F5 resets and halts; Ctrl+G goes to an address', async ({ workbench: page }, testInfo) => {
  await connectVboard(page);

  // "?" opens the list, from the same table the key handler uses; Esc closes it.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  await expect(help.getByTestId('shortcut-row')).toHaveCount(SHORTCUTS.length);
  for (const s of SHORTCUTS) await expect(help.locator(`[data-testid="shortcut-row"][data-id="${s.id}"]`)).toContainText(s.label);
  await testInfo.attach('shortcuts-help', { body: await help.screenshot(), contentType: 'image/png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Alt+Digit3');
  await expect(page.getByTestId('peripherals')).toBeVisible();
  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByTestId('registers-panel')).toBeVisible();
  await page.keyboard.press('Alt+Digit1');
  await expect(page.getByTestId('memory-panel')).toBeVisible();
  await page.keyboard.press('Alt+Digit4');
  const panel = page.getByTestId('breakpoints');
  await expect(panel).toBeVisible();

  // The reset handler, from the vector table (word 1 at 0x08000000, shown as 32-bit words).
  await page.keyboard.press('Alt+Digit1');
  await page.getByTestId('mem-address').fill('0x08000000');
  await page.getByTestId('mem-length').fill('16');
  await page.getByTestId('mem-read').click();
  await page.getByTestId('mem-group').selectOption('4');
  const vector = page.locator('[data-testid="hex-row"]').first().getByTestId('hex-unit').nth(1);
  await expect(vector).toHaveText(/^0800[0-9a-f]{4}$/);
  const resetPc = `0x${(parseInt((await vector.textContent())!, 16) & ~1).toString(16).padStart(8, '0')}`;
  await page.getByTestId('mem-group').selectOption('1');

  // Ctrl+Shift+F5 resets and halts at the reset handler; F10 moves on from it.
  await page.keyboard.press('Alt+Digit4');
  await page.keyboard.press('Control+Shift+F5');
  await expect(panel.getByTestId('bp-target-state')).toHaveText('halted');
  await expect(panel.getByTestId('bp-pc')).toHaveText(resetPc);
  await page.keyboard.press('F10');
  await expect(panel.getByTestId('bp-pc')).not.toHaveText(resetPc);
  await expect(panel.getByTestId('bp-target-state')).toHaveText('halted');

  // Ctrl+G: the memory view's "go to" field, focused; Enter shows that address.
  await page.keyboard.press('Control+KeyG');
  const goto = page.getByTestId('mem-goto');
  await expect(goto).toBeFocused();
  // "?" typed into a field is text, not the list.
  await goto.pressSequentially('?');
  await expect(help).toBeHidden();
  await goto.fill('0x20000010');
  await goto.press('Enter');
  await expect(page.getByTestId('mem-block-info')).toContainText('at 0x20000010');
});

test('theme: chosen in Settings, it sticks across a reload', async ({ workbench: page }) => {
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByTestId('settings').click();
  const select = page.getByTestId('settings-dialog').getByTestId('settings-theme');
  await select.selectOption('light');
  await expect.poll(theme).toBe('light');
  await select.selectOption('dark');
  await expect.poll(theme).toBe('dark');
  await page.getByTestId('settings-close').click();
  await expect(page.getByTestId('theme-select')).toHaveValue('dark');
  await page.reload();
  await expect(page.getByTestId('theme-select')).toHaveValue('dark');
  expect(await theme()).toBe('dark');
  await page.getByTestId('theme-select').selectOption('system');
});

test('memory search: a 32-bit word is found in the target byte order; a bad word is refused', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('console-input').fill('mww 0x20000400 0x13572468');
  await page.getByTestId('console-input').press('Enter');
  await page.getByTestId('tab-memory').click();
  const tools = page.getByTestId('mem-tools');
  await tools.getByTestId('tool-address').fill('0x20000000');
  await tools.getByTestId('tool-length').fill('0x5000');
  await tools.getByTestId('search-kind').selectOption('word');
  await tools.getByTestId('search-pattern').fill('0x1357zz');
  await tools.getByTestId('search-run').click();
  await expect(tools.getByTestId('tool-error')).toContainText("'0x1357zz' is not a 32-bit word");
  await tools.getByTestId('search-pattern').fill('0x13572468');
  await tools.getByTestId('search-run').click();
  await expect(tools.getByTestId('search-match')).toHaveText(['0x20000400']);
  await tools.getByTestId('search-match').click();
  await expect(page.getByTestId('mem-block-info')).toContainText('0x20000400');

  // Bytes changed since the last read are highlighted after a refresh; the rest are not.
  await page.getByTestId('mem-address').fill('0x20000400');
  await page.getByTestId('mem-length').fill('16');
  await page.getByTestId('mem-read').click();
  await expect(page.locator('[data-testid="hex-row"]').first()).toContainText('68 24 57 13');
  await expect(page.locator('.hex-byte.changed')).toHaveCount(0);
  await page.getByTestId('console-input').fill('mww 0x20000404 0x11111111');
  await page.getByTestId('console-input').press('Enter');
  await page.getByTestId('mem-refresh').click();
  await expect(page.locator('[data-testid="hex-row"]').first()).toContainText('68 24 57 13 11 11 11 11');
  const changed = page.locator('.hex-byte.changed');
  await expect(changed).toHaveCount(4);
  await expect(changed.first()).toHaveAttribute('data-addr', String(0x20000404));
  // As 32-bit words: little-endian reads as the word the core loads; big-endian in memory order.
  await page.getByTestId('mem-group').selectOption('4');
  await expect(page.locator('[data-testid="hex-row"]').first()).toContainText('13572468 11111111');
  await page.getByTestId('mem-endian').selectOption('be');
  await expect(page.locator('[data-testid="hex-row"]').first()).toContainText('68245713 11111111');
  await page.getByTestId('mem-group').selectOption('1');
  await expect(page.locator('[data-testid="hex-row"]').first()).toContainText('68 24 57 13');
});

test('memory live refresh: while the firmware runs, the LED bit of GPIOC.ODR is seen changing', async ({ workbench: page }) => {
  await connectVboard(page);
  // The virtual board outlives a test: an earlier one may have left the core halted.
  await expect(page.getByTestId('target-state')).toHaveText(/running|halted/);
  if ((await page.getByTestId('target-state').textContent()) === 'halted') await page.keyboard.press('F5');
  await expect(page.getByTestId('target-state')).toHaveText('running');
  await page.getByTestId('tab-memory').click();
  await page.getByTestId('mem-address').fill('0x40011000');
  await page.getByTestId('mem-length').fill('16');
  await page.getByTestId('mem-read').click();
  await expect(page.getByTestId('mem-block-info')).toContainText('16 bytes at 0x40011000');
  const tools = page.getByTestId('mem-tools');
  await tools.getByTestId('mem-live-interval').selectOption('250');
  await tools.getByTestId('mem-live').check();
  await expect(tools.getByTestId('mem-live-state')).toHaveText('live');
  // The blink firmware toggles ODR13 (byte 0x4001100d, bit 5): a re-read shows it changed.
  await expect(page.locator(`.hex-byte.changed[data-addr="${0x4001100d}"]`)).toHaveCount(1);
  await tools.getByTestId('mem-live').uncheck();
});

test('registers: a value typed in decimal is written and shown in hex', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('tab-registers').click();
  const panel = page.getByTestId('registers-panel');
  await panel.getByTestId('target-halt').click();
  const r2 = panel.locator('[data-testid="reg-row"][data-name="r2"]');
  await r2.getByTestId('reg-value').click();
  await panel.getByTestId('reg-edit').fill('4660');
  await panel.getByTestId('reg-edit').press('Enter');
  await expect(r2.getByTestId('reg-value')).toHaveText('0x00001234');
  await expect(r2).toContainText('4660');
  // Too wide for the register: refused, nothing written.
  await r2.getByTestId('reg-value').click();
  await panel.getByTestId('reg-edit').fill('0x1_0000_0000');
  await panel.getByTestId('reg-edit').press('Enter');
  await expect(panel.getByTestId('registers-error')).toContainText('does not fit in 32 bits');
  await panel.getByTestId('reg-edit').press('Escape');
  await expect(r2.getByTestId('reg-value')).toHaveText('0x00001234');
});

test('memory compare: an image file equal to SRAM is identical; one byte off is found at its address', async ({ workbench: page }) => {
  const files = tempImages();
  try {
    await connectVboard(page);
    await page.getByTestId('console-input').fill('mww 0x20000500 0x44332211');
    await page.getByTestId('console-input').press('Enter');
    await page.getByTestId('console-input').fill('mww 0x20000504 0x88776655');
    await page.getByTestId('console-input').press('Enter');
    await page.getByTestId('tab-memory').click();
    const cmp = page.getByTestId('mem-compare');
    await cmp.getByTestId('compare-address').fill('0x20000500');
    await cmp.getByTestId('compare-file').setInputFiles(files.write('same.bin', Uint8Array.of(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88)));
    await cmp.getByTestId('compare-run').click();
    await expect(cmp.getByTestId('compare-result')).toHaveText('same.bin: identical, 8 bytes at 0x20000500');
    await cmp.getByTestId('compare-file').setInputFiles(files.write('off.bin', Uint8Array.of(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x70, 0x88)));
    await cmp.getByTestId('compare-run').click();
    await expect(cmp.getByTestId('compare-result')).toHaveText('off.bin: 1 of 8 bytes differ');
    await expect(cmp.getByTestId('compare-diff')).toHaveText(['0x20000506: 0x77 (file 0x70)']);
  } finally {
    files.cleanup();
  }
});

test('hex view keys: arrows move the selection, a typed hex value is written with Enter', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('console-input').fill('mww 0x20000610 0x00000000');
  await page.getByTestId('console-input').press('Enter');
  await page.getByTestId('tab-memory').click();
  await page.getByTestId('mem-address').fill('0x20000600');
  await page.getByTestId('mem-length').fill('64');
  await page.getByTestId('mem-read').click();
  await page.locator(`[data-testid="hex-byte"][data-addr="${0x20000600}"]`).click();
  await expect(page.getByTestId('edit-address')).toHaveValue('0x20000600');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('edit-address')).toHaveValue('0x20000601');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('edit-address')).toHaveValue('0x20000611');
  await page.keyboard.press('End');
  await expect(page.getByTestId('edit-address')).toHaveValue('0x2000063f');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('edit-address')).toHaveValue('0x20000611');
  await page.keyboard.press('a');
  await expect(page.getByTestId('edit-value')).toBeFocused();
  await page.keyboard.press('5');
  await expect(page.getByTestId('edit-value')).toHaveValue('0xa5');
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid="hex-byte"][data-addr="${0x20000611}"]`)).toHaveText('a5');
});
