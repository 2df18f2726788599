// Issue 15: after flashing, `reset run` (and `program … verify reset`) must leave the core
// running the new firmware, as a real Cortex-M3 does: its SysTick counts, the PC13 LED
// toggles and DHCSR.S_HALT is clear. Real OpenOCD 0.12 drives the virtual board.
// The image is the stock blink firmware with a different SysTick reload, so a running
// core is provably running the *new* image (SYST_RVR holds the new reload).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualBoard } from './api';
import { BLINK_RELOAD, defaultFirmware } from './default-firmware';
import { killOpenOcd, spawnOpenOcd, startBoard, TclRpc, type OpenOcdRun } from './test-support';

const DHCSR = 0xe000edf0;
const S_HALT = 1 << 17;
const SYST_RVR = 0xe000e014;
const SYST_CVR = 0xe000e018;
const NEW_RELOAD = 49_999; // toggles every 50 ms at the 1 MHz SysTick reference clock

let board: VirtualBoard;
let run: OpenOcdRun | undefined;
let rpc: TclRpc | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'vboard-reset-'));
const image = path.join(dir, 'fast-blink.bin');

beforeAll(async () => {
  const img = defaultFirmware();
  const dv = new DataView(img.buffer);
  let patched = 0;
  for (let off = 0; off + 4 <= img.length; off += 4) {
    if (dv.getUint32(off, true) !== BLINK_RELOAD) continue;
    dv.setUint32(off, NEW_RELOAD, true);
    patched++;
  }
  expect(patched).toBe(1);
  writeFileSync(image, img);
  board = await startBoard();
});
afterEach(async () => {
  rpc?.close();
  rpc = undefined;
  await killOpenOcd(run);
  run = undefined;
});
afterAll(async () => {
  await board.close();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(): Promise<TclRpc> {
  run = await spawnOpenOcd(board.port);
  rpc = await TclRpc.connect(run);
  return rpc;
}

async function word(t: TclRpc, addr: number): Promise<number> {
  const r = await t.cmd(`mdw 0x${addr.toString(16).padStart(8, '0')}`);
  return parseInt(r.split(':')[1]!.trim(), 16) >>> 0;
}

/** What a user sees of a running blink firmware: the core not halted, SysTick counting
 *  with the new reload, the LED changing. Waits (condition, not sleep) up to 3 s. */
async function expectRunningNewFirmware(t: TclRpc): Promise<void> {
  expect(await t.cmd('stm32f1x.cpu curstate')).toBe('running');
  expect((await word(t, DHCSR)) & S_HALT).toBe(0);
  expect(await word(t, SYST_RVR)).toBe(NEW_RELOAD);
  const cvr = new Set<number>();
  const led = new Set<boolean>();
  const deadline = Date.now() + 3000;
  while ((cvr.size < 2 || led.size < 2) && Date.now() < deadline) {
    cvr.add(await word(t, SYST_CVR));
    led.add(board.stats().ledOn);
  }
  expect(cvr.size).toBeGreaterThan(1); // SysTick counts
  expect([...led].sort()).toEqual([false, true]); // the LED toggled
  expect(board.stats().core).toBe('running');
}

describe('flash, then reset run: the new firmware runs', () => {
  it('program … verify reset', async () => {
    const t = await connect();
    const r = await t.capture(`program ${image} 0x08000000 verify reset`);
    expect(r, run!.log()).toEqual({ ok: true, out: '' });
    expect(run!.log()).toContain('** Verified OK **');
    await expectRunningNewFirmware(t);
  });

  it('reset halt, flash write_image, reset run (what `bringup flash --verify --reset` and the app do)', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('halted');
    const w = await t.capture(`flash write_image erase ${image} 0x08000000`);
    expect(w.ok, w.out).toBe(true);
    const v = await t.capture(`verify_image ${image} 0x08000000`);
    expect(v.ok, v.out).toBe(true);
    // The core sits on the flash loader's BKPT in SRAM now, halted with C_HALT set.
    await t.cmd('reset run');
    await expectRunningNewFirmware(t);
  });

  it('reset halt still stops on the reset vector (VC_CORERESET), and a later reset run runs', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('halted');
    expect((await t.cmd('reg pc')).trim()).toBe('pc (/32): 0x08000040');
    await t.cmd('reset run');
    await expectRunningNewFirmware(t);
  });
});
