// Issue 15: after flashing, "reset run" must leave the board running the new firmware, and
// the page must say so: the target badge (OpenOCD's state) and the board menu (the board's
// own core state and LED) agree with what the board does, never with what was last asked.
// Real OpenOCD drives the virtual board; every wait is on a visible condition.
import { test, expect } from './fixtures';
import { chooseImage, connectVboard, tempImages } from './bench-helpers';
import { consoleText, typeCommand } from './helpers';
import { BLINK_RELOAD, defaultFirmware } from '../main/vboard/default-firmware';

const images = tempImages();
test.afterAll(() => images.cleanup());

/** The stock blink firmware with a faster SysTick reload: a core that runs it provably runs the NEW image. */
const FAST_RELOAD = 49_999;
function fastBlink(): Uint8Array {
  const img = defaultFirmware();
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  for (let off = 0; off + 4 <= img.length; off += 4) if (dv.getUint32(off, true) === BLINK_RELOAD) dv.setUint32(off, FAST_RELOAD, true);
  return img;
}

test('flash, then Reset run: the target badge says running, the board menu shows the core running and the LED blinking', async ({ workbench: page }) => {
  await connectVboard(page);
  const badge = page.getByTestId('target-state');
  const core = page.getByTestId('board-menu').getByTestId('board-core');
  const activity = page.getByTestId('board-menu').getByTestId('board-led-activity');

  await chooseImage(page, images.write('fast-blink.bin', fastBlink()));
  await page.getByTestId('flash-address').fill('0x08000000');
  // This spec resets by hand: programming alone (without the panel's default "Reset and run") leaves it halted.
  await page.getByTestId('flash-reset-after').uncheck();
  await page.getByTestId('flash-program').click();
  const result = page.getByTestId('flash-result');
  await expect(result).toHaveAttribute('data-outcome', 'done', { timeout: 40_000 });
  await expect(result).toContainText('verified');
  // Programming left the core halted (reset init): the page says so, from both sides.
  await expect(badge).toHaveText('halted');
  await expect(core).toHaveText('halted');
  await expect(activity).toHaveText('steady');

  await page.getByTestId('tab-registers').click();
  await page.getByTestId('reset-run').click();
  // Within a second of the command (the command itself takes up to ~2 s on a loaded host).
  await expect(badge).toHaveText('running', { timeout: 1000 + 2000 });
  await expect(core).toHaveText('running');
  await expect(activity).toHaveText('blinking');
  const toggles = Number(await activity.getAttribute('data-toggles'));
  await expect.poll(async () => Number(await activity.getAttribute('data-toggles'))).toBeGreaterThan(toggles);
  // The core runs the new image: SysTick holds its reload (SYST_RVR 0xE000E014).
  await typeCommand(page, 'mdw 0xe000e014');
  await expect(consoleText(page)).toContainText(`0xe000e014: ${FAST_RELOAD.toString(16).padStart(8, '0')}`);

  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});

test('halt, resume, reset halt, reset init and reset run typed in the console: the badge and the board menu follow each', async ({ workbench: page }) => {
  await connectVboard(page);
  const badge = page.getByTestId('target-state');
  const core = page.getByTestId('board-menu').getByTestId('board-core');
  const steps: Array<[string, 'halted' | 'running']> = [
    ['halt', 'halted'],
    ['resume', 'running'],
    ['reset halt', 'halted'],
    ['reset run', 'running'],
    ['reset init', 'halted'],
    ['reset', 'running'],
  ];
  for (const [command, state] of steps) {
    await typeCommand(page, command);
    await expect(badge, `after "${command}"`).toHaveText(state, { timeout: 1000 + 2000 });
    await expect(core, `board after "${command}"`).toHaveText(state);
  }
  // A reload asks main, which asks OpenOCD: still running, not a remembered "halted".
  await page.reload();
  await expect(badge).toHaveText('running');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});
