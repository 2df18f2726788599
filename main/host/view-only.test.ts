// A supervisor's view-only token (bringup serve): every channel that is not on the
// read-only list is refused, with words that say why, before anything runs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_ONLY_CHANNELS } from '../../shared/access';
import { INVOKE_NAMES } from '../../shared/contract';
import { createHost, type Host } from '../host';
import { createServices } from './create-services';
import type { HostServices } from './services';

describe('view-only access', () => {
  let dir: string;
  let services: HostServices;
  let viewer: Host;
  let operator: Host;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-view-only-'));
    services = createServices({ userDataDir: dir, adapters: { sysfsRoot: path.join(dir, 'no-sysfs') } });
    viewer = createHost(services, () => undefined, { access: 'view' });
    operator = createHost(services, () => undefined);
  });
  afterAll(async () => {
    viewer.dispose();
    operator.dispose();
    await services.station.dispose();
    await services.controller.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const writes = INVOKE_NAMES.filter((n) => !READ_ONLY_CHANNELS.has(n));

  it('lists only channels that exist, and leaves most channels to the operator', () => {
    for (const n of READ_ONLY_CHANNELS) expect(INVOKE_NAMES).toContain(n);
    expect(writes.length).toBeGreaterThan(READ_ONLY_CHANNELS.size);
    for (const n of ['connect', 'command', 'startFlash', 'writeMemory', 'stationSetJob', 'stationStart', 'stationLock', 'saveSettings', 'applyFix'] as const) {
      expect(writes).toContain(n);
    }
  });

  it.each(writes)('refuses %s for the view token, saying so', async (channel) => {
    const r = await viewer.handle(channel, {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(`view-only access: '${channel}' changes the bench and is refused for this token`);
    expect(r.error.hint).toContain('operator address');
  });

  it('answers the read channels for the view token, and tells the page it is view-only', async () => {
    expect(await viewer.handle('getAccess', {})).toEqual({ ok: true, value: { access: 'view' } });
    expect(await operator.handle('getAccess', {})).toEqual({ ok: true, value: { access: 'operator' } });
    const view = await viewer.handle('stationView', {});
    expect(view.ok).toBe(true);
    expect((await viewer.handle('getStatus', {})).ok).toBe(true);
    expect((await viewer.handle('listProfiles', {})).ok).toBe(true);
  });

  it('a refused call changes nothing: the lock stays as the operator left it', async () => {
    expect(await operator.handle('stationLock', { locked: true })).toEqual({ ok: true, value: true });
    expect((await viewer.handle('stationLock', { locked: false })).ok).toBe(false);
    const v = await viewer.handle('stationView', {});
    expect(v.ok && (v.value as { locked: boolean }).locked).toBe(true);
  });
});
