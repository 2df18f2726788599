// Fault switches flipped at run time (the app's board menu) while OpenOCD stays connected,
// and the remedies that must work after a fault is switched off.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useBoardRig } from './test-rig';
import { startVirtualBoard } from './index';
import { runOpenOcdOnce, spawnOpenOcd, startBoard, TclRpc, waitForLog } from './test-support';

const rig = useBoardRig('vboard-rt-');

async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${rig.run?.log() ?? ''}`);
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
    rig.board = await startBoard();
    rig.run = await spawnOpenOcd(rig.board.port);
    rig.rpc = await TclRpc.connect(rig.run);
    const t = rig.rpc;
    const b = rig.board;
    expect(await t.cmd('stm32f1x.cpu curstate')).toBe('running');
    await t.cmd('halt');
    await t.cmd('mww 0x20000100 0xcafef00d');
    await t.cmd('resume');

    const before = rig.run.log().length;
    b.setFaults(['unpowered']);
    expect(b.stats().core).toBe('off');
    expect(b.stats().ledOn).toBe(false);
    const led = b.stats().ledOn;
    await new Promise((r) => setTimeout(r, 600)); // longer than a blink period
    expect(b.stats().ledOn).toBe(led); // nothing toggles without power
    // OpenOCD's poll now fails the way it does when a board loses power.
    const after = (await waitForLog(rig.run, (l) => /Invalid ACK \(0\) in DAP response/.test(l.slice(before)))).slice(before);
    expect(after).toContain('Polling target stm32f1x.cpu failed, trying to reexamine');

    b.setFaults([]);
    expect(b.stats().core).toBe('running'); // a power-on reset boots the firmware
    // OpenOCD notices and re-examines; `reset halt` then works as on a fresh board.
    await until(async () => (await t.capture('reset halt')).ok && (await t.cmd('stm32f1x.cpu curstate')) === 'halted', 'reset halt after power-up');
    expect((await t.cmd('reg pc force')).trim()).toBe('pc (/32): 0x08000040');
    expect(await t.cmd('mdw 0x20000100')).not.toMatch(/cafef00d/); // SRAM did not survive
  });

  it('unpowered remedy: once powered, OpenOCD connects', async () => {
    rig.board = await startBoard(['unpowered']);
    rig.board.setFaults([]);
    const r = await runOpenOcdOnce(rig.board.port, ['init', 'shutdown']);
    expect(r.log).toContain('tap/device found: 0x3ba00477');
    expect(r.log).toContain('Cortex-M3 r1p1 processor detected');
    expect(r.code).toBe(0);
  });

  it('noisy-link remedy: with the link fixed, init and program are clean', async () => {
    rig.board = await startBoard(['noisy-link:0.003']);
    rig.board.setFaults([]);
    const r = await runOpenOcdOnce(rig.board.port, ['init', `program ${rig.img} 0x08000000 verify`, 'shutdown']);
    expect(r.log).toContain('** Verified OK **');
    expect(r.log).not.toMatch(/Invalid ACK|STICKY ERROR|IR capture error|Unexpected idcode/);
    expect(r.code).toBe(0);
  });

  it('noisy-link is intermittent: each connection sees different errors, reproducibly per board seed', async () => {
    rig.board = await startVirtualBoard({ port: 0, faults: ['noisy-link:0.05'] });
    const a = await rawReads(rig.board.port, 4000);
    const b = await rawReads(rig.board.port, 4000);
    expect(a).toContain('0');
    expect(b).not.toBe(a);
    await rig.board.close();
    rig.board = await startVirtualBoard({ port: 0, faults: ['noisy-link:0.05'] });
    expect(await rawReads(rig.board.port, 4000)).toBe(a); // a fresh rig.board repeats the sequence
    await rig.board.close();
    rig.board = await startVirtualBoard({ port: 0, faults: ['noisy-link:0.05'], noiseSeed: 7 });
    expect(await rawReads(rig.board.port, 4000)).not.toBe(a);
  });
});
