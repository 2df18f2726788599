// Adapter detection -> profile suggestion -> preselection, on a fake sysfs tree laid out as
// /sys/bus/usb/devices is (real directories and attribute files, read by listAdapters).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAdapters } from '../adapters/list';
import { connectionProfileSchema } from '../../shared/profile-schema';
import { VBOARD_PROFILE_ID, type ConnectionProfile } from '../../shared/profile';
import { VBOARD_PROFILE } from './builtin';
import { profileForAdapter } from './from-adapter';
import { preselectProfile } from './preselect';

let root: string;

async function device(sysfs: string, name: string, attrs: Record<string, string>): Promise<void> {
  await mkdir(join(sysfs, name), { recursive: true });
  for (const [k, v] of Object.entries(attrs)) await writeFile(join(sysfs, name, k), `${v}\n`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bringup-adapter-profiles-'));
  const two = join(root, 'two-stlinks');
  await device(two, '1-1', { idVendor: '0483', idProduct: '3748', serial: 'STLINK-AAA111', product: 'STM32 STLink', busnum: '1', devnum: '2' });
  await device(two, '1-2', { idVendor: '0483', idProduct: '374b', serial: 'STLINK-BBB222', product: 'STM32 STLink', busnum: '1', devnum: '3' });
  await device(two, '1-3', { idVendor: '1366', idProduct: '0101', serial: '000123456789', product: 'J-Link', busnum: '1', devnum: '4' });
  await device(two, '2-1', { idVendor: '046d', idProduct: 'c52b', product: 'USB Receiver', busnum: '2', devnum: '2' });
  await mkdir(join(root, 'empty'), { recursive: true });
  await device(join(root, 'hub-only'), 'usb1', { idVendor: '1d6b', idProduct: '0002', product: 'EHCI Host Controller' });
});
afterAll(() => rm(root, { recursive: true, force: true }));

const scan = (dir: string) => listAdapters({ sysfsRoot: join(root, dir), usbfsRoot: join(root, 'no-usbfs'), platform: 'linux' });

describe('a profile for a detected adapter', () => {
  it('two ST-Links: each profile loads interface/stlink.cfg and picks its probe by serial', async () => {
    const all = await scan('two-stlinks');
    expect(all.map((a) => `${a.vid}:${a.pid}`)).toEqual(['0483:3748', '0483:374b', '1366:0101']);
    const [v2, v21, jlink] = all.map((a) => profileForAdapter(all, a).profile);
    expect(v2).toMatchObject({ kind: 'configs', interfaceCfg: 'interface/stlink.cfg', extraCommands: ['adapter serial STLINK-AAA111'] });
    expect(v2?.name).toBe('ST-LINK/V2 (STLINK-AAA111)');
    expect(v21?.extraCommands).toEqual(['adapter serial STLINK-BBB222']);
    expect(v2?.id).not.toBe(v21?.id);
    // The only J-Link: nothing to choose between, so no serial command.
    expect(jlink).toMatchObject({ interfaceCfg: 'interface/jlink.cfg', extraCommands: [], name: 'SEGGER J-Link' });
    // What the renderer saves must pass the store's schema.
    for (const p of [v2, v21, jlink]) expect(connectionProfileSchema.safeParse(p).success).toBe(true);
  });

  it('a single ST-Link gets no serial command', async () => {
    const all = (await scan('two-stlinks')).slice(0, 1);
    expect(profileForAdapter(all, all[0]!).profile?.extraCommands).toEqual([]);
  });
});

describe('preselection at start-up', () => {
  const hw: ConnectionProfile = { id: 'p-hw', name: 'ST-Link + F103', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg', extraCommands: [] };
  const list = { profiles: [VBOARD_PROFILE, hw], selectedId: 'p-hw' };

  it('no adapter on USB (no sysfs, or only hubs): the virtual board, not the last hardware profile', async () => {
    expect(preselectProfile(list, await scan('empty')).selectedId).toBe(VBOARD_PROFILE_ID);
    expect(preselectProfile(list, await scan('hub-only')).selectedId).toBe(VBOARD_PROFILE_ID);
    expect(preselectProfile(list, await scan('does-not-exist')).selectedId).toBe(VBOARD_PROFILE_ID);
  });

  it('an adapter attached, or the scan failed: the last used profile stays', async () => {
    expect(preselectProfile(list, await scan('two-stlinks')).selectedId).toBe('p-hw');
    expect(preselectProfile(list, undefined).selectedId).toBe('p-hw');
  });

  it('the built-in board profile has NRST wired (its link drives SRST)', () => {
    expect(VBOARD_PROFILE.nrstWired).toBe(true);
  });
});
