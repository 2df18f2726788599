// OpenOCD's flash commands only take files, so each write chunk goes through a temp
// file. One folder per operation, always removed (finally), whatever happened.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ChunkFiles {
  private constructor(private readonly dir: string) {}

  static async create(parent: string = tmpdir()): Promise<ChunkFiles> {
    return new ChunkFiles(await mkdtemp(join(parent, 'bringup-flash-')));
  }

  /** Writes the bytes to a fresh file and returns its path (forward slashes: fine for Tcl on every OS). */
  async write(index: number, data: Uint8Array, kind: 'chunk' | 'verify' = 'chunk'): Promise<string> {
    const path = join(this.dir, `${kind}-${index}.bin`);
    await writeFile(path, data);
    return path.replace(/\\/g, '/');
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Runs fn with a temp folder that is removed afterwards, also on error or cancel. */
export async function withChunkFiles<T>(parent: string | undefined, fn: (files: ChunkFiles) => Promise<T>): Promise<T> {
  const files = await ChunkFiles.create(parent);
  try {
    return await fn(files);
  } finally {
    await files.dispose();
  }
}
