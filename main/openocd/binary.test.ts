import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findOpenOcd, isSupportedVersion, parseOpenOcdVersion, versionFromBanner } from './binary';
import { ProcessError } from './errors';

describe('version parsing', () => {
  it('reads the banner OpenOCD prints on stderr', () => {
    expect(versionFromBanner('Open On-Chip Debugger 0.12.0\nLicensed under GNU GPL v2\n')).toBe('0.12.0');
    expect(versionFromBanner('Open On-Chip Debugger 0.12.0+dev-01312-g18281b0c4 (2023-09-03-14:17)')).toBe('0.12.0+dev-01312-g18281b0c4');
    expect(versionFromBanner('bash: openocd: command not found')).toBeUndefined();
  });
  it('splits versions into parts', () => {
    expect(parseOpenOcdVersion('0.12.0')).toEqual({ major: 0, minor: 12, patch: 0, suffix: '' });
    expect(parseOpenOcdVersion('0.11.0-rc2')).toEqual({ major: 0, minor: 11, patch: 0, suffix: '-rc2' });
    expect(parseOpenOcdVersion('0.12.0+dev-01312-g18281b0c4')).toMatchObject({ minor: 12, suffix: '+dev-01312-g18281b0c4' });
    expect(parseOpenOcdVersion('garbage')).toBeUndefined();
  });
});

describe('findOpenOcd', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-bin-'));
    // A stand-in binary that prints the banner on stderr the way OpenOCD does.
    await fs.writeFile(path.join(dir, 'openocd'), '#!/bin/sh\necho "Open On-Chip Debugger 0.12.3" >&2\n', { mode: 0o755 });
    await fs.writeFile(path.join(dir, 'not-openocd'), '#!/bin/sh\necho hello\n', { mode: 0o755 });
    await fs.writeFile(path.join(dir, 'old-openocd'), '#!/bin/sh\necho "Open On-Chip Debugger 0.10.0" >&2\n', { mode: 0o755 });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('prefers the setting, then BRINGUP_OPENOCD, then PATH', async () => {
    const env = { PATH: dir, BRINGUP_OPENOCD: '/nonexistent/openocd' };
    await expect(findOpenOcd({ setting: path.join(dir, 'openocd'), env })).resolves.toEqual({ path: path.join(dir, 'openocd'), version: '0.12.3' });
    await expect(findOpenOcd({ env })).rejects.toThrow(/BRINGUP_OPENOCD/);
    await expect(findOpenOcd({ env: { PATH: dir } })).resolves.toMatchObject({ version: '0.12.3' });
  });

  it('explains how to install OpenOCD when it is missing', async () => {
    const err = await findOpenOcd({ env: { PATH: path.join(dir, 'empty') } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessError);
    expect((err as ProcessError).hint).toMatch(/apt-get install openocd.*brew install open-ocd.*xPack/s);
  });

  it('rejects a binary that is not OpenOCD', async () => {
    await expect(findOpenOcd({ setting: path.join(dir, 'not-openocd'), env: {} })).rejects.toThrow(/did not identify OpenOCD/);
  });

  it('refuses OpenOCD older than 0.11, naming the version found and what to do', async () => {
    const err = await findOpenOcd({ setting: path.join(dir, 'old-openocd'), env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessError);
    expect((err as ProcessError).message).toBe(`OpenOCD 0.10.0 at '${path.join(dir, 'old-openocd')}' is too old: the workbench needs OpenOCD 0.11 or newer`);
    expect((err as ProcessError).hint).toMatch(/Install OpenOCD 0\.11 or newer.*Settings/s);
  });
});

describe('isSupportedVersion', () => {
  it.each([
    ['0.10.0', false],
    ['0.11.0-rc2', true],
    ['0.12.0+dev-01312-g18281b0c4', true],
    ['1.0.0', true],
  ])('%s -> %s', (v, ok) => expect(isSupportedVersion(v)).toBe(ok));
});
