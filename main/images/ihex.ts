// Intel HEX (record types 00-05). Every problem names the file and the line,
// because that is where a user (or their build script) has to look.
import { ValidationError } from '../openocd/errors';
import { normalizeSegments, SegmentCollector } from './normalize';
import type { Image } from './types';
import { parseHexBytes } from './text-records';

export function parseIntelHex(text: string, source: string): Image {
  const lines = text.split(/\r?\n/);
  const out = new SegmentCollector();
  // Upper address bits from record 04 (linear) or 02 (segment * 16).
  let base = 0;
  let segmentMode = false;
  let entry: number | undefined;
  let sawEof = false;

  const fail = (lineNo: number, what: string, hint?: string): never => {
    throw new ValidationError(`${source}: line ${lineNo}: ${what}`, {
      hint: hint ?? 'The file is not valid Intel HEX. Regenerate it (e.g. objcopy -O ihex) or check it was not edited or truncated.',
    });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (sawEof) break; // tools commonly append junk after the EOF record; it is never data
    if (line[0] !== ':') fail(lineNo, `expected a record starting with ':' but found "${line.slice(0, 16)}"`);
    const bytes = parseHexBytes(line.slice(1), 2, (msg) => fail(lineNo, msg));
    if (bytes.length < 5) fail(lineNo, 'record is too short (needs length, address, type and checksum)');
    const count = bytes[0]!;
    if (bytes.length !== count + 5) {
      fail(lineNo, `record says ${count} data bytes but holds ${bytes.length - 5}`);
    }
    let sum = 0;
    for (let k = 0; k < bytes.length - 1; k++) sum += bytes[k]!;
    const expected = (0x100 - (sum & 0xff)) & 0xff;
    const actual = bytes[bytes.length - 1]!;
    if (expected !== actual) {
      fail(lineNo, `checksum is 0x${hex2(actual)} but the record adds up to 0x${hex2(expected)}`,
        'The line is corrupted (or was edited by hand). Regenerate the file from the build.');
    }
    const offset = (bytes[1]! << 8) | bytes[2]!;
    const type = bytes[3]!;
    const data = bytes.subarray(4, 4 + count);
    switch (type) {
      case 0x00:
        if (segmentMode && offset + count > 0x10000) {
          // In segment mode the 16-bit offset wraps inside the 64 KiB segment.
          const first = 0x10000 - offset;
          out.add(base + offset, data.subarray(0, first));
          out.add(base, data.subarray(first));
        } else {
          out.add(base + offset, data);
        }
        break;
      case 0x01:
        sawEof = true;
        break;
      case 0x02:
        if (count !== 2) fail(lineNo, `extended segment address record must hold 2 bytes, holds ${count}`);
        base = ((data[0]! << 8) | data[1]!) * 16;
        segmentMode = true;
        break;
      case 0x03:
        if (count !== 4) fail(lineNo, `start segment address record must hold 4 bytes, holds ${count}`);
        // CS:IP, real-mode style; the physical address is CS*16+IP.
        entry = ((data[0]! << 8) | data[1]!) * 16 + ((data[2]! << 8) | data[3]!);
        break;
      case 0x04:
        if (count !== 2) fail(lineNo, `extended linear address record must hold 2 bytes, holds ${count}`);
        base = ((data[0]! << 8) | data[1]!) * 0x10000;
        segmentMode = false;
        break;
      case 0x05:
        if (count !== 4) fail(lineNo, `start linear address record must hold 4 bytes, holds ${count}`);
        entry = ((data[0]! << 24) | (data[1]! << 16) | (data[2]! << 8) | data[3]!) >>> 0;
        break;
      default:
        fail(lineNo, `unknown record type 0x${hex2(type)} (Intel HEX has types 00-05)`);
    }
  }
  if (!sawEof) {
    throw new ValidationError(`${source}: no end-of-file record (:00000001FF); the file looks truncated`, {
      hint: 'Copy or regenerate the complete file.',
    });
  }
  const image: Image = { format: 'ihex', source, segments: normalizeSegments(out.segments(), source) };
  if (entry !== undefined) image.entry = entry;
  return image;
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
