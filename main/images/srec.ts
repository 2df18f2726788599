// Motorola S-records (S0-S9). S1/S2/S3 carry data with 16/24/32-bit addresses,
// S5/S6 a record count, S7/S8/S9 the start address. Errors name file and line.
import { ValidationError } from '../openocd/errors';
import { normalizeSegments, SegmentCollector } from './normalize';
import type { Image } from './types';
import { parseHexBytes } from './text-records';

/** Address width in bytes for each record type; S4 is reserved and rejected. */
const ADDRESS_BYTES: Record<string, number> = { '0': 2, '1': 2, '2': 3, '3': 4, '5': 2, '6': 3, '7': 4, '8': 3, '9': 2 };

export function parseSrec(text: string, source: string): Image {
  const lines = text.split(/\r?\n/);
  const out = new SegmentCollector();
  let entry: number | undefined;
  let dataRecords = 0;
  let sawTermination = false;

  const fail = (lineNo: number, what: string, hint?: string): never => {
    throw new ValidationError(`${source}: line ${lineNo}: ${what}`, {
      hint: hint ?? 'The file is not a valid S-record file. Regenerate it (e.g. objcopy -O srec) or check it was not edited or truncated.',
    });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (sawTermination) break; // anything after S7/S8/S9 is not data
    if (line[0] !== 'S' && line[0] !== 's') fail(lineNo, `expected a record starting with 'S' but found "${line.slice(0, 16)}"`);
    const type = line[1] ?? '';
    const addrBytes = ADDRESS_BYTES[type];
    if (addrBytes === undefined) fail(lineNo, `unknown record type "S${type}" (S-records have S0-S3 and S5-S9)`);
    const bytes = parseHexBytes(line.slice(2), 3, (msg) => fail(lineNo, msg));
    if (bytes.length < 1) fail(lineNo, 'record has no byte count');
    const count = bytes[0]!;
    if (bytes.length !== count + 1) fail(lineNo, `record says ${count} bytes follow but holds ${bytes.length - 1}`);
    if (count < addrBytes! + 1) fail(lineNo, `record is too short for a ${addrBytes}-byte address and a checksum`);
    let sum = 0;
    for (let k = 0; k < bytes.length - 1; k++) sum += bytes[k]!;
    const expected = ~sum & 0xff;
    const actual = bytes[bytes.length - 1]!;
    if (expected !== actual) {
      fail(lineNo, `checksum is 0x${hex2(actual)} but the record adds up to 0x${hex2(expected)}`,
        'The line is corrupted (or was edited by hand). Regenerate the file from the build.');
    }
    let address = 0;
    for (let k = 0; k < addrBytes!; k++) address = address * 256 + bytes[1 + k]!;
    const data = bytes.subarray(1 + addrBytes!, bytes.length - 1);
    switch (type) {
      case '0':
        break; // header: a free-form name, not loaded
      case '1':
      case '2':
      case '3':
        out.add(address, data);
        dataRecords++;
        break;
      case '5':
      case '6':
        // Record count: a mismatch means records were lost (truncated or merged badly).
        if (address !== (dataRecords & (type === '5' ? 0xffff : 0xffffff))) {
          fail(lineNo, `record count says ${address} data records but the file has ${dataRecords} before it`);
        }
        break;
      default:
        entry = address;
        sawTermination = true;
    }
  }
  const image: Image = { format: 'srec', source, segments: normalizeSegments(out.segments(), source) };
  if (entry !== undefined) image.entry = entry;
  return image;
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
