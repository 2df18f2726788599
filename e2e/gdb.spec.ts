// GDB beside the workbench, in the Connection panel: the switch restarts OpenOCD with a
// gdb port on 127.0.0.1, the panel shows it with the GDB command and a Cortex-Debug
// launch.json to copy, the real gdb-multiarch attaches there and the target badge follows
// its halt and resume. A compiled blinky .elf flashed from the flash panel names the PC
// in Registers; its deliberate fault is explained there (CFSR/HFSR).
// Its own `bringup serve`: the compiled firmware replaces the board's and stays on it.
import { rmSync } from 'node:fs';
import { test, expect } from './fixtures';
import { chooseImage, connectVboard, hexRow } from './bench-helpers';
import { typeCommand } from './helpers';
import { startServe, type ServeProcess } from './workbench';
import { buildBlinky, type BuiltFirmware } from '../test/firmware/build';
import { startGdb } from '../test/firmware/gdb';

let serve: ServeProcess;
let fw: BuiltFirmware;

test.beforeAll(async ({ driver }) => {
  if (driver !== 'browser') return;
  fw = buildBlinky('-Og');
  serve = await startServe();
});
test.afterAll(async () => {
  await serve?.stop();
  if (fw) rmSync(fw.dir, { recursive: true, force: true });
});

test('GDB switch: port, command and launch.json to copy; GDB attaches and the badge follows', async ({ browser, driver }) => {
  test.skip(driver !== 'browser', 'runs its own bringup serve');
  test.setTimeout(90_000);
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
  const page = await context.newPage();
  await page.goto(serve.url);
  try {
    await connectVboard(page);
    const sw = page.getByTestId('gdb-switch');
    await expect(sw).not.toBeChecked();
    await expect(page.getByTestId('gdb-port')).toHaveCount(0);

    await sw.check();
    await expect(page.getByTestId('gdb-notice')).toContainText('OpenOCD was restarted to open the GDB port');
    await expect(page.getByTestId('connection-state')).toHaveText('connected');
    const port = Number(await page.getByTestId('gdb-port').textContent());
    expect(port).toBeGreaterThan(1024);
    await expect(page.getByTestId('gdb-command')).toHaveText(`target extended-remote 127.0.0.1:${port}`);

    // Flash the compiled firmware from the flash panel: its symbols name addresses from now on.
    await chooseImage(page, fw.elf);
    await page.getByTestId('flash-use-symbols').click();
    await expect(page.getByTestId('flash-symbols-info')).toHaveText(/^\d+ symbols from blinky\.elf, with source lines$/);
    await page.getByTestId('flash-program').click();
    await expect(page.getByTestId('flash-result')).toHaveAttribute('data-outcome', 'done', { timeout: 40_000 });
    await page.getByTestId('tab-registers').click();
    await page.getByTestId('reset-run').click();
    await expect(page.getByTestId('target-state')).toHaveText('running');

    // Copy buttons: what lands on the clipboard is what the panel shows.
    await page.getByTestId('gdb-copy-command').click();
    await expect(page.getByTestId('gdb-notice')).toHaveText('Copied the GDB command.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`target extended-remote 127.0.0.1:${port}`);
    await page.getByTestId('gdb-copy-launch').click();
    await expect(page.getByTestId('gdb-notice')).toHaveText('Copied the launch configuration.');
    const launch = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { configurations: Record<string, unknown>[] };
    expect(launch.configurations[0]).toMatchObject({ type: 'cortex-debug', servertype: 'external', gdbTarget: `127.0.0.1:${port}` });
    expect(String(launch.configurations[0]?.svdFile)).toMatch(/STM32F103\.svd$/);

    // The real GDB on that port: attaching halts the core, the badge says so; detach lets it run.
    const gdb = startGdb(port, fw.elf);
    await expect(page.getByTestId('target-state')).toHaveText('halted');
    const done = await gdb.finish(['print/x blink_every', 'detach']);
    expect(done.code, done.out).toBe(0);
    expect(done.out).toContain('= 0xa');
    await expect(page.getByTestId('target-state')).toHaveText('running');

    // Registers: the PC as function+offset from the flashed .elf.
    await page.getByTestId('tab-registers').click();
    await page.getByTestId('target-halt').click();
    const pcRow = page.locator('[data-testid="reg-row"][data-name="pc"]');
    // (mostly asleep in main's WFI; a halt may also land in newlib's snprintf)
    await expect(pcRow.getByTestId('reg-symbol')).toHaveText(/<[A-Za-z_]\w*(\+0x[0-9a-f]+)?>/);

    // The hex view's go-to takes a symbol.
    await page.getByTestId('tab-memory').click();
    await page.getByTestId('mem-goto').fill('ticks');
    await page.getByTestId('mem-goto-btn').click();
    const row = fw.addr('ticks') - (fw.addr('ticks') % 16);
    await expect(hexRow(page, `0x${row.toString(16).padStart(8, '0')}`)).toBeVisible();
    await page.getByTestId('tab-registers').click();

    // The deliberate fault: a flag in SRAM makes main jump to 0x30000001.
    await typeCommand(page, `mww 0x${fw.addr('fault_request').toString(16)} 1`);
    await page.getByTestId('target-resume').click();
    await page.getByTestId('target-halt').click();
    await expect(pcRow.getByTestId('reg-symbol')).toHaveText(/<HardFault_Handler(\+0x[0-9a-f]+)?>/);
    await expect(pcRow.getByTestId('reg-source')).toHaveText(/^ ?test\/firmware\/blinky\/main\.c:\d+$/);
    await expect(page.getByTestId('registers-fault')).toContainText('CFSR 0x00000100 HFSR 0x40000000');
    await expect(page.getByTestId('fault-reason').first()).toContainText('IBUSERR');

    // Off again: OpenOCD restarts without the port.
    await page.getByTestId('gdb-switch').uncheck();
    await expect(page.getByTestId('gdb-notice')).toContainText('restarted to close the GDB port');
    await expect(page.getByTestId('gdb-port')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
