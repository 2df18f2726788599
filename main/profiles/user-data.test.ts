import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, electronUserDataDir } from './user-data';

describe('user-data folder: the same for the app, serve and the CLI', () => {
  it('follows Electron per platform, named after the product', () => {
    expect(defaultUserDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Bring-up Workbench');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/xdg/Bring-up Workbench');
    expect(defaultUserDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/Bring-up Workbench');
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\Bring-up Workbench');
  });
  it('matches what the desktop app sets from Electron appData', () => {
    expect(electronUserDataDir('/home/ada/.config', {})).toBe(defaultUserDataDir({}, 'linux', '/home/ada'));
  });
  it('BRINGUP_USER_DATA overrides both', () => {
    expect(defaultUserDataDir({ BRINGUP_USER_DATA: '/tmp/x' }, 'darwin', '/Users/ada')).toBe(path.resolve('/tmp/x'));
    expect(electronUserDataDir('/home/ada/.config', { BRINGUP_USER_DATA: '/tmp/x' })).toBe(path.resolve('/tmp/x'));
  });
});
