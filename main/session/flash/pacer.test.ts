import { describe, expect, it } from 'vitest';
import { joinChunks, joinSectorRuns, Pacer } from './pacer';

const chunk = (address: number, size: number, fill: number, bank = 0, imageBytes = size) => ({
  bank,
  address,
  data: new Uint8Array(size).fill(fill),
  imageBytes,
});

describe('Pacer', () => {
  it('starts with one base chunk, then sizes groups for about half a second each', () => {
    const p = new Pacer(4096);
    expect(p.next()).toBe(4096);
    p.record(4096, 100); // 40 KB/s: half a second is ~20 KB
    expect(p.next()).toBe(20480);
    p.record(20480, 2000); // slowed down: back towards the base
    expect(p.next()).toBe(4096);
  });

  it('never goes below the base chunk nor above 256 KiB', () => {
    const p = new Pacer(4096);
    p.record(4096, 10_000);
    expect(p.next()).toBe(4096);
    p.record(4096, 0.01);
    expect(p.next()).toBe(256 * 1024);
  });
});

describe('joinChunks', () => {
  it('joins chunks that continue each other, up to the byte budget', () => {
    const chunks = [chunk(0x08000000, 4096, 1), chunk(0x08001000, 4096, 2, 0, 4000), chunk(0x08002000, 4096, 3)];
    const g = joinChunks(chunks, 0, 8192);
    expect(g).toMatchObject({ address: 0x08000000, count: 2, imageBytes: 8096 });
    expect(g.data.length).toBe(8192);
    expect([g.data[0], g.data[4096], g.data[8191]]).toEqual([1, 2, 2]);
    expect(joinChunks(chunks, 2, 8192)).toMatchObject({ address: 0x08002000, count: 1 });
  });

  it('stops at a gap or at another bank, and always takes at least one chunk', () => {
    const gap = [chunk(0x08000000, 4096, 1), chunk(0x08002000, 4096, 2)];
    expect(joinChunks(gap, 0, 1 << 20).count).toBe(1);
    const banks = [chunk(0x08000000, 4096, 1, 0), chunk(0x08001000, 4096, 2, 1)];
    expect(joinChunks(banks, 0, 1 << 20).count).toBe(1);
    expect(joinChunks(banks, 0, 16).count).toBe(1);
  });
});

describe('joinSectorRuns', () => {
  it('joins erase groups whose sectors continue each other, within the budget', () => {
    const groups = [
      { bank: 0, first: 0, last: 3, bytes: 4096 },
      { bank: 0, first: 4, last: 7, bytes: 4096 },
      { bank: 0, first: 9, last: 9, bytes: 1024 },
    ];
    expect(joinSectorRuns(groups, 0, 8192)).toEqual({ bank: 0, first: 0, last: 7, bytes: 8192, count: 2 });
    expect(joinSectorRuns(groups, 0, 4096)).toEqual({ bank: 0, first: 0, last: 3, bytes: 4096, count: 1 });
    expect(joinSectorRuns(groups, 1, 1 << 20).count).toBe(1); // sector 8 is not erased: a gap
  });
});

describe('Pacer options', () => {
  it('takes the interval and the group bound from FlashOptions.pace', () => {
    const fixed = new Pacer(4096, { maxGroup: 4096 });
    fixed.record(4096, 0.01);
    expect(fixed.next()).toBe(4096);
    const quick = new Pacer(4096, { intervalMs: 100 });
    quick.record(4096, 10); // 400 KB/s for 100 ms: 40 KB, rounded down to whole chunks
    expect(quick.next()).toBe(40960);
  });
});
