// What a user does, as functions: make a profile in the editor, connect, type
// in the console. Every wait is on a visible condition, never a sleep.
import { expect, type Page } from '@playwright/test';

export interface ProfileInput {
  name: string;
  interfaceCfg?: string;
  targetCfg?: string;
  extraCommands?: string[];
}

/** The "works" profile until a probe exists: OpenOCD's dummy adapter with one JTAG TAP. */
export const DUMMY_ADAPTER: Omit<ProfileInput, 'name'> = {
  extraCommands: ['adapter driver dummy', 'transport select jtag', 'jtag newtap dummy cpu -irlen 4 -expected-id 0'],
};

let counter = 0;
export function uniqueName(base: string): string {
  counter += 1;
  return `${base} ${Date.now().toString(36)}-${counter}`;
}

export async function createProfile(page: Page, p: ProfileInput): Promise<void> {
  await page.getByTestId('profile-new').click();
  const editor = page.getByTestId('profile-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('profile-name').fill(p.name);
  if (p.interfaceCfg) await editor.getByTestId('cfg-interface').fill(p.interfaceCfg);
  if (p.targetCfg) await editor.getByTestId('cfg-target').fill(p.targetCfg);
  if (p.extraCommands) await editor.getByTestId('profile-extra-commands').fill(p.extraCommands.join('\n'));
  await editor.getByTestId('profile-save').click();
  await expect(editor).toBeHidden();
  // Saving selects the new profile.
  await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText(p.name);
}

export async function connectProfile(page: Page, name: string): Promise<void> {
  await page.getByTestId('profile-select').selectOption({ label: name });
  await page.getByTestId('connect').click();
}

export async function typeCommand(page: Page, tcl: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(tcl);
  await input.press('Enter');
}

/** The console's visible text (xterm renders rows as DOM; wrapped rows join without separators). */
export function consoleText(page: Page) {
  return page.getByTestId('console').locator('.xterm-rows');
}

/**
 * Scrolls the console with the mouse wheel, as a user reads back through the log:
 * xterm keeps only the visible rows in the DOM, so older lines must be scrolled into view.
 */
export async function scrollConsole(page: Page, direction: 'top' | 'bottom'): Promise<void> {
  const box = await page.getByTestId('console').locator('.xterm-screen').boundingBox();
  if (!box) throw new Error('console not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, direction === 'top' ? -100_000 : 100_000);
}
