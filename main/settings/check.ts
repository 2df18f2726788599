// Which OpenOCD a path setting leads to, as the Settings dialog shows it: the binary
// must exist, answer `--version` and be new enough (findOpenOcd), else the error.
import type { OpenOcdCheck } from '../../shared/settings';
import { findOpenOcd } from '../openocd/binary';
import { toErrorValue } from '../openocd/errors';

export async function checkOpenOcd(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<OpenOcdCheck> {
  try {
    const bin = await findOpenOcd({ setting, env });
    return { ok: true, path: bin.path, version: bin.version };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}
