// Integration (Linux): the namespace relay started before OpenOCD's command line is known.
// Given the command on stdin it runs the real OpenOCD against the virtual board behind its
// socket, exactly as a relay started with the command; never given one, it ends on
// discard (or on the app's stdin EOF) and leaves no process and no folder behind.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { startVirtualBoard, type VirtualBoard } from '../vboard/index';
import { assetsDir } from '../paths';
import { buildOpenOcdArgs, buildOpenOcdEnv } from './args';
import { planIsolation, privateSocketDir, type Isolation } from './netns';
import { OpenOcdProcess } from './process';
import { livePids } from './registry';
import { discardRelayAhead, relayAheadUsable, startRelayAhead } from './relay-ahead';

const linuxNetns = process.platform === 'linux' && spawnSync('unshare', ['--user', '--map-root-user', '--net', 'true']).status === 0;

let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.close();
  board = undefined;
});

async function netnsPlan(): Promise<Extract<Isolation, { mode: 'netns' }>> {
  const iso = await planIsolation(VBOARD_PROFILE, { guess: true });
  if (iso.mode !== 'netns') throw new Error(`expected a namespace plan here: ${iso.reason}`);
  return iso;
}

describe.skipIf(!linuxNetns)('the namespace relay started ahead', () => {
  it('runs the OpenOCD whose command line arrives later, served on its socket; stop leaves nothing', async () => {
    const iso = await netnsPlan();
    const dir = await privateSocketDir();
    const forward = { tcl: 6666 };
    const relay = startRelayAhead(iso, dir, forward);
    // On a Unix socket: the board's TCP port on the host's loopback is out of the namespace's reach.
    board = await startVirtualBoard({ socketPath: path.join(dir, 'board.sock'), faults: [] });
    // The relay has booted meanwhile, with no OpenOCD under it yet.
    await new Promise((r) => setTimeout(r, 300));
    expect(relayAheadUsable(relay, iso, forward)).toBe(true);
    expect(relayAheadUsable(relay, iso, { tcl: 6666, gdb: 3333 })).toBe(false);
    const proc = new OpenOcdProcess({
      relay,
      binary: 'openocd',
      args: buildOpenOcdArgs(VBOARD_PROFILE, { ports: { tcl: 6666 }, assetsDir: assetsDir() }),
      env: buildOpenOcdEnv(VBOARD_PROFILE, { vboardSocket: board.socketPath }),
    });
    expect(proc.pid).toBe(relay.child.pid);
    const rpc = await proc.waitReady({ port: 6666, endpoint: { path: path.join(dir, 'tcl.sock') }, timeoutMs: 20_000 });
    expect(await rpc.command('target names')).toMatch(/stm32f1x\.cpu/);
    const exit = await proc.stop({ rpc });
    rpc.close();
    expect(exit.code).toBe(0);
    expect(livePids()).toEqual([]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is ended by a discard before any command: no process, no folder', async () => {
    const iso = await netnsPlan();
    const relay = startRelayAhead(iso, await privateSocketDir(), { tcl: 6666 });
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(path.join(relay.dir, 'tcl.sock'))).toBe(true);
    await discardRelayAhead(relay);
    expect(relay.child.exitCode).toBe(0);
    expect(existsSync(relay.dir)).toBe(false);
    expect(livePids()).toEqual([]);
  });

  it('ends on its own when the app goes away (stdin EOF) before giving a command', async () => {
    const iso = await netnsPlan();
    const relay = startRelayAhead(iso, await privateSocketDir(), { tcl: 6666 });
    const gone = new Promise<number | null>((resolve) => relay.child.once('exit', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 300));
    relay.child.stdin?.end();
    expect(await gone).toBe(0);
    expect(existsSync(path.join(relay.dir, 'tcl.sock'))).toBe(false);
    await fs.rm(relay.dir, { recursive: true, force: true });
  });
});
