// Issue 17, "an operation cut off says so", through the WebSocket host over the real
// OpenOCD and the virtual board: a Disconnect (or another connect) from a second tab is
// refused while a flash runs and the flash completes; OpenOCD killed with -9 mid-flash
// ends the job with "the flash was interrupted at 0x…; … flash again"; the chip then
// flashes fine.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../shared/connection';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import { randomBytes } from '../images/test-support/writers';
import { startServer, type RunningServer } from '../serve';
import { TestClient } from '../serve/testing/ws-client';
import { createServices } from './create-services';
import type { HostServices } from './services';

const INTERRUPTED = /the flash was interrupted at 0x080[0-9a-f]{5}; the chip is partly programmed: flash again/;

/** OpenOCD processes started below this test process (Linux /proc). */
function ourOpenOcd(): number[] {
  const parentOf = (pid: number): number => Number(/\) \S+ (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 0);
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() !== 'openocd') continue;
      for (let p = Number(e); p > 1; p = parentOf(p)) {
        if (p === process.pid) {
          out.push(Number(e));
          break;
        }
      }
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

describe.runIf(process.platform === 'linux')('a flash that others could cut off', () => {
  let dir: string;
  let services: HostServices;
  let server: RunningServer;
  let a: TestClient;
  let b: TestClient;
  // 40 KiB: several paced chunk groups, so "mid-flash" is a real moment.
  const firmware = randomBytes(40 * 1024, 17);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-flash-guard-'));
    const renderer = path.join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    services = createServices({ userDataDir: path.join(dir, 'user') });
    server = await startServer({ services, rendererDir: renderer });
    a = await TestClient.open(server.port, server.token);
    b = await TestClient.open(server.port, server.token);
    await a.value('appReady');
    await b.value('appReady');
  });
  afterAll(async () => {
    a?.close();
    b?.close();
    await services?.controller.dispose();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(): Promise<void> {
    const s = await a.value<ConnectionStatus>('connect', { profileId: VBOARD_PROFILE_ID });
    expect(s.state).toBe('connected');
  }

  async function startFlash(): Promise<string> {
    const imageId = await a.upload('fw.bin', firmware);
    const { jobId } = await a.value<{ jobId: string }>('startFlash', { op: 'program', imageId, address: 0x08000000, verify: true });
    // Programming has begun and written something: the chip is now half old, half new.
    await a.flashEvent((e) => e.jobId === jobId && e.type === 'progress' && e.phase === 'program' && e.done > 0);
    return jobId;
  }

  it('refuses a Disconnect, a connect and a fix from another tab while a flash runs; the flash completes and verifies', async () => {
    await connect();
    const jobId = await startFlash();
    for (const [channel, req, what] of [
      ['disconnect', {}, 'Disconnect refused'],
      ['connect', { profileId: VBOARD_PROFILE_ID }, 'Connect (it restarts OpenOCD) refused'],
      ['setBoardFaults', { faults: ['unpowered'] }, 'Switching the board (it may restart OpenOCD) refused'],
    ] as const) {
      const r = await b.invoke(channel, req);
      expect(r.ok, channel).toBe(false);
      if (r.ok) continue;
      expect(r.error.message).toContain(`${what}: a flash is running (program`);
      expect(r.error.message).toContain('stopping OpenOCD now would leave the chip partly programmed');
      expect(r.error.hint).toMatch(/Wait for the flash to end, or cancel it/);
    }
    const end = await a.flashEvent((e) => e.jobId === jobId && e.type !== 'progress');
    expect(end).toMatchObject({ type: 'done', verify: { ok: true } });
    // Once it ended, Disconnect works again.
    expect((await b.value<ConnectionStatus>('disconnect')).state).toBe('stopped');
  });

  it('OpenOCD killed with -9 mid-flash: the job says where the flash stopped and to flash again; the chip then flashes fine', async () => {
    await connect();
    const jobId = await startFlash();
    const pids = ourOpenOcd();
    expect(pids.length, 'the OpenOCD this host started').toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const end = await a.flashEvent((e) => e.jobId === jobId && e.type !== 'progress');
    expect(end.type).toBe('failed');
    if (end.type !== 'failed') return;
    expect(end.error.message).toMatch(INTERRUPTED);
    expect(end.error.message).not.toMatch(/^OpenOCD closed the TCL connection$/);

    await connect();
    const imageId = await a.upload('fw.bin', firmware);
    const { jobId: again } = await a.value<{ jobId: string }>('startFlash', { op: 'program', imageId, address: 0x08000000, verify: true });
    expect(await a.flashEvent((e) => e.jobId === again && e.type !== 'progress')).toMatchObject({ type: 'done', verify: { ok: true } });
    await a.value('disconnect');
  });

  it('`shutdown` typed in the console is refused with the reason, and the session stays', async () => {
    await connect();
    const r = await a.invoke('command', { tcl: 'shutdown' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('`shutdown` is not run from the console: it would end OpenOCD under the workbench');
      expect(r.error.hint).toContain('Press Disconnect');
    }
    expect((await a.value<ConnectionStatus>('getStatus')).state).toBe('connected');
    expect(await a.value<string>('command', { tcl: 'echo still-here' })).toBeDefined();
    await a.value('disconnect');
  });
});
