// Builds everything the app runs: the renderer (Vite) and the Node/Electron
// entry points (esbuild bundles, so the CLI and the packaged app need no TS loader).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

const nodeEntries = [
  { in: 'main/cli.ts', out: 'dist/cli.js' },
  { in: 'main/workers/svd-worker.ts', out: 'dist/workers/svd-worker.js', optional: true },
  { in: 'app/main.ts', out: 'dist/app/main.js', optional: true },
];

import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

async function main() {
  await viteBuild({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  for (const e of nodeEntries) {
    if (e.optional && !existsSync(path.join(root, e.in))) continue;
    await esbuild({
      entryPoints: [path.join(root, e.in)],
      outfile: path.join(root, e.out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      external: ['electron', 'bufferutil', 'utf-8-validate'],
      logLevel: 'warning',
    });
  }
  // The preload runs sandboxed: CommonJS, and it may require only 'electron'. Its
  // channel names come from the contract, read here, so zod stays out of it.
  if (existsSync(path.join(root, 'app/preload.ts'))) {
    await esbuild({
      entryPoints: [path.join(root, 'app/preload.ts')],
      outfile: path.join(root, 'dist/app/preload.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      define: { __BRINGUP_CHANNELS__: JSON.stringify(await contractChannelNames()) },
      logLevel: 'warning',
    });
  }
}

/** INVOKE_NAMES and EVENT_NAMES of shared/contract.ts, by bundling and loading it once. */
async function contractChannelNames() {
  const out = path.join(root, 'dist', 'contract-names.cjs');
  await esbuild({ entryPoints: [path.join(root, 'shared/contract.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  try {
    const { INVOKE_NAMES, EVENT_NAMES } = createRequire(import.meta.url)(out);
    return { invoke: INVOKE_NAMES, events: EVENT_NAMES };
  } finally {
    rmSync(out, { force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
