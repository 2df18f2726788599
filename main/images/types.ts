// The normalized in-memory form every image file format parses into. Flash
// programming only ever sees this shape, never a file format.

export type ImageFormat = 'bin' | 'ihex' | 'srec' | 'elf';

export interface ImageSegment {
  /** Load address (for ELF: the LMA, p_paddr) where the bytes go in target memory. */
  address: number;
  data: Uint8Array;
}

export interface Image {
  /** Sorted by address, adjacent runs merged, no overlaps (see normalizeSegments). */
  segments: ImageSegment[];
  format: ImageFormat;
  /** Where the bytes came from (a file path or a caller-given name), used in messages. */
  source: string;
  /** Start/entry address when the format carries one (ihex 03/05, srec S7-S9, ELF e_entry). */
  entry?: number;
}

/** Total number of data bytes in the image (gaps excluded). */
export function imageSize(image: Pick<Image, 'segments'>): number {
  let n = 0;
  for (const s of image.segments) n += s.data.length;
  return n;
}

export { formatAddress as hex32 } from '../../shared/hex';
