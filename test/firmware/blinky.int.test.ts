// Real compiled firmware on the virtual board: test/firmware/blinky built by
// arm-none-eabi-gcc at test time (-Og and -O2, newlib's memcpy/memset/snprintf),
// flashed as .elf, .bin and .hex through the real OpenOCD, and seen to run: SysTick
// advances the tick counter, PC13 toggles, RTT prints the counter; a deliberate jump to
// an address with no memory ends in HardFault with the fault status a Cortex-M3 sets.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageFile } from '../../main/images/load';
import { VBOARD_PROFILE } from '../../main/profiles/builtin';
import { LineTable } from '../../main/symbols/dwarf-lines';
import { Session } from '../../main/session/session';
import { buildBlinky, type BuiltFirmware } from './build';

const GPIOC_ODR = 0x4001100c;
let session: Session;
let og: BuiltFirmware;
let o2: BuiltFirmware;

beforeAll(async () => {
  og = buildBlinky('-Og');
  o2 = buildBlinky('-O2');
  session = await Session.start(VBOARD_PROFILE);
});

afterAll(async () => {
  await session?.close();
  for (const fw of [og, o2]) if (fw) rmSync(fw.dir, { recursive: true, force: true });
});

async function flashAndRun(file: string, address?: number): Promise<void> {
  const image = await loadImageFile(file, address === undefined ? {} : { address });
  const result = await session.flash.program(image, { verify: true, reset: true });
  expect(result).toMatchObject({ type: 'done', verify: { ok: true } });
}

/** Reads `addr` until `ok` holds for the value (the firmware runs on its own clock). */
async function until(addr: number, ok: (v: number) => boolean): Promise<number> {
  for (;;) {
    const v = await session.memory.readU32(addr);
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('compiled blinky on the virtual board', () => {
  it('its symbols read as arm-none-eabi-nm lists them', () => {
    const nm = execFileSync('arm-none-eabi-nm', [o2.elf], { encoding: 'utf8' });
    for (const name of ['main', 'SysTick_Handler', 'HardFault_Handler', 'ticks', 'toggles', '_SEGGER_RTT', 'memcpy', 'snprintf']) {
      const m = new RegExp(`^([0-9a-f]{8}) [TtBbDdRr] ${name}$`, 'm').exec(nm);
      expect(m, name).not.toBeNull();
      expect(o2.addr(name), name).toBe(parseInt(m![1]!, 16) & ~1);
    }
  });

  for (const kind of ['elf', 'bin', 'hex'] as const) {
    it(`flashed as .${kind} (-Og), it counts SysTick ticks and toggles PC13`, async () => {
      await flashAndRun(og[kind], kind === 'bin' ? 0x08000000 : undefined);
      const ticks = og.addr('ticks');
      const first = await until(ticks, (v) => v > 0);
      await until(ticks, (v) => v > first + 20);
      // .data was copied (blink_every = 10), .bss zeroed then counted: toggles follow ticks.
      expect(await session.memory.readU32(og.addr('blink_every'))).toBe(10);
      const toggles = await until(og.addr('toggles'), (v) => v >= 2);
      expect(toggles).toBeGreaterThanOrEqual(2);
      // The LED pin takes both levels while it runs.
      const seen = new Set<number>();
      while (seen.size < 2) seen.add(((await session.memory.readU32(GPIOC_ODR)) >>> 13) & 1);
      expect([...seen].sort()).toEqual([0, 1]);
      expect(session.controller?.virtualBoard()?.stats().core).toBe('running');
    });
  }

  it('the checked-in blinky.elf is what its source builds to (-Og)', () => {
    const rebuild = 'rebuild it: scripts/build-firmware.sh build -Og && cp build/blinky.elf test/firmware/blinky/';
    expect(Buffer.compare(readFileSync(og.elf), readFileSync(path.join(__dirname, 'blinky', 'blinky.elf'))), rebuild).toBe(0);
  });

  it('its DWARF lines read as arm-none-eabi-addr2line gives them', () => {
    const lines = LineTable.fromElf(readFileSync(o2.elf));
    for (const name of ['main', 'SysTick_Handler', 'HardFault_Handler', 'rtt_init', 'rtt_write', 'Reset_Handler']) {
      const a = o2.addr(name);
      for (const addr of [a, a + 2, a + 4]) {
        const theirs = execFileSync('arm-none-eabi-addr2line', ['-e', o2.elf, addr.toString(16)], { encoding: 'utf8' }).trim().replace(/ \(discriminator \d+\)$/, '');
        const ours = lines.lookup(addr);
        expect(ours, `${name} 0x${addr.toString(16)}`).toBeDefined();
        expect(theirs.replace(/^(\.\/)+/, ''), `${name} 0x${addr.toString(16)}`).toBe(`${ours!.file}:${ours!.line}`);
      }
    }
  });

  it('-Os: flashed as .elf, it runs too', async () => {
    const os = buildBlinky('-Os');
    try {
      await flashAndRun(os.elf);
      const first = await until(os.addr('ticks'), (v) => v > 0);
      await until(os.addr('toggles'), (v) => v >= 2);
      expect(await session.memory.readU32(os.addr('ticks'))).toBeGreaterThan(first);
    } finally {
      rmSync(os.dir, { recursive: true, force: true });
    }
  });

  it('-O2: prints the counter over RTT with newlib snprintf', async () => {
    await flashAndRun(o2.elf);
    await until(o2.addr('ticks'), (v) => v > 30);
    await session.rtt.setup(o2.addr('_SEGGER_RTT'), 64);
    const found = await session.rtt.start();
    expect(found.controlBlock).toBe(o2.addr('_SEGGER_RTT'));
    let text = '';
    while (!/tick \d+\n.*tick \d+\n/s.test(text)) text += (await session.rtt.read(0, 2000)).toString();
    const counts = [...text.matchAll(/tick (\d+)/g)].map((m) => Number(m[1]));
    expect(counts.every((n) => n % 10 === 0)).toBe(true);
    expect(counts[counts.length - 1]).toBeGreaterThan(counts[0]!);
    await session.rtt.stop();
  });

  it('a deliberate jump to 0x30000001 ends in HardFault: CFSR.IBUSERR, HFSR.FORCED', async () => {
    await flashAndRun(o2.elf);
    await until(o2.addr('ticks'), (v) => v > 0);
    expect(await session.memory.readU32(0xe000ed28)).toBe(0);
    await session.memory.writeU32(o2.addr('fault_request'), 1);
    await until(o2.addr('hardfault_count'), (v) => v === 1);
    expect(await session.target.halt()).toBe('halted');
    expect(await session.memory.readU32(0xe000ed28)).toBe(0x100); // CFSR: IBUSERR
    expect((await session.memory.readU32(0xe000ed2c)) >>> 0).toBe(0x40000000); // HFSR: FORCED
    expect(o2.symbols.lookup(await session.registers.pc())?.symbol.name).toBe('HardFault_Handler');
    // Stacked PC: the address it jumped to.
    const sp = await session.registers.sp();
    expect(await session.memory.readU32(sp + 24)).toBe(0x30000000);
    // CFSR is write-one-to-clear.
    await session.memory.writeU32(0xe000ed28, 0x100);
    expect(await session.memory.readU32(0xe000ed28)).toBe(0);
  });
});
