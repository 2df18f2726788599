// Issue 17: the OpenOCD path in Settings is checked when chosen. A file not named openocd
// is refused before it is ever run (the token holder must not be able to make the
// workbench run any binary); one named openocd must exist, be executable, answer
// `--version` and be 0.11 or newer, each failure in its own words.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsState } from '../../shared/settings';
import { createHost } from '../host';
import { createServices } from '../host/create-services';
import { checkOpenOcd } from './check';
import { openOcdNameProblem } from './openocd-name';

let dir: string;
const marker = (): string => path.join(dir, 'ran');

/** An executable shell script that records it ran and prints `banner` like `openocd --version`. */
function script(name: string, banner: string, mode = 0o755): string {
  const p = path.join(dir, name);
  writeFileSync(p, `#!/bin/sh\ntouch '${marker()}'\necho '${banner}' >&2\n`);
  chmodSync(p, mode);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'openocd-setting-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the name rule', () => {
  it('takes openocd, openocd.exe and versioned names; refuses the rest', () => {
    for (const ok of ['/usr/bin/openocd', 'C:\\xpack\\bin\\openocd.exe', '/opt/openocd-0.12.0', 'openocd']) expect(openOcdNameProblem(ok), ok).toBeUndefined();
    expect(openOcdNameProblem('/bin/sh')).toBe("'/bin/sh' is not an OpenOCD: the workbench only runs a binary named openocd (or openocd.exe), and 'sh' is not");
    expect(openOcdNameProblem('/tmp/openocd.sh')).toBeDefined();
  });
});

describe.runIf(process.platform !== 'win32')('saving the OpenOCD path from the page', () => {
  it('a binary not named openocd is refused before it runs, and the setting is unchanged', async () => {
    const services = createServices({ userDataDir: path.join(dir, 'ud1') });
    const host = createHost(services, () => undefined);
    const evil = script('evil', 'Open On-Chip Debugger 0.12.0');
    const r = await host.handle('saveSettings', { settings: { openocdPath: evil } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain(`'${evil}' is not an OpenOCD`);
      expect(r.error.hint).toContain('only be confirmed in the desktop app');
    }
    // "Confirmed" means nothing in the browser (no file dialog: not the desktop app).
    expect((await host.handle('saveSettings', { settings: { openocdPath: evil }, confirmed: true })).ok).toBe(false);
    expect(existsSync(marker()), 'the refused binary ran').toBe(false);
    expect((await services.settings.get()).openocdPath).toBeUndefined();
    host.dispose();
  });

  it('the desktop app takes a renamed OpenOCD once the user confirms it', async () => {
    const services = createServices({ userDataDir: path.join(dir, 'ud2'), chooseFile: async () => undefined });
    const host = createHost(services, () => undefined);
    const renamed = script('my-debugger', 'Open On-Chip Debugger 0.12.0');
    const refused = await host.handle('saveSettings', { settings: { openocdPath: renamed } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.hint).toContain('confirm that this file is OpenOCD');
    const r = await host.handle('saveSettings', { settings: { openocdPath: renamed }, confirmed: true });
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as SettingsState).openocd).toMatchObject({ ok: true, version: '0.12.0' });
    host.dispose();
  });

  it('named openocd: missing, a folder, not executable, not OpenOCD, too old, each says so; a good one shows its version', async () => {
    const msg = async (p: string): Promise<string> => {
      const c = await checkOpenOcd(p, {});
      return c.ok ? `ok ${c.version}` : c.error.message;
    };
    expect(await msg(path.join(dir, 'missing', 'openocd'))).toContain('OpenOCD not found at');
    mkdirSync(path.join(dir, 'folder', 'openocd'), { recursive: true });
    expect(await msg(path.join(dir, 'folder', 'openocd'))).toContain('is a folder, not the OpenOCD binary');
    mkdirSync(path.join(dir, 'noexec'));
    expect(await msg(script(path.join('noexec', 'openocd'), 'Open On-Chip Debugger 0.12.0', 0o644))).toContain('exists but is not executable');
    mkdirSync(path.join(dir, 'other'));
    expect(await msg(script(path.join('other', 'openocd'), 'GNU something 1.0'))).toContain('did not identify OpenOCD');
    mkdirSync(path.join(dir, 'old'));
    expect(await msg(script(path.join('old', 'openocd'), 'Open On-Chip Debugger 0.10.0'))).toContain('is too old: the workbench needs OpenOCD 0.11 or newer');
    mkdirSync(path.join(dir, 'good'));
    expect(await msg(script(path.join('good', 'openocd'), 'Open On-Chip Debugger 0.12.0+dev-00001'))).toBe('ok 0.12.0+dev-00001');
  });
});
