// Which OpenOCD a path setting leads to, as the Settings dialog shows it: the binary
// must exist, be an executable file, answer `--version` and be new enough (findOpenOcd),
// else the error, worded for what is wrong with that path.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenOcdCheck } from '../../shared/settings';
import { findOpenOcd } from '../openocd/binary';
import { ProcessError, toErrorValue } from '../openocd/errors';

export async function checkOpenOcd(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<OpenOcdCheck> {
  try {
    await explainUnusable(setting?.trim());
    const bin = await findOpenOcd({ setting, env });
    return { ok: true, path: bin.path, version: bin.version };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}

/** A path that exists but cannot be run gets its own words ("not found" would send the user looking elsewhere). */
async function explainUnusable(setting: string | undefined): Promise<void> {
  if (!setting || !path.isAbsolute(setting)) return;
  const st = await fs.stat(setting).catch(() => undefined);
  if (!st) return; // findOpenOcd says "not found"
  if (st.isDirectory()) {
    throw new ProcessError(`'${setting}' is a folder, not the OpenOCD binary`, { hint: `Choose the openocd file inside it (often ${path.join(setting, 'bin', 'openocd')}).` });
  }
  if (process.platform === 'win32') return;
  try {
    await fs.access(setting, fs.constants.X_OK);
  } catch {
    throw new ProcessError(`'${setting}' exists but is not executable`, { hint: `Make it executable (chmod +x '${setting}'), or choose the OpenOCD that your package manager installed.` });
  }
}
