// Reading an SVD file from disk and parsing it, with errors that name the file.
// Shared by the worker and the in-process fallback so both fail the same way.
import { readFile } from 'node:fs/promises';
import { SVDError } from '../../openocd/errors';
import { parseSvd } from './build';
import type { SvdDevice } from './types';

export async function readSvdText(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new SVDError(`SVD file ${filePath}: ${why}`, { cause: err });
  }
}

export async function parseSvdFile(filePath: string): Promise<SvdDevice> {
  return parseSvd(await readSvdText(filePath), filePath);
}
