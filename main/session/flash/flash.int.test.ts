// Flash against real OpenOCD 0.12 and the virtual STM32F103C8 (64 x 1 KiB pages at
// 0x08000000, programmed half-word by half-word: about 1-3 KiB/s, so images are small).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlashError, ValidationError } from '../../openocd/errors';
import { parseImage } from '../../images/load';
import { randomBytes, writeElf, writeIntelHex } from '../../images/test-support/writers';
import { Flash } from './flash';
import { startRig, type Rig } from './test-support';
import type { FlashEvent, FlashPhase, FlashProgressEvent } from './types';

const BASE = 0x08000000;
let rig: Rig;
let flash: Flash;
let dir: string;
let chunkDir: string;

beforeAll(async () => {
  rig = await startRig();
  dir = await mkdtemp(join(tmpdir(), 'flash-int-'));
  chunkDir = await mkdtemp(join(tmpdir(), 'flash-chunks-'));
  flash = new Flash(rig.client, { tempDir: chunkDir });
});

afterAll(async () => {
  await rig?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (chunkDir) await rm(chunkDir, { recursive: true, force: true });
});

function collect(): { events: FlashEvent[]; onEvent: (e: FlashEvent) => void; progress: (p: FlashPhase) => FlashProgressEvent[] } {
  const events: FlashEvent[] = [];
  return {
    events,
    onEvent: (e) => events.push(e),
    progress: (p) => events.filter((e): e is FlashProgressEvent => e.type === 'progress' && e.phase === p),
  };
}

describe('flash on the virtual board', () => {
  const firmware = randomBytes(16 * 1024, 42);

  it('reports the bank: 64 one-KiB pages in 16 protection blocks', async () => {
    const info = await flash.info(0);
    expect(info).toMatchObject({ driver: 'stm32f1x', base: BASE, size: 0x10000 });
    expect(info.sectors).toHaveLength(64);
    expect(info.protectionBlocks).toHaveLength(16);
    expect(info.sectors.every((s) => s.size === 1024 && s.protected === false)).toBe(true);
    expect((await flash.banks())[0]).toMatchObject({ name: 'stm32f1x.flash', driver: 'stm32f1x', size: 0x10000 });
  });

  it('programs a 16 KiB .bin with monotonic progress per phase, verifies it, and removes its temp files', async () => {
    const c = collect();
    // Groups pinned to one 4 KiB chunk: the event count no longer depends on how fast the machine is.
    const paced = new Flash(rig.client, { tempDir: chunkDir, pace: { maxGroup: 4096 } });
    const result = await paced.program(parseImage(firmware, 'fw.bin', { address: BASE }), { onEvent: c.onEvent });
    expect(result).toMatchObject({ type: 'done', bytes: 16384, erasedSectors: 16, verify: { ok: true, bytes: 16384 } });
    for (const phase of ['erase', 'program', 'verify'] as const) {
      const p = c.progress(phase);
      expect(p.length).toBeGreaterThan(1);
      for (let i = 1; i < p.length; i++) expect(p[i]!.done).toBeGreaterThanOrEqual(p[i - 1]!.done);
      expect(p[p.length - 1]!.done).toBe(p[0]!.total);
    }
    expect(c.progress('program').map((e) => e.done)).toEqual([0, 4096, 8192, 12288, 16384]); // one event per 4 KiB chunk
    expect(c.events[c.events.length - 1]).toBe(result);
    expect(await readdir(chunkDir)).toEqual([]);
  });

  it('reads the flash back identically, into a file too', async () => {
    const file = join(dir, 'dump.bin');
    const back = await flash.read(BASE, firmware.length, { file });
    expect(Buffer.compare(back, Buffer.from(firmware))).toBe(0);
    expect(Buffer.compare(await readFile(file), Buffer.from(firmware))).toBe(0);
  });

  it('verify finds the first differing byte after one word is rewritten with flash fillw', async () => {
    const at = BASE + 0x1000;
    await rig.client.command('halt');
    await flash.eraseSectors(0, 4, 4);
    const word = (firmware[0x1000]! | ((firmware[0x1001]! ^ 0xff) << 8) | (firmware[0x1002]! << 16) | (firmware[0x1003]! << 24)) >>> 0;
    await rig.client.command(`flash fillw ${at} 0x${word.toString(16)} 1`);
    const v = await flash.verify(parseImage(firmware, 'fw.bin', { address: BASE }));
    expect(v).toEqual({ ok: false, firstMismatch: at + 1, expected: firmware[0x1001], actual: firmware[0x1001]! ^ 0xff });
  });

  it('programs .hex and .elf images at their own addresses and erases only the pages they touch', async () => {
    const a = randomBytes(1000, 1);
    const b = randomBytes(300, 2);
    const hexFile = join(dir, 'fw.hex');
    await writeFile(hexFile, writeIntelHex([{ address: BASE + 0x4000, data: a }, { address: BASE + 0x4c00, data: b }]));
    expect(await flash.programFile(hexFile)).toMatchObject({ type: 'done', erasedSectors: 2, verify: { ok: true } });

    const text = randomBytes(512, 3);
    const dataInit = randomBytes(64, 4);
    const elfFile = join(dir, 'fw.elf');
    await writeFile(elfFile, writeElf([{ paddr: BASE + 0x6000, data: text }, { paddr: BASE + 0x6200, vaddr: 0x20000000, data: dataInit }]));
    expect(await flash.programFile(elfFile)).toMatchObject({ type: 'done', bytes: 576, erasedSectors: 1, verify: { ok: true } });

    expect(Buffer.from(await flash.read(BASE + 0x4000, 1000)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(await flash.read(BASE + 0x4c00, 300)).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(await flash.read(BASE + 0x6200, 64)).equals(Buffer.from(dataInit))).toBe(true);
    // Page 5 lies in the gap between the .hex segments: not touched, so still erased.
    expect((await flash.read(BASE + 0x4400, 1024)).every((x) => x === 0xff)).toBe(true);
    // The .bin programmed earlier (pages 0-3) was not erased by these programs.
    expect(Buffer.from(await flash.read(BASE, 0x1000)).equals(Buffer.from(firmware.subarray(0, 0x1000)))).toBe(true);
  });

  it('cancels between chunks: final event cancelled, and says the flash is partly written', async () => {
    const ac = new AbortController();
    const c = collect();
    const result = await flash.program(parseImage(randomBytes(12 * 1024, 5), 'big.bin', { address: BASE + 0x8000 }), {
      signal: ac.signal,
      verify: true,
      onEvent: (e) => {
        c.onEvent(e);
        if (e.type === 'progress' && e.phase === 'program' && e.done > 0) ac.abort();
      },
    });
    expect(result).toMatchObject({ type: 'cancelled', phase: 'program', done: 4096, total: 12288 });
    expect(result.type === 'cancelled' && result.message).toMatch(/partly written/);
    expect(c.events[c.events.length - 1]).toEqual(result);
    expect(c.progress('verify')).toEqual([]);
    expect(await readdir(chunkDir)).toEqual([]);
  });

  it('rejects a bad image file before touching the target', async () => {
    const file = join(dir, 'bad.hex');
    const lines = writeIntelHex([{ address: BASE, data: randomBytes(64, 6) }]).split('\n');
    lines[2] = lines[2]!.slice(0, -2) + '00';
    await writeFile(file, lines.join('\n'));
    const err = await flash.programFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/bad\.hex: line 3: checksum/);
    const outside = await flash.program(parseImage(randomBytes(16), 'ram.bin', { address: 0x20000000 })).catch((e: unknown) => e);
    expect((outside as Error).message).toMatch(/ram\.bin: 16 bytes at 0x20000000\.\.0x2000000f are outside flash/);
  });

  it('erases an address range only on sector boundaries, with a clear error otherwise', async () => {
    await rig.client.command('halt');
    const err = await flash.eraseRange(BASE + 0x100, 0x400).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('erase range start 0x08000100 is not on a sector boundary of bank 0 (sector 0 spans 0x08000000..0x080003ff)');
    expect(await flash.eraseRange(BASE + 0x800, 0x800)).toEqual({ bank: 0, first: 2, last: 3 });
    expect((await flash.read(BASE + 0x800, 0x800)).every((x) => x === 0xff)).toBe(true);
    expect(Buffer.from(await flash.read(BASE + 0x400, 0x400)).equals(Buffer.from(firmware.subarray(0x400, 0x800)))).toBe(true);
  });

  it('fails with FlashError carrying OpenOCD\'s words when the pages are write-protected', async () => {
    rig.board.setFaults(['write-protected']);
    try {
      await rig.client.command('reset halt');
      const info = await flash.info(0);
      expect(info.protectionBlocks.some((b) => b.protected)).toBe(true);
      const err = await flash.program(parseImage(randomBytes(64), 'p.bin', { address: BASE }), { verify: false }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FlashError);
      expect((err as FlashError).message).toMatch(/erasing sectors 0-0 of bank 0 failed: .*stm32x device protected/s);
      // The option bytes tell it is write protection: the fix that keeps the firmware, as console commands.
      expect((err as FlashError).hint).toMatch(/write-protected.*`flash protect 0 0 15 off` then `reset halt`/);
      expect((err as FlashError).hint).not.toMatch(/unlock|Flash\.protect/);
    } finally {
      rig.board.setFaults([]);
    }
  });

  it('a read-protected chip gives a FlashError that points at read protection', async () => {
    rig.board.setFaults(['read-protected']);
    try {
      await rig.client.command('reset halt');
      expect((await flash.stm32f1x.optionsRead(0)).readProtection).toBe(true);
      const err = await flash.read(BASE, 64).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FlashError);
      expect((err as FlashError).message).toMatch(/reading 64 bytes at 0x08000000 failed/);
      expect((err as FlashError).hint).toMatch(/read-protected/);
      const events: FlashEvent[] = [];
      const prog = await flash.program(parseImage(randomBytes(64), 'p.bin', { address: BASE }), { verify: false, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
      expect(prog).toBeInstanceOf(FlashError);
      expect((prog as FlashError).hint).toMatch(/^The chip is read-protected.*`stm32f1x unlock 0` then `reset halt`.*mass-erases/);
      expect(events.at(-1)).toMatchObject({ type: 'failed', error: { hint: (prog as FlashError).hint } });
    } finally {
      rig.board.setFaults([]);
    }
  });

  it('a bank that does not exist is named, with the banks there are', async () => {
    for (const call of [() => flash.eraseAll(3), () => flash.info(3)]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).message).toBe('flash bank 3 does not exist');
      expect((err as ValidationError).hint).toBe('Flash banks: #0 stm32f1x 0x08000000..0x0800ffff');
    }
  });

  it('mass-erases bank 0 through the stm32f1x driver', async () => {
    await rig.client.command('reset halt');
    expect(await flash.eraseAll(0)).toEqual({ method: 'mass_erase' });
    expect((await flash.read(BASE, 0x2000)).every((x) => x === 0xff)).toBe(true);
    expect((await flash.stm32f1x.optionsRead(0)).readProtection).toBe(false);
  });
});
