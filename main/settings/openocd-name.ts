// Whoever holds serve's token can point Settings at any binary, which the workbench then
// runs (`--version` at once, the whole command line at Connect). So a path is taken only
// when it names an OpenOCD: a file called openocd (openocd.exe, openocd-0.12.0, ...).
// Anything else is refused before it is ever run, unless the desktop app's user confirms
// it (a renamed build on their own machine); the browser cannot confirm (issue 17).
import path from 'node:path';

const OPENOCD_NAME = /^openocd([-_][\w.+-]*)?(\.exe)?$/i;

/** Why `setting` is refused, or undefined when its file name is an OpenOCD's. */
export function openOcdNameProblem(setting: string): string | undefined {
  const name = path.basename(setting.replace(/\\/g, '/'));
  if (OPENOCD_NAME.test(name)) return undefined;
  return `'${setting}' is not an OpenOCD: the workbench only runs a binary named openocd (or openocd.exe), and '${name}' is not`;
}

export const NAME_HINT_BROWSER = 'Choose the openocd binary itself. A renamed OpenOCD can only be confirmed in the desktop app (or named with BRINGUP_OPENOCD).';
export const NAME_HINT_DESKTOP = 'Choose the openocd binary itself, or confirm that this file is OpenOCD when the app asks.';
