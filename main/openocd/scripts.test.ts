import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clearConfigCache, findScriptsDir, listConfigs, scriptsDirCandidates } from './scripts';

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-scripts-'));
  // An xPack-style install: <root>/bin/openocd + <root>/openocd/scripts
  const scripts = path.join(root, 'openocd', 'scripts');
  for (const f of ['interface/stlink.cfg', 'interface/ftdi/olimex-arm-usb-ocd-h.cfg', 'interface/README', 'target/stm32f1x.cfg', 'board/stm32f103c8_blue_pill.cfg']) {
    await fs.mkdir(path.dirname(path.join(scripts, f)), { recursive: true });
    await fs.writeFile(path.join(scripts, f), '# cfg\n');
  }
  await fs.mkdir(path.join(root, 'bin'));
  await fs.writeFile(path.join(root, 'bin', 'openocd'), '');
  await fs.symlink(path.join(root, 'bin', 'openocd'), path.join(root, 'openocd-link'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
  clearConfigCache();
});

describe('scripts folder', () => {
  it('lists candidates relative to the binary first', () => {
    const c = scriptsDirCandidates('/opt/x/bin/openocd');
    expect(c.slice(0, 3)).toEqual(['/opt/x/share/openocd/scripts', '/opt/x/openocd/scripts', '/opt/x/scripts']);
    expect(c).toContain('/usr/share/openocd/scripts');
  });

  it('finds the xPack layout through a symlink to the binary', async () => {
    await expect(findScriptsDir(path.join(root, 'openocd-link'))).resolves.toBe(path.join(root, 'openocd', 'scripts'));
  });

  it('lists configs with subfolders, only *.cfg, sorted, cached', async () => {
    const dir = path.join(root, 'openocd', 'scripts');
    const lists = await listConfigs(dir);
    expect(lists).toEqual({
      interface: ['interface/ftdi/olimex-arm-usb-ocd-h.cfg', 'interface/stlink.cfg'],
      target: ['target/stm32f1x.cfg'],
      board: ['board/stm32f103c8_blue_pill.cfg'],
    });
    expect(listConfigs(dir)).toBe(listConfigs(dir));
  });

  it('lists the installed OpenOCD scripts when present', async () => {
    const dir = await findScriptsDir('/usr/bin/openocd');
    if (!dir) return; // no OpenOCD on this machine
    const lists = await listConfigs(dir);
    expect(lists.interface).toContain('interface/stlink.cfg');
    expect(lists.interface.some((p) => p.startsWith('interface/ftdi/'))).toBe(true);
    expect(lists.target).toContain('target/stm32f1x.cfg');
  });
});
