// Finding the OpenOCD binary: explicit setting, else $BRINGUP_OPENOCD, else PATH.
// `openocd --version` prints "Open On-Chip Debugger 0.12.0" (on stderr) and exits 0.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ProcessError } from './errors';

export interface OpenOcdBinary {
  path: string;
  /** As printed, e.g. "0.12.0" or "0.12.0+dev-01234-gabcdef". */
  version: string;
}

export interface VersionParts {
  major: number;
  minor: number;
  patch: number;
  /** Anything after major.minor.patch, e.g. "+dev-01234-gabcdef" or "-rc2". */
  suffix: string;
}

/** The oldest OpenOCD the workbench drives (README: "OpenOCD 0.11 or newer"). */
export const MIN_OPENOCD = { major: 0, minor: 11 } as const;

export const INSTALL_HINT =
  'Install OpenOCD 0.11 or newer: Debian/Ubuntu `sudo apt-get install openocd`, macOS `brew install open-ocd`, ' +
  'Windows: download xPack OpenOCD (https://xpack-dev-tools.github.io/openocd-xpack/) and choose its bin/openocd.exe in Settings. ' +
  'Or point BRINGUP_OPENOCD at the binary.';

const VERSION_RE = /Open On-Chip Debugger\s+(\S+)/;

export function parseOpenOcdVersion(version: string): VersionParts | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(.*)$/.exec(version.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), suffix: m[4] ?? '' };
}

/** The version word from `openocd --version` output, e.g. "0.12.0". */
export function versionFromBanner(output: string): string | undefined {
  return VERSION_RE.exec(output)?.[1];
}

export async function findOpenOcd(opts: { setting?: string; env?: NodeJS.ProcessEnv } = {}): Promise<OpenOcdBinary> {
  const found = await locateOpenOcd(opts);
  const version = await readVersion(found);
  checkSupportedVersion(found, version);
  return { path: found, version };
}

/** The too-old error for an OpenOCD that printed `version` (from `--version` or a run's banner). */
export function checkSupportedVersion(found: string, version: string): void {
  if (isSupportedVersion(version)) return;
  throw new ProcessError(`OpenOCD ${version} at '${found}' is too old: the workbench needs OpenOCD ${MIN_OPENOCD.major}.${MIN_OPENOCD.minor} or newer`, {
    hint: `${INSTALL_HINT} If a newer OpenOCD is installed elsewhere, choose it in Settings.`,
  });
}

/**
 * Where the OpenOCD to run is (the setting, BRINGUP_OPENOCD, or PATH), without running
 * it: a start checks the version in the run's own banner instead of a `--version` run
 * (about 50 ms of OpenOCD start-up, on the critical path of every connect).
 */
export async function locateOpenOcd(opts: { setting?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const env = opts.env ?? process.env;
  const explicit = opts.setting?.trim() || env.BRINGUP_OPENOCD?.trim();
  let found: string | undefined;
  if (explicit) {
    found = (await isExecutable(explicit)) ? path.resolve(explicit) : await searchPath(explicit, env);
    if (!found) {
      const from = opts.setting?.trim() ? 'the OpenOCD setting' : 'BRINGUP_OPENOCD';
      throw new ProcessError(`OpenOCD not found at '${explicit}' (from ${from})`, { hint: INSTALL_HINT });
    }
  } else {
    found = await searchPath('openocd', env);
    if (!found) throw new ProcessError('OpenOCD is not installed or not on PATH', { hint: INSTALL_HINT });
  }
  return found;
}

/** True for MIN_OPENOCD and later (dev builds of a version count as that version); unparsable versions get the benefit of the doubt. */
export function isSupportedVersion(version: string): boolean {
  const v = parseOpenOcdVersion(version);
  if (!v) return true;
  return v.major > MIN_OPENOCD.major || (v.major === MIN_OPENOCD.major && v.minor >= MIN_OPENOCD.minor);
}

function readVersion(bin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, ['--version'], { timeout: 10_000, windowsHide: true }, (err, stdout, stderr) => {
      const version = versionFromBanner(`${stderr}\n${stdout}`);
      if (version) return resolve(version);
      const why = err ? err.message : 'no version banner in its output';
      reject(
        new ProcessError(`'${bin} --version' did not identify OpenOCD: ${why}`, {
          hint: INSTALL_HINT,
          openocdText: `${stderr}${stdout}`.trim() || undefined,
          cause: err ?? undefined,
        }),
      );
    });
  });
}

async function searchPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  // A name with a separator is a path, not a PATH lookup.
  if (name.includes('/') || name.includes(path.sep)) return undefined;
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((e) => e.toLowerCase())] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

async function isExecutable(p: string): Promise<boolean> {
  try {
    const st = await fs.stat(p);
    if (!st.isFile()) return false;
    await fs.access(p, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
