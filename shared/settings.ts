// The app's own settings (Settings dialog; settings.json in the user-data folder).
import type { ErrorValue } from './errors';

export interface AppSettings {
  /** The OpenOCD binary to run; empty or absent: $BRINGUP_OPENOCD, else the PATH. */
  openocdPath?: string;
}

/** Which OpenOCD the settings lead to: its path and version, or why there is none. */
export type OpenOcdCheck = { ok: true; path: string; version: string } | { ok: false; error: ErrorValue };

export interface SettingsState {
  settings: AppSettings;
  openocd: OpenOcdCheck;
}

export const MAX_SETTING_PATH = 4096;
