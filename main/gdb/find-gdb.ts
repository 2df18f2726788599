// Which GDB to name in a Cortex-Debug configuration: Cortex-Debug's default is
// arm-none-eabi-gdb, which Debian and Ubuntu do not ship; they ship gdb-multiarch.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** 'gdb-multiarch' when it is on the PATH, else undefined (Cortex-Debug's default then). */
export function findGdbMultiarch(envPath = process.env.PATH ?? ''): string | undefined {
  if (process.platform === 'win32') return undefined;
  return envPath.split(path.delimiter).some((d) => d && existsSync(path.join(d, 'gdb-multiarch'))) ? 'gdb-multiarch' : undefined;
}
