// Image files (.bin, Intel .hex, .elf, Motorola .s19/.srec) parsed into one normalized shape.
export type { Image, ImageFormat, ImageSegment } from './types';
export { imageSize } from './types';
export { normalizeSegments } from './normalize';
export { detectFormat, formatFromExtension, sniffFormat } from './detect';
export { parseIntelHex } from './ihex';
export { parseSrec } from './srec';
export { parseElf } from './elf';
export { parseImage, loadImageFile, type ImageLoadOptions } from './load';
