// Issue 15: what the page shows is what is true. Browser mode against `bringup serve`
// with the real OpenOCD and the virtual board.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { connectVboard } from './bench-helpers';
import { connectProfile, uniqueName } from './helpers';
import { startServe } from './workbench';

test.beforeEach(({ driver }) => {
  test.skip(driver !== 'browser', 'browser mode: token, WebSocket and serve user-data folder');
});

test('a wrong or missing token gets the token message and nothing of the workbench', async ({ serve, browser }) => {
  for (const [url, problem] of [
    [`${serve!.origin}/?token=${'0'.repeat(64)}`, 'wrong'],
    [`${serve!.origin}/`, 'missing'],
  ] as const) {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      const msg = page.getByTestId('token-problem');
      await expect(msg).toHaveAttribute('data-problem', problem);
      await expect(msg).toContainText('bringup serve');
      await expect(msg).toContainText('?token=');
      await expect(page.getByTestId('connection-panel')).toHaveCount(0);
      await expect(page.getByTestId('transport-lost')).toHaveCount(0);
    } finally {
      await page.close();
    }
  }
});

test('reset run: the target badge shows running within a second', async ({ workbench: page }) => {
  await connectVboard(page);
  await page.getByTestId('tab-registers').click();
  const badge = page.getByTestId('target-state');
  await page.getByTestId('console-input').fill('halt');
  await page.getByTestId('console-input').press('Enter');
  await expect(badge).toHaveText('halted');
  await page.getByTestId('console-input').fill('reset run');
  await page.getByTestId('console-input').press('Enter');
  await expect(badge).toHaveText('running', { timeout: 1000 + 2000 /* the command itself */ });
  // A reload asks main, which asks OpenOCD: still running.
  await page.reload();
  await expect(badge).toHaveText('running');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});

test('fault A then fault B: only B’s findings; a failed connect at 1366×768 shows the top finding and its first step', async ({ workbench: page, serve }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const a = uniqueName('No power');
  const b = uniqueName('Bad RDP');
  const vb = (id: string, name: string, faults: string[]) => ({
    id, name, kind: 'vboard', targetCfg: 'target/stm32f1x.cfg', transport: 'jtag', adapterSpeedKhz: 1000, nrstWired: true, extraCommands: [], vboardFaults: faults,
  });
  writeFileSync(path.join(serve!.userData, 'profiles.json'), JSON.stringify({ version: 1, profiles: [vb('vb-a', a, ['unpowered']), vb('vb-b', b, ['reset-hold'])] }));
  await page.reload();
  await connectProfile(page, a);
  await expect(page.getByTestId('connection-state')).toHaveText('failed');
  const troubleshooter = page.getByTestId('troubleshooter');
  const cats = troubleshooter.getByTestId('finding-category');
  await expect(cats.first()).toBeVisible();
  expect(await cats.allTextContents()).toContain('target-unpowered');
  // In the main area, in front: the top finding and its next step without scrolling.
  const top = troubleshooter.getByTestId('finding').first();
  await expect(top.getByTestId('finding-title')).toBeInViewport();
  await expect(top.locator('.steps > li').first()).toBeInViewport();

  await connectProfile(page, b);
  await expect(cats.first()).toHaveText('needs-reset-hold');
  // B's evidence (a chain of all ones), none of A's (all zeroes: no power).
  await expect(troubleshooter).toContainText('all ones');
  await expect(troubleshooter).not.toContainText('all zeroes');
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-state')).toHaveText('stopped');
});

test('the host dies: the state says disconnected at once and offers reconnect', async ({ browser }) => {
  const own = await startServe();
  const page = await browser.newPage();
  try {
    await page.goto(own.url);
    await expect(page.getByTestId('connection-state')).toHaveText(/idle|stopped/);
    await own.stop();
    await expect(page.getByTestId('connection-state')).toHaveText('disconnected', { timeout: 1000 });
    await expect(page.getByTestId('transport-reconnect')).toBeVisible();
    await page.getByTestId('transport-reconnect').click();
    await expect(page.getByTestId('transport-still-down')).toBeVisible();
  } finally {
    await page.close();
    await own.stop();
  }
});

test('a panel whose code cannot be fetched says so; the rest of the page keeps working', async ({ serve, browser }) => {
  const page = await browser.newPage();
  try {
    // The console's chunk is fetched after the first screen: as if the network or the server failed then.
    await page.route(/ConsolePanel-[^/]*\.js$/, (route) => route.abort('failed'));
    await page.goto(serve!.url);
    const failed = page.getByTestId('panel-load-failed');
    await expect(failed).toContainText('Could not show the console');
    await expect(failed.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    // Not the whole page gone: the connection side still works.
    await expect(page.getByTestId('connection-state')).toHaveText(/idle|stopped/);
    await expect(page.getByTestId('connect')).toBeEnabled();
  } finally {
    await page.close();
  }
});
