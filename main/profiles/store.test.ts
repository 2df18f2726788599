import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VBOARD_PROFILE_ID, type ConnectionProfile } from '../../shared/profile';
import { createProfileStore } from './store';
import { defaultUserDataDir } from './user-data';

const profile = (id: string, name = id): ConnectionProfile => ({ id, name, kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg', extraCommands: [] });

describe('profile store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-profiles-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('always lists the virtual board, preselected until another profile is used', async () => {
    const store = createProfileStore(dir);
    const first = await store.list();
    expect(first.profiles.map((p) => p.id)).toEqual([VBOARD_PROFILE_ID]);
    expect(first.selectedId).toBe(VBOARD_PROFILE_ID);
    await store.save(profile('stlink'));
    await store.markUsed('stlink');
    expect((await createProfileStore(dir).list()).selectedId).toBe('stlink');
  });

  it('saves, updates and deletes profiles as JSON in the user-data folder', async () => {
    const store = createProfileStore(dir);
    await store.save(profile('a', 'First'));
    await store.save(profile('a', 'Renamed'));
    await store.save(profile('b'));
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'profiles.json'), 'utf8')) as { profiles: ConnectionProfile[] };
    expect(onDisk.profiles.map((p) => p.name)).toEqual(['Renamed', 'b']);
    const after = await store.delete('a');
    expect(after.profiles.map((p) => p.id)).toEqual([VBOARD_PROFILE_ID, 'b']);
  });

  it('refuses to change or delete the built-in profile', async () => {
    const store = createProfileStore(dir);
    await expect(store.save({ ...profile(VBOARD_PROFILE_ID) })).rejects.toThrow(/built in/);
    await expect(store.delete(VBOARD_PROFILE_ID)).rejects.toThrow(/built in/);
  });

  it('sets a corrupt file aside instead of overwriting it', async () => {
    writeFileSync(path.join(dir, 'profiles.json'), '{ not json');
    const store = createProfileStore(dir);
    expect((await store.list()).profiles).toHaveLength(1);
    await store.save(profile('x'));
    expect(readdirSync(dir).some((f) => f.startsWith('profiles.json.corrupt-'))).toBe(true);
  });

  it('serialises concurrent saves (none lost)', async () => {
    const store = createProfileStore(dir);
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.save(profile(id))));
    expect((await store.list()).profiles).toHaveLength(5);
  });

  it('finds the user-data folder from BRINGUP_USER_DATA, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(defaultUserDataDir({ BRINGUP_USER_DATA: '/tmp/x' })).toBe('/tmp/x');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Bring-up Workbench');
    expect(defaultUserDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Bring-up Workbench'));
  });
});
