// Which SVD a profile gets, an upload in chunks, and that the choice is remembered.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../shared/profile';
import type { Memory } from '../session/memory';
import { PeripheralService } from './service';
import { bundledSvd } from './svd-choice';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-svd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROFILES: Record<string, ConnectionProfile> = {
  vb: { id: 'vb', name: 'vboard', kind: 'vboard', extraCommands: [] },
  f4: { id: 'f4', name: 'nucleo', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f4x.cfg', extraCommands: [] },
};
const make = () => new PeripheralService({ userDataDir: dir, profile: async (id) => PROFILES[id], memory: () => ({}) as Memory });

describe('SVD per profile', () => {
  it('the virtual board gets the bundled F103; an unknown part gets none', async () => {
    const svc = make();
    const m = await svc.model('vb');
    expect(m).toMatchObject({ device: 'STM32F103', bundled: true, source: 'STM32F103.svd (bundled)' });
    expect(await svc.model('f4')).toBeNull();
  });

  it('an upload in chunks is parsed, kept in the user-data folder and remembered', async () => {
    const bytes = readFileSync(bundledSvd());
    const svc = make();
    const data = (a: number, b: number) => bytes.subarray(a, b).toString('base64');
    const half = Math.floor(bytes.length / 2);
    expect(await svc.uploadChunk('f4', 'my part.svd', 0, bytes.length, data(0, half))).toEqual({ received: half });
    await expect(svc.uploadChunk('f4', 'my part.svd', 10, bytes.length, data(10, 20))).rejects.toThrow(/expected the chunk at offset/);
    const done = await svc.uploadChunk('f4', 'my part.svd', half, bytes.length, data(half, bytes.length));
    expect(done.model).toMatchObject({ profileId: 'f4', device: 'STM32F103', bundled: false, source: 'f4--my_part.svd' });
    // A new process finds it again.
    expect(await make().model('f4')).toMatchObject({ bundled: false, source: 'f4--my_part.svd' });
    expect(await make().forget('f4')).toBeNull();
  });

  it('a file that does not parse is refused and not remembered', async () => {
    const svc = make();
    const bad = path.join(dir, 'bad.svd');
    writeFileSync(bad, '<device><name>x</name>');
    await expect(svc.open('vb', bad)).rejects.toThrow();
    expect(await svc.model('vb')).toMatchObject({ bundled: true });
  });
});
