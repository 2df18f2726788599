// Each fault switch under real OpenOCD: the exact failure text a real board gives, and the
// remedy that works. The troubleshooter matches on these messages.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VirtualBoard } from './api';
import { useBoardRig } from './test-rig';
import { killOpenOcd, runOpenOcdOnce, spawnOpenOcd, startBoard, TclRpc, waitForLog } from './test-support';

const rig = useBoardRig('vboard-faults-');

async function connect(b: VirtualBoard, post: string[] = []): Promise<TclRpc> {
  rig.run = await spawnOpenOcd(b.port, { post });
  rig.rpc = await TclRpc.connect(rig.run);
  return rig.rpc;
}

const CONNECT_UNDER_RESET = 'reset_config srst_only srst_nogate connect_assert_srst';

describe('fault switches', () => {
  it('unpowered: the scan chain reads all zeroes and init fails', async () => {
    rig.board = await startBoard(['unpowered']);
    const r = await runOpenOcdOnce(rig.board.port, ['init']);
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('Error: JTAG scan chain interrogation failed: all zeroes');
    expect(r.log).toContain('Error: Check JTAG interface, timings, target power, etc.');
    expect(r.log).toContain('Error: stm32f1x.cpu: IR capture error; saw 0x00 not 0x01');
    expect(r.log).toContain('Error: Invalid ACK (0) in DAP response');
  });

  it('swapped-wires (TCK/TMS crossed): all ones, IR capture fails; fixing the wiring recovers', async () => {
    rig.board = await startBoard(['swapped-wires']);
    const r = await runOpenOcdOnce(rig.board.port, ['init']);
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('Error: JTAG scan chain interrogation failed: all ones');
    expect(r.log).toContain('Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01');
    expect(r.log).toContain('Error: Invalid ACK (7) in DAP response');
    rig.board.setFaults([]);
    const ok = await runOpenOcdOnce(rig.board.port, ['init', 'shutdown']);
    expect(ok.log).toContain('tap/device found: 0x3ba00477');
    expect(ok.code).toBe(0);
  });

  it('reset-hold: plain init fails; connect_assert_srst connects and reset halt works', async () => {
    rig.board = await startBoard(['reset-hold']);
    const r = await runOpenOcdOnce(rig.board.port, ['init']);
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('Error: JTAG scan chain interrogation failed: all ones');
    expect(r.log).toContain('Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01');

    const t = await connect(rig.board, [CONNECT_UNDER_RESET]);
    await t.cmd('reset halt');
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('halted');
    expect(await t.cmd('mdw 0x08000000')).toMatch(/^0x08000000: 20005000/);
    expect(rig.board.faults()).toEqual(['reset-hold']);
  });

  it('read-protected: flash reads bus-fault, programming fails; unlock + reset clears it with a mass erase', async () => {
    rig.board = await startBoard(['read-protected']);
    const t = await connect(rig.board);
    await t.cmd('reset halt');
    expect((await t.capture('mdw 0x08000000')).ok).toBe(false);
    expect(rig.run!.log()).toContain('Error: JTAG-DP STICKY ERROR');
    expect(rig.run!.log()).toContain('Error: Failed to read memory at 0x08000000');
    expect(await t.cmd('stm32f1x options_read 0')).toContain('read protection: on');
    const p = await t.capture(`program ${rig.img} 0x08000000 verify`);
    expect(p.ok).toBe(false);
    expect(rig.run!.log()).toContain('Error: stm32x device protected');
    expect(rig.run!.log()).toContain('Error: failed erasing sectors 0 to 1');

    expect(await t.cmd('stm32f1x unlock 0')).toContain('stm32x unlocked.');
    await t.cmd('reset halt');
    expect(await t.cmd('stm32f1x options_read 0')).toContain('read protection: off');
    expect(await t.cmd('mdw 0x08000000 2')).toMatch(/0x08000000: ffffffff ffffffff/); // mass erased
    expect((await t.capture(`program ${rig.img} 0x08000000 verify`)).ok, rig.run!.log()).toBe(true);
    expect(rig.board.faults()).toEqual([]);
  });

  it('write-protected: programming protected pages fails; flash protect off + reset fixes it', async () => {
    rig.board = await startBoard(['write-protected']);
    const t = await connect(rig.board);
    await t.cmd('reset halt');
    const p = await t.capture(`program ${rig.img} 0x08000000 verify`);
    expect(p.ok).toBe(false);
    expect(rig.run!.log()).toContain('Error: stm32x device protected');
    expect(rig.run!.log()).toContain('Error: failed erasing sectors 0 to 1');
    expect(await t.cmd('flash info 0')).toMatch(/#\s*0: 0x00000000 \(0x1000 4kB\) protected/);
    // Without the erase the flash loader itself hits WRPRTERR and aborts.
    expect((await t.capture(`flash write_image ${rig.img} 0x08000000`)).ok).toBe(false);
    expect(rig.run!.log()).toContain('Error: flash write algorithm aborted by target');
    expect(rig.run!.log()).toMatch(/Error: stm32x device protected\s+Error: flash write failed just before address 0x8000002/);
    await t.cmd('flash protect 0 0 last off');
    await t.cmd('reset halt');
    expect((await t.capture(`program ${rig.img} 0x08000000 verify`)).ok, rig.run!.log()).toBe(true);
    expect(rig.run!.log()).toContain('** Verified OK **');
  });

  it('noisy-link: intermittent DAP errors from flipped TDO bits', async () => {
    rig.board = await startBoard(['noisy-link:0.003']);
    const r = await runOpenOcdOnce(rig.board.port, ['init', `catch {program ${rig.img} 0x08000000 verify}`, 'shutdown']);
    expect(r.log).toMatch(/Unexpected idcode after end of chain|Invalid ACK \(\d\) in DAP response|JTAG-DP STICKY ERROR|IR capture error/);
    expect(rig.board.faults()).toEqual(['noisy-link:0.003']);
  });

  it('survives OpenOCD being killed mid-flash; a new OpenOCD programs it', async () => {
    rig.board = await startBoard();
    const big = path.join(rig.dir, 'big.bin');
    writeFileSync(big, randomBytes(64 * 1024));
    const t = await connect(rig.board);
    void t.cmd(`program ${big} 0x08000000 verify`).catch(() => undefined);
    await waitForLog(rig.run!, (l) => l.includes('Programming Started'));
    const b = rig.board;
    const deadline = Date.now() + 20_000;
    while (b.stats().flashHalfWordsProgrammed < 500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await killOpenOcd(rig.run);
    rig.rpc?.close();
    const t2 = await connect(rig.board);
    expect((await t2.capture(`program ${rig.img} 0x08000000 verify`)).ok, rig.run!.log()).toBe(true);
    expect(rig.run!.log()).toContain('** Verified OK **');
    expect(rig.board.stats().connections).toBe(2);
  });
});
