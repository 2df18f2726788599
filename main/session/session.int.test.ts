// The Session against the real OpenOCD 0.12 driving the virtual board (one OpenOCD +
// board for the whole file): run control, memory, registers, breakpoints.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { BreakpointError, TargetError, TargetNotHaltedError, TimeoutError } from '../openocd/errors';
import type { TargetEvent } from '../openocd/controller-api';
import type { TargetEventName } from './target';
import { Session } from './session';

const SRAM = 0x20000000;
const SRAM_SIZE = 20 * 1024;
const UNMAPPED = 0x60000000;

let session: Session;
let tmp: string;

beforeAll(async () => {
  session = await Session.start(VBOARD_PROFILE);
  tmp = await mkdtemp(path.join(tmpdir(), 'bw-session-'));
});

afterAll(async () => {
  await session?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Resolves with the next event of that kind (the notifications socket is asynchronous). */
function nextEvent(name: TargetEventName): Promise<TargetEvent> {
  return new Promise((resolve) => {
    const off = session.target.on(name, (e) => {
      off();
      resolve(e);
    });
  });
}

describe('target', () => {
  it('halts, resumes and reports each through state() and events', async () => {
    await session.target.resume().catch(() => undefined); // whatever state the board came up in
    const halted = nextEvent('halted');
    expect(await session.target.halt()).toBe('halted');
    expect((await halted).name).toBe('halted');

    const resumed = nextEvent('resumed');
    await session.target.resume();
    await resumed;
    expect(await session.target.state()).toBe('running');
  });

  it('waitHalt on a running core times out with TimeoutError', async () => {
    expect(await session.target.state()).toBe('running');
    const err = await session.target.waitHalt(200).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).openocdText).toContain('timed out while waiting for target halted');
  });

  it('step on a running core is TargetNotHaltedError from OpenOCD', async () => {
    const err = await session.target.step().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetNotHaltedError);
    expect((err as TargetNotHaltedError).openocdText).toContain('target not halted');
  });

  it('reset halt stops at the reset vector; reset run runs', async () => {
    const reset = nextEvent('reset');
    await session.target.reset('halt');
    await reset;
    expect(await session.target.state()).toBe('halted');
    await session.target.reset('run');
    expect(await session.target.state()).toBe('running');
  });

  // The virtual board has no instruction engine yet: C_STEP leaves its core running.
  it('step from halted executes one instruction and halts again', async () => {
    await session.target.halt();
    const before = await session.registers.pc();
    await session.target.step();
    expect(await session.target.state()).toBe('halted');
    // The board runs its blink firmware: one instruction moves the PC.
    expect(await session.registers.pc()).not.toBe(before);
  });
});

describe('memory', () => {
  it('round-trips every width in SRAM', async () => {
    const m = session.memory;
    await m.writeU8(SRAM + 1, [0x11, 0x22, 0x33]);
    expect(await m.readU8(SRAM + 1, 3)).toEqual([0x11, 0x22, 0x33]);
    await m.writeU16(SRAM + 0x10, [0xbeef, 0xcafe]);
    expect(await m.readU16(SRAM + 0x10, 2)).toEqual([0xbeef, 0xcafe]);
    await m.writeU32(SRAM + 0x20, [0xdeadbeef, 0x01234567]);
    expect(await m.readU32(SRAM + 0x20, 2)).toEqual([0xdeadbeef, 0x01234567]);
    await m.writeU64(SRAM + 0x30, 0x0123456789abcdefn);
    expect(await m.readU64(SRAM + 0x30)).toBe(0x0123456789abcdefn);
    expect(await m.readU32(SRAM + 0x30)).toBe(0x89abcdef); // little-endian target
  });

  it('writes and reads back 16 KB of random bytes at an unaligned address', async () => {
    const data = new Uint8Array(16 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919 + 13) & 0xff;
    await session.memory.writeBytes(SRAM + 0x801, data);
    const back = await session.memory.readBytes(SRAM + 0x801, data.length);
    expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
  });

  it('fills, searches and hexdumps', async () => {
    const m = session.memory;
    await m.fill(SRAM + 0x100, 0x100, 0);
    await m.writeBytes(SRAM + 0x123, new TextEncoder().encode('BringUp!'));
    expect(await m.search(SRAM, SRAM_SIZE, 'BringUp!')).toContain(SRAM + 0x123);
    expect(await m.search(SRAM + 0x100, 0x100, [0x42, 0x72, 0x69])).toEqual([SRAM + 0x123]);
    await m.fill(SRAM + 0x101, 3, 0xee);
    expect(await m.readU8(SRAM + 0x100, 5)).toEqual([0, 0xee, 0xee, 0xee, 0]);
    const text = await m.hexdump(SRAM + 0x120, 16);
    expect(text).toBe('20000120  00 00 00 42 72 69 6e 67  55 70 21 00 00 00 00 00  |...BringUp!.....|');
  });

  it('dumps to a file and loads it back', async () => {
    const file = path.join(tmp, 'sram.bin');
    expect(await session.memory.dump(SRAM + 0x120, 32, file)).toBe(32);
    expect((await readFile(file)).subarray(3, 11).toString()).toBe('BringUp!');
    await writeFile(file, Buffer.from('loaded from a file'));
    expect(await session.memory.load(file, SRAM + 0x200)).toBe(18);
    expect(new TextDecoder().decode(await session.memory.readBytes(SRAM + 0x200, 18))).toBe('loaded from a file');
  });

  it('an unmapped address is a TargetError naming it, with OpenOCD text', async () => {
    const err = await session.memory.readU32(UNMAPPED).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect((err as TargetError).message).toContain('0x60000000');
    expect((err as TargetError).openocdText).toContain('read_memory: failed to read memory');
    const werr = await session.memory.writeU32(UNMAPPED, 1).catch((e: unknown) => e);
    expect(werr).toBeInstanceOf(TargetError);
    expect((werr as TargetError).openocdText).toContain('Failed to write memory at 0x6000000');
    // The session is still usable afterwards.
    expect(await session.memory.readU32(SRAM + 0x20)).toBe(0xdeadbeef);
  });
});

describe('registers', () => {
  it('reads and writes registers on a halted core', async () => {
    await session.target.halt();
    const groups = await session.registers.readAll();
    const core = groups.find((g) => g.name === 'arm v7m registers');
    const pcInList = core?.registers.find((r) => r.name === 'pc')?.value;
    expect(pcInList).not.toBeNull();
    expect(BigInt(await session.registers.pc())).toBe(pcInList);
    expect(await session.registers.sp()).toBe(Number(core?.registers.find((r) => r.name === 'sp')?.value));
    await session.registers.write('r0', 0x12345678);
    await session.registers.write('r1', 0xcafef00dn);
    expect(await session.registers.readMany(['r0', 'r1'])).toEqual({ r0: 0x12345678, r1: 0xcafef00d });
  });

  it('a running core gives TargetNotHaltedError from the real reply', async () => {
    await session.target.resume();
    const err = await session.registers.read('pc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetNotHaltedError);
    expect((err as TargetNotHaltedError).openocdText).toContain("Could not read register 'pc'");
    await expect(session.registers.readAll()).rejects.toThrow(TargetNotHaltedError);
    await expect(session.registers.write('r0', 1)).rejects.toThrow(TargetNotHaltedError);
  });
});

describe('breakpoints and watchpoints', () => {
  beforeAll(async () => {
    await session.target.halt();
  });

  it('adds, lists and removes breakpoints', async () => {
    const bp = session.breakpoints;
    await bp.add(0x08000100, 2, { hardware: true });
    await bp.add(SRAM + 0x400, 2);
    const list = await bp.list();
    expect(list).toEqual([
      { address: 0x08000100, length: 2, kind: 'hardware', number: 0 },
      expect.objectContaining({ address: SRAM + 0x400, length: 2, kind: 'software' }),
    ]);
    const dup = await bp.add(0x08000100, 2, { hardware: true }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(BreakpointError);
    expect((dup as BreakpointError).openocdText).toContain('Duplicate Breakpoint address: 0x08000100');
    await bp.remove(0x08000100);
    await expect(bp.remove(0x08000100)).rejects.toThrow(/no breakpoint at address 0x08000100 found/);
    await bp.removeAll();
    expect(await bp.list()).toEqual([]);
  });

  it('adds, lists and removes watchpoints', async () => {
    const bp = session.breakpoints;
    await bp.addWatchpoint(SRAM + 0x100, 4, 'w');
    await bp.addWatchpoint(SRAM + 0x200, 2, 'r');
    expect(await bp.listWatchpoints()).toEqual([
      { address: SRAM + 0x100, length: 4, access: 'w', value: 0, mask: 0xffffffff },
      { address: SRAM + 0x200, length: 2, access: 'r', value: 0, mask: 0xffffffff },
    ]);
    await bp.removeWatchpoint(SRAM + 0x100);
    await expect(bp.removeWatchpoint(SRAM + 0x100)).rejects.toThrow(BreakpointError);
    await bp.removeAllWatchpoints();
    expect(await bp.listWatchpoints()).toEqual([]);
  });

  it('a watchpoint the Cortex-M DWT cannot do says why, not "comparators in use"', async () => {
    const err = await session.breakpoints.addWatchpoint(SRAM + 0x100, 3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BreakpointError);
    expect((err as BreakpointError).message).toMatch(/power of two/);
    await expect(session.breakpoints.addWatchpoint(SRAM + 0x100, 4, 'w', { value: 1, mask: 0xff })).rejects.toThrow(/value or mask/);
    expect(await session.breakpoints.listWatchpoints()).toEqual([]);
  });

  it('running out of comparators is BreakpointError with OpenOCD text', async () => {
    const bp = session.breakpoints;
    let err: unknown;
    // Cortex-M3 has 6 FPB code comparators; the 7th hardware breakpoint must fail.
    for (let i = 0; i < 8 && !err; i++) err = await bp.add(0x08000000 + i * 4, 2, { hardware: true }).catch((e: unknown) => e);
    await bp.removeAll();
    expect(err).toBeInstanceOf(BreakpointError);
    expect((err as BreakpointError).message).toMatch(/cannot add breakpoint at 0x[0-9a-f]+: .+/);
  });
});

describe('svd', () => {
  // ST's SVD beside the repo (../shared/svd), decoded against the board's real registers.
  const f103 = path.resolve(__dirname, '../../../shared/svd/STM32F103.svd');

  it('refuses register reads before an SVD file is loaded', async () => {
    const fresh = Session.fromController(session.controller!);
    expect(() => fresh.svd.model).toThrow(/No SVD file loaded/);
  });

  it.skipIf(!existsSync(f103))('reads DBGMCU_IDCODE decoded by name, and read-modify-writes one GPIOC field', async () => {
    await session.svd.load(f103);
    const id = await session.svd.readRegister('DBG.IDCODE');
    expect(id.address).toBe(0xe0042000);
    const field = (name: string): number | null | undefined => id.fields.find((f) => f.name === name)?.value;
    expect(field('DEV_ID')).toBe(0x410); // STM32F10x medium density
    expect(field('REV_ID')).toBe(0x2003);

    const odr = 0x4001100c; // GPIOC.ODR
    await session.memory.writeU32(odr, 0x00000001);
    await session.svd.writeField('GPIOC.ODR.ODR13', 1);
    expect(await session.memory.readU32(odr)).toBe(0x00002001); // bit 13 set, bit 0 kept
    const decoded = await session.svd.readRegister('GPIOC.ODR');
    expect(decoded.fields.find((f) => f.name === 'ODR13')?.value).toBe(1);
  });
});
