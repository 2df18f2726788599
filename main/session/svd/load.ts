// Loading an SVD file without blocking the main process: a 4 MB SVD takes a few
// hundred ms of CPU to parse, which would freeze the IPC and log pumps. The bundled
// worker (dist/workers/svd-worker.js, built by scripts/build.mjs) reads and resolves
// the file and posts back the plain-data model (worker-client.ts keeps it warm).
// Running from source (vitest, dev) there is no bundled worker, so the same parse
// runs in process, asynchronously.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SvdModel } from './model';
import type { SvdDevice } from './types';
import { parseOnWorker } from './worker-client';

export interface LoadSvdOptions {
  /** The worker script to use; by default the bundled one next to the running bundle. */
  workerPath?: string;
  /** Parse on this thread even when a worker is available. */
  inProcess?: boolean;
}

/** The bundled worker, if this code runs from a bundle that has one beside it; never under vitest. */
export function bundledWorkerPath(): string | undefined {
  if (process.env['VITEST'] !== undefined) return undefined;
  if (typeof __dirname !== 'string') return undefined;
  // dist/cli.js -> dist/workers; dist/app/main.js and dist/bench/x.js -> ../workers.
  // In the packaged app a worker cannot start from inside app.asar: electron-builder.yml
  // unpacks dist/workers next to it (app.asar.unpacked).
  const base = __dirname.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  for (const candidate of [path.join(base, 'workers', 'svd-worker.js'), path.join(base, '..', 'workers', 'svd-worker.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Loads and resolves an SVD file, off the main thread when a worker is available. */
export async function loadSvdDevice(filePath: string, options: LoadSvdOptions = {}): Promise<SvdDevice> {
  const workerPath = options.inProcess === true ? undefined : (options.workerPath ?? bundledWorkerPath());
  if (workerPath === undefined) {
    // Yield once so callers that fire this and go on (UI, IPC) are not blocked synchronously.
    await new Promise<void>((resolve) => setImmediate(resolve));
    // The XML parser loads only here: a session that never parses an SVD in process
    // (every CLI command but svd, the bundled app with its worker) never loads it.
    const { parseSvdFile } = await import('./read');
    return parseSvdFile(filePath);
  }
  return parseOnWorker(workerPath, path.resolve(filePath), filePath);
}

export async function loadSvd(filePath: string, options: LoadSvdOptions = {}): Promise<SvdModel> {
  return new SvdModel(await loadSvdDevice(filePath, options));
}
