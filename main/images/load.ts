// Entry points: parse bytes already in memory, or read a file from disk.
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../openocd/errors';
import { detectFormat } from './detect';
import { parseElf } from './elf';
import { parseIntelHex } from './ihex';
import { normalizeSegments } from './normalize';
import { parseSrec } from './srec';
import type { Image, ImageFormat } from './types';

export interface ImageLoadOptions {
  /** Load address; required for raw binaries, rejected for formats that carry their own. */
  address?: number;
  /** Skip detection (e.g. a firmware named .dat). */
  format?: ImageFormat;
}

/** Parses an image held in memory; name is used for format detection and in messages. */
export function parseImage(bytes: Uint8Array, name: string, opts: ImageLoadOptions = {}): Image {
  const format = opts.format ?? detectFormat(name, bytes);
  if (format !== 'bin' && opts.address !== undefined) {
    throw new ValidationError(`${name}: a load address was given, but ${format} files carry their own addresses`, {
      hint: 'Leave the address out for .hex, .s19 and .elf files; it is only for .bin files.',
    });
  }
  let image: Image;
  switch (format) {
    case 'bin': {
      if (opts.address === undefined) {
        throw new ValidationError(`${name}: a raw binary has no addresses of its own`, {
          hint: 'Give the load address, e.g. 0x08000000 for the start of STM32 flash.',
        });
      }
      image = { format, source: name, segments: normalizeSegments([{ address: opts.address, data: bytes }], name) };
      break;
    }
    case 'ihex':
      image = parseIntelHex(decodeText(bytes), name);
      break;
    case 'srec':
      image = parseSrec(decodeText(bytes), name);
      break;
    case 'elf':
      image = parseElf(bytes, name);
      break;
  }
  if (image.segments.length === 0) {
    throw new ValidationError(`${name}: the image holds no bytes to program`, {
      hint: format === 'elf' ? 'The ELF has no loadable segments with file data; check the linker script.' : 'The file is empty.',
    });
  }
  return image;
}

export async function loadImageFile(path: string, opts: ImageLoadOptions = {}): Promise<Image> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ValidationError(`${path}: cannot read the image file (${code ?? String(err)})`, {
      hint: code === 'ENOENT' ? 'Check the path.' : code === 'EISDIR' ? 'That is a directory: give the image file inside it.' : 'Check the file permissions.',
      cause: err,
    });
  }
  return parseImage(bytes, path, opts);
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
