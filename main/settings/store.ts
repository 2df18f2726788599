// settings.json in the user-data folder: the app's own settings (today the OpenOCD
// path). Read once and cached; written whole through a temp file and a rename, so a
// crash mid-write never leaves half a file. A missing or unreadable file is "no settings"
// (the app still starts); what was wrong with it is not worth blocking a user over.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppSettings } from '../../shared/settings';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): Promise<AppSettings>;
  save(settings: AppSettings): Promise<AppSettings>;
}

export function createSettingsStore(userDataDir: string): SettingsStore {
  const file = path.join(userDataDir, SETTINGS_FILE);
  let cached: Promise<AppSettings> | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  return {
    get() {
      cached ??= read(file);
      return cached.then((s) => ({ ...s }));
    },
    save(settings) {
      const clean = normalise(settings);
      cached = Promise.resolve(clean);
      // One write at a time, in call order: the last save wins on disk as in memory.
      const run = writing.then(() => write(file, clean));
      writing = run.catch(() => undefined);
      return run.then(() => ({ ...clean }));
    },
  };
}

function normalise(s: AppSettings): AppSettings {
  const openocdPath = s.openocdPath?.trim();
  return openocdPath ? { openocdPath } : {};
}

async function read(file: string): Promise<AppSettings> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object') return {};
    const p = (parsed as { openocdPath?: unknown }).openocdPath;
    return normalise(typeof p === 'string' ? { openocdPath: p } : {});
  } catch {
    return {};
  }
}

async function write(file: string, s: AppSettings): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(s, null, 2)}\n`, 'utf8');
  await fs.rename(tmp, file);
}
