// The virtual board driven by real OpenOCD 0.12 with the stock target/stm32f1x.cfg.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualBoard } from './api';
import { killOpenOcd, spawnOpenOcd, startBoard, TclRpc, type OpenOcdRun } from './test-support';

let board: VirtualBoard;
let run: OpenOcdRun | undefined;
let rpc: TclRpc | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'vboard-'));

beforeAll(async () => {
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

function image(name: string, size: number): { file: string; data: Buffer } {
  const data = randomBytes(size);
  // A valid vector table so the board boots into it after reset.
  data.writeUInt32LE(0x20005000, 0);
  data.writeUInt32LE(0x08000101, 4);
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return { file, data };
}

describe('virtual board under OpenOCD', () => {
  it('shows both TAPs in the scan chain and identifies the chip', async () => {
    const t = await connect();
    const chain = await t.cmd('scan_chain');
    expect(chain).toMatch(/stm32f1x\.cpu\s+Y\s+0x3ba00477\s+0x3ba00477\s+4\s+0x01\s+0x0f/);
    expect(chain).toMatch(/stm32f1x\.bs\s+Y\s+0x16410041\s+0x00000000\s+5\s+0x01\s+0x03/);
    expect(run!.log()).toContain('Cortex-M3 r1p1 processor detected');
    expect(run!.log()).toContain('target has 6 breakpoints, 4 watchpoints');
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('running');
  });

  it('reset halt stops at the reset vector; code written to SRAM runs to its BKPT', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('halted');
    const vec = await t.cmd('mdw 0x08000004');
    const resetVector = parseInt(vec.split(':')[1]!.trim(), 16);
    expect((await t.cmd('reg pc')).trim()).toBe(`pc (/32): 0x${((resetVector & ~1) >>> 0).toString(16).padStart(8, '0')}`);
    // movs r0, #42; adds r7, #1; bkpt #0
    await t.cmd('mwh 0x20000400 0x202a');
    await t.cmd('mwh 0x20000402 0x3701');
    await t.cmd('mwh 0x20000404 0xbe00');
    await t.cmd('reg pc 0x20000400');
    await t.cmd('reg r7 0xcafef00d');
    await t.cmd('resume');
    await t.cmd('wait_halt 2000');
    expect((await t.cmd('reg pc force')).trim()).toBe('pc (/32): 0x20000404');
    expect((await t.cmd('reg r0 force')).trim()).toBe('r0 (/32): 0x0000002a');
    expect((await t.cmd('reg r7 force')).trim()).toBe('r7 (/32): 0xcafef00e');
    expect(run!.log()).toContain('halted due to breakpoint');
  });

  it('hardware breakpoint (FPB) halts the blink loop; step and resume; the LED blinks', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    await t.cmd('bp 0x08000050 2 hw');
    await t.cmd('resume');
    await t.cmd('wait_halt 2000');
    expect((await t.cmd('reg pc force')).trim()).toBe('pc (/32): 0x08000050');
    expect((await t.cmd('reg r0 force')).trim()).toBe('r0 (/32): 0x4001100c'); // GPIOC_ODR, set up before the loop
    await t.cmd('rbp 0x08000050');
    await t.cmd('step');
    expect((await t.cmd('reg pc force')).trim()).toBe('pc (/32): 0x08000052');
    await t.cmd('resume');
    const first = board.stats().ledOn;
    const deadline = Date.now() + 5000;
    while (board.stats().ledOn === first && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(board.stats().ledOn).toBe(!first);
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('running');
  });

  it('a DWT write watchpoint on GPIOC_ODR halts the blink firmware after the store', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    await t.cmd('wp 0x4001100c 4 w');
    await t.cmd('resume');
    await t.cmd('wait_halt 2000');
    expect(run!.log()).toContain('halted due to watchpoint');
    expect((await t.cmd('reg pc force')).trim()).toBe('pc (/32): 0x08000058'); // after `str r1, [r0]`
    await t.cmd('rwp 0x4001100c');
    await t.cmd('resume');
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('running');
  });

  it('the DP answers WAIT while the flash is busy; OpenOCD resends and reads the right data', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    await t.cmd('flash erase_sector 0 4 4');
    await t.cmd('mww 0x40022004 0x45670123');
    await t.cmd('mww 0x40022004 0xcdef89ab');
    await t.cmd('mww 0x40022010 1'); // PG
    // One TCL command: the read of the flash follows the half-word program at once.
    const out = await t.cmd('mwh 0x08001000 0x1234; mdw 0x08001000 4');
    expect(out).toMatch(/0x08001000: ffff1234 ffffffff ffffffff ffffffff/);
    expect(run!.log()).toContain('DAP transaction stalled (WAIT) - slowing down and resending');
    await t.cmd('mww 0x40022010 0x80'); // LOCK
  });

  it('round-trips words, half-words and bytes in SRAM', async () => {
    const t = await connect();
    await t.cmd('halt');
    await t.cmd('mww 0x20000100 0xdeadbeef 2');
    await t.cmd('mwh 0x20000108 0x1234');
    await t.cmd('mwb 0x2000010b 0x5a');
    expect(await t.cmd('mdw 0x20000100 3')).toMatch(/0x20000100: deadbeef deadbeef 5a001234/);
    expect(await t.cmd('mdb 0x20000101 2')).toMatch(/0x20000101: be ad/);
  });

  it('reports a bus error for unmapped memory instead of data', async () => {
    const t = await connect();
    await t.cmd('halt');
    const r = await t.capture('mdw 0x30000000');
    expect(r.ok).toBe(false);
    expect(run!.log()).toContain('JTAG-DP STICKY ERROR');
    expect(run!.log()).toContain('Failed to read memory at 0x30000000');
    // The link recovers: the next access works.
    expect(await t.cmd('mdw 0x20000000')).toMatch(/^0x20000000: /);
  });

  it('probes 64 KiB, programs and verifies 64 KiB, reads it back, and reprograms', async () => {
    const t = await connect();
    expect(await t.cmd('flash probe 0')).toMatch(/flash 'stm32f1x' found at 0x08000000/);
    expect(run!.log()).toContain('flash size = 64 KiB');
    const img1 = image('a.bin', 64 * 1024);
    const r1 = await t.capture(`program ${img1.file} 0x08000000 verify`);
    expect(r1.ok, run!.log()).toBe(true);
    expect(run!.log()).toContain('** Verified OK **');
    // The flash loader and the CRC algorithm ran on the board: no slow fallbacks.
    expect(run!.log()).not.toContain('falling back');
    expect(run!.log()).not.toContain('error executing cortex_m crc algorithm');
    const dump = path.join(dir, 'dump.bin');
    await t.cmd(`dump_image ${dump} 0x08000000 0x10000`);
    expect(readFileSync(dump).equals(img1.data)).toBe(true);
    // A smaller second image: page erase must really erase what it overwrites.
    const img2 = image('b.bin', 6 * 1024);
    const r2 = await t.capture(`program ${img2.file} 0x08000000 verify`);
    expect(r2.ok, run!.log()).toBe(true);
    await t.cmd(`dump_image ${dump} 0x08000000 0x2000`);
    const back = readFileSync(dump);
    expect(back.subarray(0, 6 * 1024).equals(img2.data)).toBe(true);
    expect(back.subarray(6 * 1024, 8 * 1024).equals(img1.data.subarray(6 * 1024, 8 * 1024))).toBe(true);
  }, 120_000);

  it('flash erase_check runs the blank-check algorithm; writing unerased flash fails with PGERR', async () => {
    const t = await connect();
    await t.cmd('reset halt');
    await t.cmd('flash erase_sector 0 1 last');
    const check = await t.cmd('flash erase_check 0');
    expect(check).toMatch(/#\s*0: 0x00000000 \(0x400 1kB\) not erased/); // the blink firmware
    expect(check).not.toMatch(/#\s*1:/); // erased sectors are not listed
    expect(run!.log()).not.toContain('slow fallback');
    const img = image('c.bin', 2048);
    const r = await t.capture(`flash write_image ${img.file} 0x08000000`);
    expect(r.ok).toBe(false);
    expect(run!.log()).toContain('Error: flash write algorithm aborted by target');
    expect(run!.log()).toContain('Error: stm32x device programming failed / flash not erased');
    expect(run!.log()).toContain('Error: flash write failed just before address 0x8000002');
  });

  it('lists the ROM table components in dap info', async () => {
    const t = await connect();
    const info = await t.cmd('stm32f1x.dap info 0');
    expect(info).toContain('Type is MEM-AP AHB3');
    expect(info).toMatch(/MEM-AP BASE 0xe00ff003/);
    expect(info).toContain('Cortex-M3 SCS');
    expect(info).toContain('Cortex-M3 DWT');
    expect(info).toContain('Cortex-M3 FPB');
  });
});
