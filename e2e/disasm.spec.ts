// The Disassembly view in the Breakpoints panel, in real Chromium against `bringup serve`:
// the checked-in blinky.elf flashed, the core halted, the PC's line highlighted with the
// PC the registers show; a step moves the highlight to the new PC; a click on a line's
// gutter sets a breakpoint there. Its own serve: the compiled firmware replaces the board's.
import path from 'node:path';
import { test, expect } from './fixtures';
import { chooseImage, connectVboard } from './bench-helpers';
import { ROOT, startServe, type ServeProcess } from './workbench';

const ELF = path.join(ROOT, 'test/firmware/blinky/blinky.elf');
let serve: ServeProcess;

test.beforeAll(async ({ driver }) => {
  if (driver !== 'browser') return;
  serve = await startServe();
});
test.afterAll(async () => {
  await serve?.stop();
});

test('disassembly: the PC line follows halt and step; a click sets a breakpoint', async ({ browser, driver }) => {
  test.skip(driver !== 'browser', 'runs its own bringup serve');
  test.setTimeout(90_000);
  const page = await browser.newPage();
  await page.goto(serve.url);
  try {
    await connectVboard(page);
    await chooseImage(page, ELF);
    await page.getByTestId('flash-program').click();
    await expect(page.getByTestId('flash-result')).toHaveAttribute('data-outcome', 'done', { timeout: 40_000 });

    await page.getByTestId('tab-breakpoints').click();
    const view = page.getByTestId('disassembly');
    const pcReg = page.locator('[data-testid="bp-reg"][data-name="pc"]');
    const pcOf = async () => (await pcReg.textContent())!.replace(/^pc\s*/, '').trim();
    const current = view.locator('[data-testid="disasm-line"][data-current="true"]');

    // Reset and halt: the core waits at Reset_Handler's first instruction, highlighted.
    await page.getByTestId('bp-reset-halt').click();
    await expect(current).toHaveCount(1);
    await expect(current).toContainText('Reset_Handler');
    const first = await pcOf();
    await expect(current).toHaveAttribute('data-address', first);
    await expect(current.getByTestId('disasm-mnemonic')).toHaveText('push');
    await expect(view.getByTestId('disasm-status')).toContainText('Capstone');
    // Its calls are shown with the callee's name (bl memcpy, bl memset, bl main).
    await expect(view.getByTestId('disasm-target').filter({ hasText: '<main>' })).toHaveCount(1);

    // Step: the highlight moves to the new PC.
    await page.getByTestId('bp-step').click();
    await expect(pcReg).not.toHaveText(`pc ${first}`);
    const second = await pcOf();
    await expect(current).toHaveAttribute('data-address', second);
    await expect(current).toContainText('Reset_Handler+0x2');
    await expect(view.locator(`[data-testid="disasm-line"][data-address="${first}"]`)).not.toHaveAttribute('data-current', 'true');

    // Running, the view says so; halted again, it follows to wherever the firmware was.
    await page.getByTestId('bp-resume').click();
    await expect(view.getByTestId('disasm-status')).toContainText('the target runs');
    await page.getByTestId('bp-halt').click();
    await expect(view.getByTestId('disasm-status')).toContainText('around PC');
    await expect(current).toHaveAttribute('data-address', await pcOf());

    // A click on a line's gutter sets a hardware breakpoint there; the list and the gutter show it.
    const other = view.locator('[data-testid="disasm-line"]:not([data-current="true"])').last();
    const at = (await other.getAttribute('data-address'))!;
    await other.getByTestId('disasm-gutter').click();
    await expect(page.locator(`[data-testid="bp-row"][data-address="${at}"]`)).toBeVisible();
    await expect(other.getByTestId('disasm-gutter')).toHaveText('●');
    await other.getByTestId('disasm-gutter').click();
    await expect(page.locator(`[data-testid="bp-row"][data-address="${at}"]`)).toHaveCount(0);
  } finally {
    await page.close();
  }
});
