// The RTT panel against real OpenOCD + the virtual board. The "firmware" is the
// console: it writes a SEGGER RTT control block (1 up + 1 down channel, "Terminal")
// into SRAM, then text into the up buffer, as main/session/jtag-rtt.int.test.ts does.
import { test, expect } from './fixtures';
import { consoleText, typeCommand } from './helpers';
import { connectVboard } from './bench-helpers';

const bytes = (s: string): string => [...new TextEncoder().encode(s)].map((b) => `0x${b.toString(16)}`).join(' ');

test('RTT: finds the control block, streams the up-channel into the panel, writes the down-channel', async ({ workbench: page }) => {
  await connectVboard(page);
  // Halted, so the board's own firmware leaves the hand-made control block alone.
  await typeCommand(page, 'halt');
  await typeCommand(page, `write_memory 0x20001100 8 {${bytes('Terminal')} 0}`);
  // "SEGGER RTT" + MaxUp 1, MaxDown 1; up: name, buffer 0x20001200, 256 B; down: name, buffer 0x20001300, 64 B.
  await typeCommand(page, 'write_memory 0x20001000 32 {0x47474553 0x52205245 0x5454 0 1 1 0x20001100 0x20001200 256 0 0 0 0x20001100 0x20001300 64 0 0 0}');
  await expect(consoleText(page)).toContainText('> write_memory 0x20001000 32');

  await page.getByTestId('tab-rtt').click();
  await page.getByTestId('rtt-start').click();
  await expect(page.getByTestId('rtt-found')).toHaveText('control block at 0x20001000');
  await page.getByTestId('rtt-channel-0').click();
  await expect(page.getByTestId('rtt-channel-0')).toHaveClass(/active/);

  // The "firmware" writes a line and advances the up-channel's WrOff (control block + 24 + 12).
  await typeCommand(page, `write_memory 0x20001200 8 {${bytes('hello from RTT\n')}}`);
  await typeCommand(page, 'mww 0x20001024 15');
  await expect(page.getByTestId('rtt-text')).toHaveText('hello from RTT\n');

  await page.getByTestId('rtt-input').fill('ping');
  await page.getByTestId('rtt-send').click();
  await expect(page.getByTestId('rtt-input')).toHaveValue('');
  // OpenOCD put the bytes into the down buffer and advanced its WrOff (control block + 48 + 12).
  await expect(async () => {
    await typeCommand(page, 'mdw 0x2000103c');
    await expect(consoleText(page)).toContainText('0x2000103c: 00000004');
  }).toPass({ timeout: 10_000 });
  await typeCommand(page, 'mdb 0x20001300 4');
  await expect(consoleText(page)).toContainText('0x20001300: 70 69 6e 67');

  await page.getByTestId('rtt-stop').click();
  await expect(page.getByTestId('rtt-channels')).toHaveCount(0);
});
