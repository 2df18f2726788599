// Integration: the real `openocd` binary with the dummy adapter (no hardware).
// OpenOCD 0.12's dummy driver speaks JTAG; with one declared TAP, init succeeds
// (IR capture fails, which OpenOCD only reports).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionProfile } from '../../shared/profile';
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import { createController, type OpenOcdControllerImpl } from './controller';
import { ConnectionError, OpenOCDError, TargetError, TargetNotHaltedError, TimeoutError } from './errors';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import type { TargetEvent } from './controller-api';
import { findOpenOcd } from './binary';
import { killAll, livePids } from './registry';
import { tclQuote } from './tcl-wrap';
import { isAlive } from '../../test/process-alive';

let dir: string;
let dummy: ConnectionProfile;
const started = new Set<number>();
let ctl: OpenOcdControllerImpl | undefined;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-ocd-'));
  const cfg = path.join(dir, 'dummy.cfg');
  await fs.writeFile(cfg, 'adapter driver dummy\n');
  dummy = {
    id: 'dummy',
    name: 'Dummy',
    kind: 'configs',
    interfaceCfg: cfg,
    transport: 'jtag',
    adapterSpeedKhz: 1000,
    extraCommands: ['jtag newtap dummy cpu -irlen 4'],
  };
});

afterEach(async () => {
  await ctl?.stop();
  ctl = undefined;
});

afterAll(async () => {
  killAll();
  await fs.rm(dir, { recursive: true, force: true });
  expect(livePids()).toEqual([]);
  for (const pid of started) expect(isAlive(pid), `openocd ${pid} still running`).toBe(false);
});

function track(c: OpenOcdControllerImpl): OpenOcdControllerImpl {
  c.onLog(() => {
    for (const pid of livePids()) started.add(pid);
  });
  return c;
}

function waitForState(c: OpenOcdControllerImpl, state: ConnectionStatus['state']): Promise<ConnectionStatus> {
  return new Promise((resolve) => {
    if (c.status().state === state) return resolve(c.status());
    const off = c.onStatus((s) => {
      if (s.state === state) {
        off();
        resolve(s);
      }
    });
  });
}

function waitForTarget(c: OpenOcdControllerImpl, target: ConnectionStatus['target']): Promise<void> {
  return new Promise((resolve) => {
    const off = c.onStatus((s) => {
      if (s.target === target) {
        off();
        resolve();
      }
    });
  });
}

describe('OpenOCD controller (real openocd, dummy adapter)', () => {
  it('finds the installed binary', async () => {
    await expect(findOpenOcd({})).resolves.toMatchObject({ version: expect.stringMatching(/^0\.12\./) });
  });

  it('starts, gathers connection info, runs commands, streams logs and stops', async () => {
    ctl = track(createController());
    const logs: LogLine[] = [];
    ctl.onLog((l) => logs.push(l));
    const states: string[] = [];
    ctl.onStatus((s) => states.push(s.state));

    const st = await ctl.start(dummy);
    expect(st.state).toBe('connected');
    expect(st.info).toMatchObject({ openocdVersion: '0.12.0', adapter: 'dummy', transport: 'jtag', adapterSpeedKhz: 1000 });
    expect(st.info.taps[0]).toMatchObject({ name: 'dummy.cpu', irLength: 4, enabled: true });
    expect(st.target).toBe('unknown'); // no target configured

    await expect(ctl.command('version')).resolves.toBe('Open On-Chip Debugger 0.12.0');
    // Arbitrary text survives the error-detection wrapper (braces, brackets, $, quotes, newlines, UTF-8).
    for (const s of ['{unbalanced', 'a } b', '[exit]', '$::env(HOME)', 'q"uo"te', 'two\nlines', 'back\\slash', 'héllo ✓']) {
      await expect(ctl.command(`set ::bw_t "${tclQuote(s)}"`)).resolves.toBe(s);
    }
    await expect(ctl.command('set a 1\nset b [expr {$a + 41}]')).resolves.toBe('42');
    // The error-detection proc is defined again if a script removes it.
    await ctl.command('rename ::__bw {}');
    await expect(ctl.command('version')).resolves.toMatch(/0\.12/);

    const e1 = await ctl.command('nope 1 2').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(OpenOCDError);
    expect((e1 as Error).message).toBe('invalid command name "nope"');
    // A command that fails with an empty Tcl result: the reason is taken from the log.
    const e2 = await ctl.command('transport select swd').catch((e: unknown) => e);
    expect((e2 as Error).message).toBe("Can't change session's transport after the initial selection was made");

    expect(logs.some((l) => l.level === 'info' && /Listening on port \d+ for tcl connections/.test(l.text))).toBe(true);
    expect(logs.every((l, i) => i === 0 || l.seq > (logs[i - 1] as LogLine).seq)).toBe(true);
    expect(ctl.logHistory().length).toBe(logs.length);

    const pid = livePids()[0];
    await ctl.stop();
    expect(ctl.status()).toMatchObject({ state: 'stopped', exit: { code: 0 } });
    expect(states).toEqual(['starting', 'connected', 'stopped']);
    expect(pid !== undefined && isAlive(pid)).toBe(false);
    await expect(ctl.command('version')).rejects.toBeInstanceOf(ConnectionError);
  });

  it('reads the OpenOCD path setting at each start; a bad one fails with its own reason, not the last run\'s', async () => {
    let setting: string | undefined;
    ctl = track(createController({ openocdPath: async () => setting }));
    expect((await ctl.start(dummy)).state).toBe('connected');
    await ctl.stop();
    setting = path.join(dir, 'no-such-openocd');
    const failed = await ctl.start(dummy);
    expect(failed.state).toBe('failed');
    expect(failed.exit).toMatchObject({ code: null, signal: null });
    expect(failed.exit?.reasonLines[0]).toBe(`OpenOCD not found at '${setting}' (from the OpenOCD setting)`);
    expect(failed.exit?.reasonLines.join('\n')).not.toContain('shutdown command invoked');
    setting = undefined;
    expect((await ctl.start(dummy)).state).toBe('connected');
  });

  it('fails with exit code 1 and the reason line for a missing config', async () => {
    ctl = track(createController());
    const st = await ctl.start({ ...dummy, interfaceCfg: 'interface/xyz.cfg' });
    expect(st.state).toBe('failed');
    expect(st.exit?.code).toBe(1);
    expect(st.exit?.reasonLines.some((l) => l.includes("Can't find interface/xyz.cfg"))).toBe(true);
  });

  it('goes to failed, without hanging, when OpenOCD is killed from outside', async () => {
    ctl = track(createController());
    expect((await ctl.start(dummy)).state).toBe('connected');
    const pending = ctl.command('sleep 5000', { timeoutMs: 20_000 }).catch((e: unknown) => e);
    const failed = waitForState(ctl, 'failed');
    process.kill(livePids()[0] as number, 'SIGKILL');
    const st = await failed;
    expect(st.exit).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(await pending).toBeInstanceOf(ConnectionError);
    await ctl.stop();
    expect(ctl.status().state).toBe('failed'); // it died before the stop
  });

  it('recovers from a command timeout with a new connection, and restarts on start()', async () => {
    ctl = track(createController());
    await ctl.start(dummy);
    const firstEndpoint = ctl.tclEndpoint();
    await expect(ctl.command('sleep 1000', { timeoutMs: 100 })).rejects.toBeInstanceOf(TimeoutError);
    await expect(ctl.command('version')).resolves.toMatch(/0\.12/);

    const st = await ctl.start(dummy);
    expect(st.state).toBe('connected');
    expect(ctl.tclEndpoint()).not.toEqual(firstEndpoint);
    expect(livePids()).toHaveLength(1);
  });

  it('fails a start that is not ready in time, and leaves no process behind', async () => {
    ctl = track(createController({ readyTimeoutMs: 300 }));
    const st = await ctl.start({ ...dummy, extraCommands: [...dummy.extraCommands, 'sleep 5000'] });
    expect(st.state).toBe('failed');
    expect(st.exit?.reasonLines[0]).toMatch(/did not open its tcl port \d+ within 300 ms/);
    expect(livePids()).toEqual([]);
  });

  it('killAll() (the Electron shell on quit) ends a running OpenOCD; the controller reports it', async () => {
    ctl = track(createController());
    await ctl.start(dummy);
    const failed = waitForState(ctl, 'failed');
    expect(killAll()).toBe(1);
    expect((await failed).exit?.signal).toBe('SIGKILL');
    expect(livePids()).toEqual([]);
  });

  it('with the tcl server on its stdin/stdout (the CLI): no port, and a timed-out command leaves OpenOCD serving', async () => {
    ctl = track(createController());
    const st = await ctl.start(dummy, { tclPipe: true });
    expect(st.state).toBe('connected');
    expect(ctl.isolation()?.mode).toBe('pipe');
    expect(ctl.tclEndpoint()).toBeUndefined();
    await expect(ctl.command('sleep 400', { timeoutMs: 100 })).rejects.toBeInstanceOf(TimeoutError);
    // The late answer to `sleep` is dropped; the next command gets its own.
    expect(await ctl.command('version')).toMatch(/Open On-Chip Debugger/);
    expect(ctl.status().state).toBe('connected');
  });

  it('an OpenOCD too old by its own banner is stopped at once and named as such', async () => {
    // No separate `--version` run: the start reads the version from the run's banner.
    const old = path.join(dir, 'old-openocd');
    await fs.writeFile(old, '#!/bin/sh\necho "Open On-Chip Debugger 0.10.0" >&2\nexec sleep 30\n', { mode: 0o755 });
    ctl = track(createController({ openocdPath: old }));
    const st = await ctl.start(dummy);
    expect(st.state).toBe('failed');
    expect(st.exit?.reasonLines[0]).toBe(`OpenOCD 0.10.0 at '${old}' is too old: the workbench needs OpenOCD 0.11 or newer`);
    expect(st.exit?.signal).toBe('SIGTERM'); // stopped by us on its banner, not left to the readiness timeout
    expect(livePids()).toEqual([]);
  });

  it('stop() during start ends in stopped, with nothing left running', async () => {
    ctl = track(createController());
    const starting = ctl.start(dummy);
    await waitForState(ctl, 'starting');
    await ctl.stop();
    expect((await starting).state).toBe('stopped');
    expect(ctl.status().state).toBe('stopped');
    expect(livePids()).toEqual([]);
  });

  it('brings up the virtual board: its TAPs, target name and a target state kept current', async () => {
    ctl = track(createController());
    const events: TargetEvent[] = [];
    ctl.onTargetEvent((e) => events.push(e));
    const st = await ctl.start({ id: VBOARD_PROFILE_ID, name: 'Virtual board', kind: 'vboard', extraCommands: [] });
    expect(st.state).toBe('connected');
    expect(st.info).toMatchObject({ adapter: 'remote_bitbang', transport: 'jtag', targetName: 'stm32f1x.cpu' });
    expect(st.info.taps.map((t) => [t.name, t.idcode, t.irLength])).toEqual([
      ['stm32f1x.cpu', 0x3ba00477, 4],
      ['stm32f1x.bs', expect.any(Number), 5],
    ]);
    expect(['running', 'halted']).toContain(st.target);
    // The app's board listens on a Unix-domain socket (TCP on Windows), removed when it stops.
    const board = ctl.virtualBoard();
    const socketPath = board?.socketPath;
    if (process.platform === 'win32') expect(board?.port).toBeGreaterThan(0);
    else expect(socketPath && (await fs.stat(socketPath)).isSocket()).toBe(true);
    // ...in a folder of its own that only this user can enter (no one else drives the board).
    const socketDir = socketPath ? path.dirname(socketPath) : undefined;
    if (socketDir) {
      expect(socketDir).not.toBe(os.tmpdir());
      expect((await fs.stat(socketDir)).mode & 0o777).toBe(0o700);
    }
    // The app's own connect-time queries stay out of the user's console: no echoed
    // replies, and no "Translation ... not implemented" errors from a speed query.
    const logged = ctl.logHistory().map((l) => l.text);
    expect(logged).not.toContain('remote_bitbang');
    expect(logged.filter((t) => /Translation from|not implemented/.test(t))).toEqual([]);
    // A user's own command is still echoed, as in OpenOCD's telnet console.
    await expect(ctl.command('string cat "typed by " "the user"')).resolves.toBe('typed by the user');
    await expect.poll(() => ctl?.logHistory().some((l) => l.text === 'typed by the user')).toBe(true);

    if (st.target === 'running') {
      // Registers need a halted core; OpenOCD's warning becomes the typed error.
      await expect(ctl.command('step')).rejects.toBeInstanceOf(TargetNotHaltedError);
    }
    const halted = waitForTarget(ctl, 'halted');
    await ctl.command('halt');
    await halted;
    expect(events.some((e) => e.name === 'halted' && e.targetName === 'stm32f1x.cpu')).toBe(true);
    await expect(ctl.command('mdw 0xE0042000')).resolves.toMatch(/^0xe0042000: [0-9a-f]{8}/); // DBGMCU_IDCODE
    const err = await ctl.command('mdw 0xA0000000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect((err as Error).message).toBe('Failed to read memory at 0xa0000000');

    const running = waitForTarget(ctl, 'running');
    await ctl.command('resume');
    await running;
    await ctl.stop();
    expect(ctl.virtualBoard()).toBeUndefined();
    if (socketPath) await expect(fs.stat(socketPath)).rejects.toThrow(/ENOENT/);
    if (socketDir) await expect(fs.stat(socketDir)).rejects.toThrow(/ENOENT/);
  });

  it('keeps the virtual board between runs: an unlock sticks, bench switches follow the profile, resets are reported', async () => {
    ctl = track(createController({ keepBoardBetweenRuns: true }));
    const protectedBoard: ConnectionProfile = { id: VBOARD_PROFILE_ID, name: 'Virtual board', kind: 'vboard', extraCommands: [], vboardFaults: ['read-protected'] };
    expect((await ctl.start(protectedBoard)).state).toBe('connected');
    const board = ctl.virtualBoard();
    await expect(ctl.command('mdw 0x08000000')).rejects.toBeInstanceOf(TargetError);

    // Every client's reset is reported (OpenOCD 0.12 sends only a reset notification).
    const events: TargetEvent[] = [];
    ctl.onTargetEvent((e) => events.push(e));
    await ctl.command('reset halt');
    await expect.poll(() => events.some((e) => e.name === 'reset-requested')).toBe(true);
    await ctl.command('stm32f1x unlock 0');
    await ctl.stop();

    // Reconnect with the same profile: the same board, still unlocked (the chip's own state).
    expect((await ctl.start(protectedBoard)).state).toBe('connected');
    expect(ctl.virtualBoard()).toBe(board);
    expect(board?.faults()).not.toContain('read-protected');
    await ctl.command('reset halt');
    await expect(ctl.command('mdw 0x08000000')).resolves.toMatch(/^0x08000000: ffffffff/); // mass-erased by the unlock

    // A bench switch in the profile applies to the kept board, and goes when the profile drops it.
    expect((await ctl.start({ ...protectedBoard, vboardFaults: ['read-protected', 'unpowered'] })).state).toBe('failed');
    expect(ctl.virtualBoard()).toBe(board);
    expect(board?.faults()).toEqual(['unpowered']);
    expect((await ctl.start(protectedBoard)).state).toBe('connected');
    expect(ctl.virtualBoard()).toBe(board);

    // A profile describing another chip (no protection configured) is another board.
    expect((await ctl.start({ ...protectedBoard, vboardFaults: [] })).state).toBe('connected');
    expect(ctl.virtualBoard()).not.toBe(board);

    await ctl.dispose();
    expect(ctl.virtualBoard()).toBeUndefined();
  });
});
