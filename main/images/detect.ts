// Which parser a file needs: its extension first (what the user meant), then a
// look at the bytes, and a clear error when the two disagree.
import { ValidationError } from '../openocd/errors';
import { isElf } from './elf';
import type { ImageFormat } from './types';

const BY_EXTENSION: Record<string, ImageFormat> = {
  bin: 'bin', img: 'bin', raw: 'bin',
  hex: 'ihex', ihex: 'ihex', ihx: 'ihex', h86: 'ihex',
  elf: 'elf', axf: 'elf', out: 'elf',
  s19: 'srec', s28: 'srec', s37: 'srec', srec: 'srec', mot: 'srec', sx: 'srec', mhx: 'srec',
};

export function formatFromExtension(fileName: string): ImageFormat | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? BY_EXTENSION[m[1]!.toLowerCase()] : undefined;
}

/** What the content looks like, or undefined when it is just bytes (raw binary). */
export function sniffFormat(bytes: Uint8Array): Exclude<ImageFormat, 'bin'> | undefined {
  if (isElf(bytes)) return 'elf';
  // Text formats: first non-blank character, then a check that the head is all printable ASCII.
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  const first = bytes[i];
  const second = bytes[i + 1];
  const headIsText = (): boolean => {
    const end = Math.min(bytes.length, i + 512);
    for (let k = i; k < end; k++) {
      const b = bytes[k]!;
      if (b !== 0x0a && b !== 0x0d && b !== 0x09 && (b < 0x20 || b > 0x7e)) return false;
    }
    return true;
  };
  if (first === 0x3a /* : */ && headIsText()) return 'ihex';
  if ((first === 0x53 || first === 0x73) /* S */ && second !== undefined && second >= 0x30 && second <= 0x39 && headIsText()) return 'srec';
  return undefined;
}

const FORMAT_NAMES: Record<ImageFormat, string> = { bin: 'raw binary', ihex: 'Intel HEX', srec: 'Motorola S-record', elf: 'ELF' };

export function detectFormat(fileName: string, bytes: Uint8Array): ImageFormat {
  const byExt = formatFromExtension(fileName);
  const sniffed = sniffFormat(bytes);
  if (byExt === undefined) return sniffed ?? 'bin';
  if (byExt === 'bin') {
    // A raw binary can start with anything, except an ELF header: no vector table does.
    if (sniffed === 'elf') {
      throw new ValidationError(`${fileName}: offset 0: named as a raw binary but it is an ELF executable`, {
        hint: 'Rename it to .elf (or pass format "elf"), or convert it with objcopy -O binary.',
      });
    }
    return 'bin';
  }
  if (sniffed !== byExt) {
    const article = byExt === 'srec' ? 'a' : 'an';
    const looks = sniffed ? `it looks like ${FORMAT_NAMES[sniffed]}` : describeContent(bytes);
    throw new ValidationError(`${fileName}: not ${article} ${FORMAT_NAMES[byExt]} file: ${looks}`, {
      hint: `${EXPECTED[byExt]} Check that you picked the right file, or name it after its real format.`,
    });
  }
  return byExt;
}

/** What a file that is none of the known formats holds, in words: plain text (with its start) or other bytes. */
function describeContent(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const head = bytes.subarray(0, 512);
  const text = head.every((b) => b === 0x0a || b === 0x0d || b === 0x09 || (b >= 0x20 && b <= 0x7e));
  if (!text) return 'its content is neither ELF nor a text image format';
  const first = new TextDecoder().decode(head).trim().split(/\r?\n/)[0] ?? '';
  return `it is a plain text file (it starts "${first.length > 40 ? `${first.slice(0, 40)}…` : first}")`;
}

const EXPECTED: Record<Exclude<ImageFormat, 'bin'>, string> = {
  elf: 'An ELF file starts with the bytes 7f 45 4c 46 ("\\x7fELF"), as the linker writes it.',
  ihex: 'An Intel HEX file is text lines that start with ":".',
  srec: 'A Motorola S-record file is text lines that start with "S0".."S9".',
};
