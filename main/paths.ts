// Where the app's own files are, whether we run from the source tree (vitest,
// main/*.ts), from esbuild bundles (dist/cli.js, dist/app/main.js: __dirname is
// the bundle's folder) or from a packaged Electron app (assets copied next to
// app.asar, under process.resourcesPath).
import fs from 'node:fs';
import path from 'node:path';

let cachedAssets: string | undefined;

/** The assets/ folder (OpenOCD configs, presets). $BRINGUP_ASSETS overrides. */
export function assetsDir(): string {
  if (cachedAssets) return cachedAssets;
  const found = assetsCandidates().find(isAssetsDir);
  if (!found) {
    throw new Error(`Cannot find the assets folder (looked in: ${assetsCandidates().join(', ')}). Set BRINGUP_ASSETS to its path.`);
  }
  cachedAssets = found;
  return found;
}

export function assetsCandidates(): string[] {
  const out: string[] = [];
  const env = process.env.BRINGUP_ASSETS;
  if (env) out.push(path.resolve(env));
  // Electron adds resourcesPath to process; plain Node has none.
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources) out.push(path.join(resources, 'assets'));
  // Walk up from this module (or the bundle that contains it) to the repo root.
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    out.push(path.join(dir, 'assets'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

function isAssetsDir(dir: string): boolean {
  try {
    return fs.statSync(path.join(dir, 'openocd')).isDirectory();
  } catch {
    return false;
  }
}
