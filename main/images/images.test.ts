import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../openocd/errors';
import { detectFormat, loadImageFile, normalizeSegments, parseElf, parseImage, parseIntelHex, parseSrec } from './index';
import { ihexRecord, randomBytes, srecRecord, writeElf, writeIntelHex, writeSrec } from './test-support/writers';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

function expectValidation(fn: () => unknown, ...parts: (string | RegExp)[]): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const err = caught as ValidationError;
  for (const p of parts) expect(err.message).toMatch(p);
  expect(err.hint).toBeTruthy();
  return err;
}

describe('Intel HEX', () => {
  it('reads data across extended linear address records into merged segments', () => {
    const a = randomBytes(300, 7);
    const b = randomBytes(40, 9);
    // a crosses a 64 KiB boundary, so the writer emits a second 04 record mid-run.
    const text = writeIntelHex([{ address: 0x0800ff80, data: a }, { address: 0x20000000, data: b }], { entry: 0x08000101 });
    const img = parseIntelHex(text, 'fw.hex');
    expect(img.format).toBe('ihex');
    expect(img.entry).toBe(0x08000101);
    expect(img.segments.map((s) => s.address)).toEqual([0x0800ff80, 0x20000000]);
    expect(Array.from(img.segments[0]!.data)).toEqual(Array.from(a));
    expect(Array.from(img.segments[1]!.data)).toEqual(Array.from(b));
  });

  it('applies extended segment addresses (type 02) and start segment address (type 03)', () => {
    const text = [ihexRecord(0x02, 0, [0x10, 0x00]), ihexRecord(0x00, 0x0010, [1, 2, 3]), ihexRecord(0x03, 0, [0x00, 0x10, 0x00, 0x20]), ihexRecord(0x01, 0, [])].join('\r\n');
    const img = parseIntelHex(text, 'seg.hex');
    expect(img.segments).toEqual([{ address: 0x10010, data: bytes(1, 2, 3) }]);
    expect(img.entry).toBe(0x10 * 16 + 0x20);
  });

  it('names the line of a bad checksum', () => {
    const lines = writeIntelHex([{ address: 0x08000000, data: randomBytes(64) }]).split('\n');
    lines[2] = lines[2]!.slice(0, -2) + (lines[2]!.endsWith('00') ? '01' : '00');
    expectValidation(() => parseIntelHex(lines.join('\n'), 'fw.hex'), 'fw.hex', 'line 3', /checksum/);
  });

  it('rejects a truncated file, non-hex digits and unknown record types with the line', () => {
    const full = writeIntelHex([{ address: 0, data: randomBytes(64) }]);
    expectValidation(() => parseIntelHex(full.split('\n').slice(0, 3).join('\n'), 't.hex'), 't.hex', /truncated/);
    expectValidation(() => parseIntelHex(':10000000ZZ\n', 'z.hex'), 'line 1', /"Z" at column 10 is not a hex digit/);
    expectValidation(() => parseIntelHex(ihexRecord(0x07, 0, []) + '\n', 'u.hex'), 'line 1', /unknown record type 0x07/);
    expectValidation(() => parseIntelHex(':0300000001\n', 'l.hex'), 'line 1', /says 3 data bytes but holds 0/);
  });
});

describe('S-records', () => {
  it('reads S1, S2 and S3 data records and the start address', () => {
    const text = [srecRecord(0, 0, 2, [0x41]), srecRecord(1, 0x1000, 2, [1, 2]), srecRecord(2, 0x123456, 3, [3]), srecRecord(3, 0x08000000, 4, [4, 5]), srecRecord(5, 3, 2, []), srecRecord(9, 0x1000, 2, [])].join('\n');
    const img = parseSrec(text, 'a.s19');
    expect(img.segments).toEqual([
      { address: 0x1000, data: bytes(1, 2) },
      { address: 0x123456, data: bytes(3) },
      { address: 0x08000000, data: bytes(4, 5) },
    ]);
    expect(img.entry).toBe(0x1000);
  });

  it('round-trips a written file and checks the record count', () => {
    const data = randomBytes(1000, 3);
    const img = parseSrec(writeSrec([{ address: 0x08000400, data }], { entry: 0x08000401 }), 'b.srec');
    expect(img.segments).toHaveLength(1);
    expect(Array.from(img.segments[0]!.data)).toEqual(Array.from(data));
    expect(img.entry).toBe(0x08000401);
    const text = [srecRecord(1, 0, 2, [1]), srecRecord(5, 2, 2, [])].join('\n');
    expectValidation(() => parseSrec(text, 'c.s19'), 'line 2', /record count says 2/);
  });

  it('names the line of a bad checksum or unknown type', () => {
    const lines = writeSrec([{ address: 0, data: randomBytes(48) }]).split('\r\n');
    lines[1] = lines[1]!.slice(0, -2) + (lines[1]!.endsWith('FF') ? '00' : 'FF');
    expectValidation(() => parseSrec(lines.join('\n'), 'd.s19'), 'd.s19', 'line 2', /checksum/);
    expectValidation(() => parseSrec('S4030000FC\n', 'e.s19'), 'line 1', /unknown record type "S4"/);
  });
});

describe('ELF', () => {
  it('loads PT_LOAD segments with file bytes at their LMA (p_paddr)', () => {
    const text = randomBytes(512, 11);
    const dataInit = randomBytes(64, 12);
    const elf = writeElf(
      [
        { paddr: 0x08000000, data: text },
        // .data: runs from RAM, stored in flash right after .text
        { paddr: 0x08000200, vaddr: 0x20000000, data: dataInit },
        // .bss: no file bytes, never programmed
        { paddr: 0x20000040, data: new Uint8Array(0), extraMem: 256 },
        { type: 4 /* PT_NOTE */, paddr: 0x30000000, data: bytes(9, 9) },
      ],
      { entry: 0x08000101 },
    );
    const img = parseElf(elf, 'fw.elf');
    expect(img.entry).toBe(0x08000101);
    expect(img.segments).toHaveLength(1); // .text and .data's LMA touch: merged
    expect(img.segments[0]!.address).toBe(0x08000000);
    expect(Array.from(img.segments[0]!.data.subarray(0x200))).toEqual(Array.from(dataInit));
  });

  it('uses p_vaddr when every p_paddr is zero, like OpenOCD', () => {
    const elf = writeElf([{ paddr: 0, vaddr: 0x100, data: bytes(1) }, { paddr: 0, vaddr: 0x200, data: bytes(2) }]);
    expect(parseElf(elf, 'z.elf').segments.map((s) => s.address)).toEqual([0x100, 0x200]);
  });

  it('rejects 64-bit, big-endian, host and truncated files clearly', () => {
    const seg = [{ paddr: 0x08000000, data: randomBytes(16) }];
    expectValidation(() => parseElf(writeElf(seg, { cls: 2 }), 'x.elf'), 'x.elf', /64-bit/);
    expectValidation(() => parseElf(writeElf(seg, { order: 2 }), 'x.elf'), /big-endian/);
    expectValidation(() => parseElf(writeElf(seg, { machine: 3 }), 'x.elf'), /x86/);
    const full = writeElf(seg);
    expectValidation(() => parseElf(full.subarray(0, full.length - 4), 't.elf'), /truncated/);
    expectValidation(() => parseElf(full.subarray(0, 40), 't.elf'), /offset|truncated/);
  });
});

describe('normalization', () => {
  it('sorts, merges touching segments and rejects overlaps naming both ranges', () => {
    const merged = normalizeSegments(
      [{ address: 0x10, data: bytes(3) }, { address: 0x0e, data: bytes(1, 2) }, { address: 0x20, data: bytes(9) }],
      'm',
    );
    expect(merged).toEqual([{ address: 0x0e, data: bytes(1, 2, 3) }, { address: 0x20, data: bytes(9) }]);
    expectValidation(
      () => normalizeSegments([{ address: 0x10, data: bytes(1, 2, 3) }, { address: 0x12, data: bytes(4) }], 'o.hex'),
      'o.hex', /0x00000012\.\.0x00000012 overlaps data at 0x00000010\.\.0x00000012/,
    );
  });
});

describe('format detection and loading', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'images-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('goes by extension, then by content', () => {
    const hexText = new TextEncoder().encode(writeIntelHex([{ address: 0, data: bytes(1) }]));
    const srecText = new TextEncoder().encode(writeSrec([{ address: 0, data: bytes(1) }]));
    const elf = writeElf([{ paddr: 0, data: bytes(1) }]);
    expect(detectFormat('a.HEX', hexText)).toBe('ihex');
    expect(detectFormat('a.s19', srecText)).toBe('srec');
    expect(detectFormat('a.axf', elf)).toBe('elf');
    expect(detectFormat('firmware', hexText)).toBe('ihex');
    expect(detectFormat('firmware', srecText)).toBe('srec');
    expect(detectFormat('firmware', elf)).toBe('elf');
    expect(detectFormat('firmware', bytes(0, 0x50, 0, 0x20))).toBe('bin');
    expectValidation(() => detectFormat('fw.hex', elf), 'fw.hex', /not an Intel HEX file: it looks like ELF/);
    expectValidation(() => detectFormat('fw.bin', elf), /ELF executable/);
  });

  it('needs an address for .bin and refuses one for formats that carry their own', () => {
    expectValidation(() => parseImage(bytes(1, 2), 'a.bin'), 'a.bin', /no addresses/);
    expect(parseImage(bytes(1, 2), 'a.bin', { address: 0x08000000 }).segments).toEqual([{ address: 0x08000000, data: bytes(1, 2) }]);
    const hexText = new TextEncoder().encode(writeIntelHex([{ address: 0, data: bytes(1) }]));
    expectValidation(() => parseImage(hexText, 'a.hex', { address: 0x08000000 }), /carry their own addresses/);
    expectValidation(() => parseImage(new TextEncoder().encode(':00000001FF\n'), 'e.hex'), /no bytes/);
  });

  it('loads files from disk and reports unreadable ones', async () => {
    const data = randomBytes(4096, 5);
    await writeFile(join(dir, 'fw.srec'), writeSrec([{ address: 0x08001000, data }]));
    const img = await loadImageFile(join(dir, 'fw.srec'));
    expect(img.source).toBe(join(dir, 'fw.srec'));
    expect(Array.from(img.segments[0]!.data)).toEqual(Array.from(data));
    await expect(loadImageFile(join(dir, 'missing.hex'))).rejects.toThrow(/missing\.hex: cannot read the image file \(ENOENT\)/);
    await expect(loadImageFile(dir)).rejects.toMatchObject({ hint: expect.stringMatching(/is a directory/) });
  });
});
