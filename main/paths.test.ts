import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { assetsCandidates, assetsDir } from './paths';

describe('assetsDir', () => {
  it('finds the repo assets folder from the source tree', () => {
    const dir = assetsDir();
    expect(fs.statSync(path.join(dir, 'openocd')).isDirectory()).toBe(true);
    expect(dir).toBe(path.resolve(__dirname, '..', 'assets'));
  });
  it('looks in BRINGUP_ASSETS and Electron resources first', () => {
    const old = process.env.BRINGUP_ASSETS;
    process.env.BRINGUP_ASSETS = '/x/assets';
    (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath = '/app/resources';
    try {
      expect(assetsCandidates().slice(0, 2)).toEqual(['/x/assets', '/app/resources/assets']);
    } finally {
      if (old === undefined) delete process.env.BRINGUP_ASSETS;
      else process.env.BRINGUP_ASSETS = old;
      Reflect.deleteProperty(process, 'resourcesPath');
    }
  });
});
