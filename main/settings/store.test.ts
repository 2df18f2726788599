import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOpenOcd } from './check';
import { createSettingsStore, SETTINGS_FILE } from './store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-settings-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts empty, saves settings.json, and a new store reads it back', async () => {
    const store = createSettingsStore(dir);
    expect(await store.get()).toEqual({});
    expect(await store.save({ openocdPath: '  /opt/openocd/bin/openocd ' })).toEqual({ openocdPath: '/opt/openocd/bin/openocd' });
    expect(JSON.parse(await fs.readFile(path.join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ openocdPath: '/opt/openocd/bin/openocd' });
    expect(await createSettingsStore(dir).get()).toEqual({ openocdPath: '/opt/openocd/bin/openocd' });
  });

  it('an empty path clears the setting', async () => {
    const store = createSettingsStore(dir);
    await store.save({ openocdPath: '/x' });
    expect(await store.save({ openocdPath: '' })).toEqual({});
    expect(await createSettingsStore(dir).get()).toEqual({});
  });

  it('a corrupt file is no settings, not a failure', async () => {
    await fs.writeFile(path.join(dir, SETTINGS_FILE), '{not json');
    expect(await createSettingsStore(dir).get()).toEqual({});
  });
});

describe('checkOpenOcd', () => {
  it('shows the version found, or why there is none', async () => {
    const fake = path.join(dir, 'openocd');
    await fs.writeFile(fake, '#!/bin/sh\necho "Open On-Chip Debugger 0.12.0" >&2\n', { mode: 0o755 });
    expect(await checkOpenOcd(fake, {})).toEqual({ ok: true, path: fake, version: '0.12.0' });
    const missing = await checkOpenOcd(path.join(dir, 'nope'), {});
    expect(missing).toMatchObject({ ok: false, error: { kind: 'ProcessError', message: `OpenOCD not found at '${path.join(dir, 'nope')}' (from the OpenOCD setting)` } });
  });
});
