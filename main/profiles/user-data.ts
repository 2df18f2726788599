// Where the app keeps its files when no Electron is around to say
// (app/main.ts passes app.getPath('userData') instead). Tests point
// BRINGUP_USER_DATA at a temp dir.
import os from 'node:os';
import path from 'node:path';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BRINGUP_USER_DATA) return path.resolve(env.BRINGUP_USER_DATA);
  const base = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(base, 'bringup-workbench');
}
