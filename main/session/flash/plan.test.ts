import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../openocd/errors';
import { combineFlashInfo } from './parse';
import { planChunks, planErase, sectorsCovering, sectorsForRange, splitByBank, type BankPiece } from './plan';
import { INFO_0, INFO_0_SECTORS } from './recorded-0.12';

const bank0 = combineFlashInfo(INFO_0_SECTORS, INFO_0); // 64 x 1 KiB at 0x08000000
const BASE = 0x08000000;
const seg = (address: number, length: number, value = 0xab) => ({ address, data: new Uint8Array(length).fill(value) });

describe('splitByBank', () => {
  it('keeps flash bytes and names bytes outside flash', () => {
    expect(splitByBank([seg(BASE + 10, 100)], [bank0], 'a.hex')).toHaveLength(1);
    const err = (() => {
      try {
        splitByBank([seg(BASE + 0xff00, 0x200)], [bank0], 'fw.elf');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toBe(
      'fw.elf: 256 bytes at 0x08010000..0x080100ff are outside flash (bank 0 (stm32f1x) 0x08000000..0x0800ffff)',
    );
  });
});

describe('planErase: only the sectors the image touches', () => {
  it('erases the pages under each segment, grouped up to the group size', () => {
    const pieces = splitByBank([seg(BASE + 0x3ff, 2), seg(BASE + 0x2000, 0x1801)], [bank0], 'x');
    // 0x3ff..0x400 touches pages 0 and 1; 0x2000..0x3800 touches pages 8..14.
    expect(planErase(pieces, [bank0], 4096)).toEqual([
      { bank: 0, first: 0, last: 1, bytes: 2048 },
      { bank: 0, first: 8, last: 11, bytes: 4096 },
      { bank: 0, first: 12, last: 14, bytes: 3072 },
    ]);
  });

  it('a whole-bank image is one erase command (the driver mass-erases, as `program` does)', () => {
    const pieces = splitByBank([seg(BASE, 0x10000)], [bank0], 'x');
    expect(planErase(pieces, [bank0], 4096)).toEqual([{ bank: 0, first: 0, last: 63, bytes: 0x10000 }]);
  });

  it('erases a page once when two segments share it', () => {
    const pieces = splitByBank([seg(BASE, 16), seg(BASE + 0x100, 16)], [bank0], 'x');
    expect(planErase(pieces, [bank0], 4096)).toEqual([{ bank: 0, first: 0, last: 0, bytes: 1024 }]);
  });
});

describe('planChunks', () => {
  const opts = { chunkSize: 4096, align: 32, fill: 0xff };
  const piece = (address: number, length: number, value = 1): BankPiece => ({ bank: 0, address, data: new Uint8Array(length).fill(value) });

  it('cuts a long run at aligned addresses into chunks of at most chunkSize', () => {
    const chunks = planChunks([piece(BASE + 0x10, 10000)], opts);
    expect(chunks.map((c) => [c.address - BASE, c.data.length])).toEqual([[0x10, 4080], [0x1000, 4096], [0x2000, 1824]]);
    expect(chunks.reduce((a, c) => a + c.imageBytes, 0)).toBe(10000);
  });

  it('joins pieces that share a write unit, filling the gap with the erased value', () => {
    const chunks = planChunks([piece(BASE, 10, 1), piece(BASE + 20, 4, 2), piece(BASE + 64, 4, 3)], opts);
    expect(chunks).toHaveLength(2);
    expect(Array.from(chunks[0]!.data)).toEqual([...Array(10).fill(1), ...Array(10).fill(0xff), 2, 2, 2, 2]);
    expect(chunks[0]!.imageBytes).toBe(14);
    expect(chunks[1]).toMatchObject({ address: BASE + 64, imageBytes: 4 });
  });

  it('never lets two chunks touch the same write unit', () => {
    const chunks = planChunks([piece(BASE + 5, 3000), piece(BASE + 3010, 7000), piece(BASE + 20000, 3)], opts);
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1]!;
      expect(Math.floor((prev.address + prev.data.length - 1) / 32)).toBeLessThan(Math.floor(chunks[i]!.address / 32));
    }
  });
});

describe('erase range checks', () => {
  it('accepts sector-aligned ranges and names the sector of a misaligned end', () => {
    expect(sectorsForRange(BASE + 0x800, 0x800, bank0)).toEqual({ first: 2, last: 3 });
    expect(() => sectorsForRange(BASE + 0x100, 0x400, bank0)).toThrow(
      'erase range start 0x08000100 is not on a sector boundary of bank 0 (sector 0 spans 0x08000000..0x080003ff)',
    );
    expect(() => sectorsForRange(BASE, 0x401, bank0)).toThrow(/erase range end 0x08000401 is not on a sector boundary .*sector 1 spans/);
    expect(() => sectorsForRange(BASE + 0xfc00, 0x800, bank0)).toThrow(/outside flash bank 0/);
    expect(sectorsCovering(BASE + 0x100, 0x400, bank0)).toEqual({ first: 0, last: 1 });
  });
});
