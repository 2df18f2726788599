// The board on a Unix-domain socket (VirtualBoardOptions.socketPath), reached through
// vboard.cfg's VBOARD_SOCKET branch by real OpenOCD.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startVirtualBoard } from './index';
import { killOpenOcd, spawnOpenOcd, TclRpc, type OpenOcdRun } from './test-support';

const dir = mkdtempSync(path.join(tmpdir(), 'vboard-unix-'));
let run: OpenOcdRun | undefined;
let rpc: TclRpc | undefined;

afterEach(async () => {
  rpc?.close();
  rpc = undefined;
  await killOpenOcd(run);
  run = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('virtual board over a Unix-domain socket', () => {
  it('is examined and accessed by OpenOCD, and counts the round trips it answered', async () => {
    const socketPath = path.join(dir, 'board.sock');
    const board = await startVirtualBoard({ socketPath });
    try {
      expect(board.socketPath).toBe(socketPath);
      expect(board.port).toBe(0);
      run = await spawnOpenOcd(0, { socketPath });
      rpc = await TclRpc.connect(run);
      expect(run.log()).toContain(`Connecting to unix socket ${socketPath}`);
      expect(run.log()).toContain('Cortex-M3 r1p1 processor detected');
      await rpc.cmd('halt');
      const before = board.stats().roundTrips;
      await rpc.cmd('mww 0x20000200 0x600dcafe');
      expect(await rpc.cmd('mdw 0x20000200')).toMatch(/0x20000200: 600dcafe/);
      expect(board.stats().roundTrips).toBeGreaterThan(before);
    } finally {
      rpc?.close();
      rpc = undefined;
      await killOpenOcd(run);
      run = undefined;
      await board.close();
    }
  });

  it('never deletes a regular file that sits at the socket path', async () => {
    const file = path.join(dir, 'not-a-socket');
    writeFileSync(file, 'keep me');
    await expect(startVirtualBoard({ socketPath: file })).rejects.toThrow(/EADDRINUSE/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});
