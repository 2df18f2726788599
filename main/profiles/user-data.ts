// Where the app keeps its files: the same folder whether the desktop app, `bringup
// serve` or the CLI runs. Electron puts userData at <appData>/<app name>; we name it
// after the product (electron-builder.yml productName), so the folder is the same
// packaged or not, and serve/CLI compute the same path without Electron:
//   Linux   $XDG_CONFIG_HOME or ~/.config          /Bring-up Workbench
//   macOS   ~/Library/Application Support          /Bring-up Workbench
//   Windows %APPDATA% (…\AppData\Roaming)          \Bring-up Workbench
// BRINGUP_USER_DATA overrides everything (tests point it at a temp dir).
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Bring-up Workbench';

/** Electron's appData folder for this platform (what app.getPath('appData') returns). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.BRINGUP_USER_DATA) return path.resolve(env.BRINGUP_USER_DATA);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(env, platform, home), PRODUCT_NAME);
}

/** The desktop app's userData, given Electron's own appData folder. */
export function electronUserDataDir(electronAppData: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.BRINGUP_USER_DATA) return path.resolve(env.BRINGUP_USER_DATA);
  return path.join(electronAppData, PRODUCT_NAME);
}
