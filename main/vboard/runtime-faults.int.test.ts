// Fault switches flipped at run time (the app's board menu) while OpenOCD stays connected,
// and the remedies that must work after a fault is switched off.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { VirtualBoard } from './api';
import { startVirtualBoard } from './index';
import { killOpenOcd, runOpenOcdOnce, spawnOpenOcd, startBoard, TclRpc, waitForLog, type OpenOcdRun } from './test-support';

let board: VirtualBoard | undefined;
let run: OpenOcdRun | undefined;
let rpc: TclRpc | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'vboard-rt-'));
const img = path.join(dir, 'img.bin');
writeFileSync(img, randomBytes(2048));

afterEach(async () => {
  rpc?.close();
  rpc = undefined;
  await killOpenOcd(run);
  run = undefined;
  await board?.close();
  board = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${run?.log() ?? ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Connect a raw remote_bitbang client and read `n` TDO samples. */
async function rawReads(port: number, n: number): Promise<string> {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject));
  let got = '';
  const done = new Promise<void>((resolve) =>
    sock.on('data', (d: Buffer) => {
      got += d.toString();
      if (got.length >= n) resolve();
    }),
  );
  sock.write('R'.repeat(n));
  await done;
  sock.destroy();
  return got;
}

describe('fault switches at run time', () => {
  it('unpowered while OpenOCD is attached: the firmware stops; power back on resets the chip and OpenOCD recovers', async () => {
    board = await startBoard();
    run = await spawnOpenOcd(board.port);
    rpc = await TclRpc.connect(run);
    const t = rpc;
    const b = board;
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('running');
    await t.cmd('halt');
    await t.cmd('mww 0x20000100 0xcafef00d');
    await t.cmd('resume');

    const before = run.log().length;
    b.setFaults(['unpowered']);
    expect(b.stats().core).toBe('off');
    expect(b.stats().ledOn).toBe(false);
    const led = b.stats().ledOn;
    await new Promise((r) => setTimeout(r, 600)); // longer than a blink period
    expect(b.stats().ledOn).toBe(led); // nothing toggles without power
    // OpenOCD's poll now fails the way it does when a board loses power.
    const after = (await waitForLog(run, (l) => /Invalid ACK \(0\) in DAP response/.test(l.slice(before)))).slice(before);
    expect(after).toContain('Polling target stm32f1x.cpu failed, trying to reexamine');

    b.setFaults([]);
    expect(b.stats().core).toBe('running'); // a power-on reset boots the firmware
    // OpenOCD notices and re-examines; `reset halt` then works as on a fresh board.
    await until(async () => (await t.capture('reset halt')).ok && (await t.cmd('stm32f1x.cpu curstate')) === 'halted', 'reset halt after power-up');
    expect((await t.cmd('reg pc force')).trim()).toBe('pc (/32): 0x08000040');
    expect(await t.cmd('mdw 0x20000100')).not.toMatch(/cafef00d/); // SRAM did not survive
  });

  it('unpowered remedy: once powered, OpenOCD connects', async () => {
    board = await startBoard(['unpowered']);
    board.setFaults([]);
    const r = await runOpenOcdOnce(board.port, ['init', 'shutdown']);
    expect(r.log).toContain('tap/device found: 0x3ba00477');
    expect(r.log).toContain('Cortex-M3 r1p1 processor detected');
    expect(r.code).toBe(0);
  });

  it('noisy-link remedy: with the link fixed, init and program are clean', async () => {
    board = await startBoard(['noisy-link:0.003']);
    board.setFaults([]);
    const r = await runOpenOcdOnce(board.port, ['init', `program ${img} 0x08000000 verify`, 'shutdown']);
    expect(r.log).toContain('** Verified OK **');
    expect(r.log).not.toMatch(/Invalid ACK|STICKY ERROR|IR capture error|Unexpected idcode/);
    expect(r.code).toBe(0);
  });

  it('noisy-link is intermittent: each connection sees different errors, reproducibly per board seed', async () => {
    board = await startVirtualBoard({ port: 0, faults: ['noisy-link:0.05'] });
    const a = await rawReads(board.port, 4000);
    const b = await rawReads(board.port, 4000);
    expect(a).toContain('0');
    expect(b).not.toBe(a);
    await board.close();
    board = await startVirtualBoard({ port: 0, faults: ['noisy-link:0.05'] });
    expect(await rawReads(board.port, 4000)).toBe(a); // a fresh board repeats the sequence
    await board.close();
    board = await startVirtualBoard({ port: 0, faults: ['noisy-link:0.05'], noiseSeed: 7 });
    expect(await rawReads(board.port, 4000)).not.toBe(a);
  });
});
