// The packaged app's Electron fuses are what electron-builder.yml says: read the real
// config, as electron-builder does, and check every hardening fuse.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A flat YAML map of booleans under `electronFuses:`; read without a YAML library (js-yaml
// is only a transitive dependency here), strictly: every line of the block must be `key: bool`.
function readConfig(): { electronFuses: Record<string, boolean>; asar: boolean | undefined } {
  const text = readFileSync(path.join(__dirname, '..', 'electron-builder.yml'), 'utf8');
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  const electronFuses: Record<string, boolean> = {};
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (!/^\s/.test(line) || line.trim() === '') break;
    const m = /^\s+([A-Za-z]+):\s*(true|false)\s*$/.exec(line);
    if (!m) throw new Error(`electronFuses: cannot read '${line}'`);
    electronFuses[m[1] as string] = m[2] === 'true';
  }
  const asar = /^asar:\s*(true|false)\s*$/m.exec(text)?.[1];
  return { electronFuses, asar: asar === undefined ? undefined : asar === 'true' };
}
const config = readConfig();

describe('electron-builder.yml fuses', () => {
  it('turns the Node escape hatches off and the integrity checks on', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
