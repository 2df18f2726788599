// Bounded reads (memory-read.ts) against the real OpenOCD and the virtual board: a 1 MiB
// read completes with progress and equals the board's memory; a cancel keeps a correct
// prefix; a range that runs off the end of flash keeps the flash it read; reads while the
// core runs (the blink firmware) answer every time, one after another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetError } from '../openocd/errors';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { readBounded, type ReadProgress } from './memory-read';
import { Session } from './session';

// The peripheral bit-band alias: its last 1 MiB shows each bit of the 32 KiB of peripherals
// at 0x4001c000 (up to RCC, the flash interface and CRC) as one word, 0 or 1. The
// STM32F103's one 1 MiB that is all readable, with content a direct read can check.
const ALIAS = 0x42000000 + 0x1c000 * 32;
const PERIPH = 0x4001c000;
const MIB = 1024 * 1024;

let session: Session;

beforeAll(async () => {
  session = await Session.start(VBOARD_PROFILE);
  await session.target.halt();
});

afterAll(async () => {
  await session?.close();
});

/** What the alias must read as: word k is bit k%8 of byte k/8 of the peripheral block. */
async function expectedAlias(words: number): Promise<Uint8Array> {
  const periph = await session.memory.readBytes(PERIPH, words / 8);
  const out = new Uint8Array(words * 4);
  for (let k = 0; k < words; k++) out[k * 4] = ((periph[k >> 3] as number) >> (k & 7)) & 1;
  return out;
}

/** Where two reads differ, as an alias address with both words (undefined when equal). */
function firstDifference(got: Uint8Array, want: Uint8Array): string | undefined {
  const gb = Buffer.from(got.buffer, got.byteOffset, got.byteLength);
  const wb = Buffer.from(want.buffer, want.byteOffset, want.byteLength);
  for (let i = 0; i + 4 <= Math.min(gb.length, wb.length); i += 4) {
    const g = gb.readUInt32LE(i);
    const w = wb.readUInt32LE(i);
    if (g !== w) return `at 0x${(ALIAS + i).toString(16)} (bit ${(i / 4) & 7} of 0x${(PERIPH + (i >> 5)).toString(16)}): read ${g}, expected ${w}`;
  }
  return got.length === want.length ? undefined : `length ${got.length}, expected ${want.length}`;
}

describe('bounded memory reads', () => {
  it('a 1 MiB read completes, reports progress up to the total, and equals the board memory', async () => {
    const progress: ReadProgress[] = [];
    const r = await readBounded(session.memory, ALIAS, MIB, { onProgress: (p) => progress.push(p) });
    expect(r.complete).toBe(true);
    expect(r.bytes.length).toBe(MIB);
    const expected = await expectedAlias(MIB / 4);
    expect(firstDifference(r.bytes, expected)).toBeUndefined();
    // Some bits are set (RCC's clock and ready flags): not an all-zero pass.
    expect(r.bytes.some((b) => b === 1)).toBe(true);
    expect(progress.length).toBeGreaterThan(16);
    expect(progress.at(-1)).toMatchObject({ done: MIB, total: MIB });
    for (let i = 1; i < progress.length; i++) expect((progress[i] as ReadProgress).done).toBeGreaterThan((progress[i - 1] as ReadProgress).done);
  });

  it('a cancel stops between chunks and keeps a correct prefix', async () => {
    const abort = new AbortController();
    const r = await readBounded(session.memory, ALIAS, MIB, {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.done >= 64 * 1024) abort.abort();
      },
    });
    expect(r.complete).toBe(false);
    if (r.complete) return;
    expect(r.reason).toBe('cancelled');
    expect(r.bytes.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(r.bytes.length).toBeLessThan(MIB);
    expect(firstDifference(r.bytes, await expectedAlias(r.bytes.length / 4))).toBeUndefined();
  });

  it('a range running off the end of flash keeps the 64 KiB of flash it read, and says where it stopped', async () => {
    const r = await readBounded(session.memory, 0x08000000, MIB);
    expect(r.complete).toBe(false);
    if (r.complete || r.reason !== 'failed') throw new Error('expected a failed read');
    expect(r.bytes.length).toBe(64 * 1024);
    expect(Buffer.from(r.bytes).equals(Buffer.from(await session.memory.readBytes(0x08000000, 64 * 1024)))).toBe(true);
    expect(r.error).toBeInstanceOf(TargetError);
    expect((r.error as Error).message).toContain('memory read at 0x08010000');
  });

  it('reads while the core runs answer every time (a second 64 KiB read_memory of flash does not hang)', async () => {
    await session.target.resume();
    expect(await session.target.state()).toBe('running');
    const flash = await session.memory.readBytes(0x08000000, 64 * 1024);
    for (let i = 0; i < 3; i++) {
      const again = await session.memory.readBytes(0x08000000, 64 * 1024);
      expect(Buffer.from(again).equals(Buffer.from(flash))).toBe(true);
    }
    await session.target.halt();
  });
});
