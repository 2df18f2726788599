// Builds everything the app runs: the renderer (Vite) and the Node/Electron
// entry points (esbuild bundles, so the CLI and the packaged app need no TS loader).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

const nodeEntries = [
  { in: 'main/workers/svd-worker.ts', out: 'dist/workers/svd-worker.js', optional: true },
  { in: 'app/main.ts', out: 'dist/app/main.js', optional: true },
];

import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

async function main() {
  await viteBuild({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  await buildCli();
  // The disassembler's wasm (main/disasm/capstone.ts) ships in dist/: the packaged app has no node_modules.
  const capstoneWasm = path.join(path.dirname(createRequire(import.meta.url).resolve('capstone-wasm')), 'capstone.wasm');
  copyFileSync(capstoneWasm, path.join(root, 'dist/capstone.wasm'));
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

/**
 * The CLI, split (ESM chunks in dist/cli/): each command is its own chunk, loaded when it
 * runs, so `bringup --version` pays for none of them and `bringup info` not for the server,
 * the SVD parser or the diagnosis tables. dist/cli.js stays the entry everything spawns (a
 * CommonJS line that imports dist/cli/main.mjs). Each chunk gets `require` (for bundled
 * CommonJS packages such as ws) and `__dirname` = dist/, as in a single dist/cli.js bundle,
 * so paths.ts, serve/static.ts and svd/load.ts find assets, the renderer and the workers.
 * The command list --help prints is written to dist/cli/commands.json.
 */
async function buildCli() {
  const outdir = path.join(root, 'dist/cli');
  rmSync(outdir, { recursive: true, force: true });
  rmSync(path.join(root, 'dist/cli.js.map'), { force: true });
  const banner = [
    "import { createRequire as __bringupCreateRequire } from 'node:module';",
    "import { fileURLToPath as __bringupFileURLToPath } from 'node:url';",
    'const require = __bringupCreateRequire(import.meta.url);',
    "const __dirname = __bringupFileURLToPath(new URL('..', import.meta.url)).replace(/[\\\\/]$/, '');",
    "const __filename = __dirname + '/cli.js';",
  ].join('\n');
  await esbuild({
    entryPoints: { main: path.join(root, 'main/cli.ts') },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: banner },
    sourcemap: true,
    external: ['electron', 'bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(root, 'dist/cli.js'),
    "'use strict';\n// The bringup CLI: its chunks are in ./cli (scripts/build.mjs, buildCli).\n" +
      "import(require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli', 'main.mjs')).href);\n",
  );
  const listing = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--commands-json'], { encoding: 'utf8' });
  writeFileSync(path.join(outdir, 'commands.json'), listing);
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
