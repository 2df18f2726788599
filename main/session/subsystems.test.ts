// Subsystems on recorded OpenOCD 0.12 replies: the commands they send and the typed
// errors they raise from what OpenOCD really says.
import { describe, expect, it } from 'vitest';
import { BreakpointError, JTAGError, OpenOCDError, TargetError, TargetNotHaltedError, TimeoutError, ValidationError } from '../openocd/errors';
import { Breakpoints } from './breakpoints';
import { Jtag } from './jtag';
import { Registers } from './registers';
import { Rtt } from './rtt';
import { Target } from './target';
import { Transport } from './transport';
import { guardedReply, RecordedRunner } from './testing/recorded-runner';
import net from 'node:net';
import type { TargetEvent } from '../openocd/controller-api';
import { startFailureLines, toTargetEvent } from './session';

const HALT_LOG = '[stm32f1x.cpu] halted due to debug-request, current mode: Thread \nxPSR: 0x01000000 pc: 0x08000040 msp: 0x20005000\n';

describe('Target', () => {
  it('halts and reports the new state', async () => {
    const r = new RecordedRunner().onGuarded('halt 5000', 0, '', HALT_LOG).on('[target current] curstate', 'halted');
    expect(await new Target(r).halt()).toBe('halted');
  });

  it('step on a running core is TargetNotHaltedError with OpenOCD text', async () => {
    const r = new RecordedRunner().onGuarded('step', -304, '', '[stm32f1x.cpu] target not halted\n');
    const err = await new Target(r).step().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetNotHaltedError);
    expect((err as TargetNotHaltedError).openocdText).toBe('[stm32f1x.cpu] target not halted');
  });

  it('waitHalt that times out is TimeoutError', async () => {
    const r = new RecordedRunner().onGuarded('wait_halt 300', -4, '', 'timed out while waiting for target halted\n');
    await expect(new Target(r).waitHalt(300)).rejects.toThrow(TimeoutError);
    expect(r.sent[0]?.opts?.timeoutMs).toBeGreaterThan(300);
  });

  it('announces its own completed reset as a reset event', async () => {
    const r = new RecordedRunner().onGuarded('reset halt', 0, '', HALT_LOG);
    const t = new Target(r, () => () => undefined);
    const seen: string[] = [];
    t.on('reset', (e) => seen.push(e.raw));
    await t.reset('halt');
    expect(seen).toEqual(['reset halt']);
  });

  it("fires reset for another client's reset request, and once (not twice) for its own", async () => {
    let emit: (e: TargetEvent) => void = () => undefined;
    const echo = { name: 'reset-requested', raw: 'type target_reset mode halt' };
    const r = new RecordedRunner().onGuarded('reset halt', 0, '', HALT_LOG);
    const t = new Target(
      { command: async (tcl, o) => { emit(echo); return r.command(tcl, o); } },
      (cb) => {
        emit = cb;
        return () => undefined;
      },
    );
    const seen: string[] = [];
    t.on('reset', (e) => seen.push(e.raw));
    await t.reset('halt'); // its own request's echo arrives while the reset runs
    emit(echo); // ... or just after its reply
    expect(seen).toEqual(['reset halt']);
    const t2 = new Target(new RecordedRunner(), (cb) => {
      emit = cb;
      return () => undefined;
    });
    const seen2: string[] = [];
    t2.on('reset', (e) => seen2.push(e.name));
    emit(echo); // a console `reset halt` or GDB's monitor reset
    expect(seen2).toEqual(['reset-requested']);
  });

  it('builds resume/step/reset commands and validates the mode', async () => {
    const r = new RecordedRunner().onGuarded(/^(resume|step|reset)/, 0, '');
    const t = new Target(r);
    await t.resume();
    await t.resume(0x08000100);
    await t.step(0x08000100);
    await t.reset('init');
    expect(r.commands).toEqual(['resume', 'resume 0x8000100', 'step 0x8000100', 'reset init']);
    await expect(t.reset('hard' as 'run')).rejects.toThrow(ValidationError);
  });

  it('delivers events by kind and stops after unsubscribe', () => {
    let emit: (e: TargetEvent) => void = () => undefined;
    let unsubscribed = false;
    const t = new Target(new RecordedRunner(), (cb) => {
      emit = cb;
      return () => {
        unsubscribed = true;
      };
    });
    const halted: string[] = [];
    const all: string[] = [];
    const off = t.on('halted', (e) => halted.push(e.raw));
    t.on('any', (e) => all.push(e.name));
    t.on('reset', () => all.push('RESET'));
    emit({ name: 'halted', raw: 'type target_event event halted' });
    emit({ name: 'reset-end', raw: 'type target_event event reset-end' });
    off();
    emit({ name: 'halted', raw: 'again' });
    expect(halted).toEqual(['type target_event event halted']);
    expect(all).toEqual(['halted', 'RESET', 'reset-end', 'halted']);
    t.dispose();
    expect(unsubscribed).toBe(true);
  });
});

describe('Registers', () => {
  it('reads several registers in one command', async () => {
    const r = new RecordedRunner().on('list [reg pc] [reg sp]', '{pc (/32): 0x08000040\n} {sp (/32): 0x20005000\n}');
    expect(await new Registers(r).readMany(['pc', 'sp'])).toEqual({ pc: 0x08000040, sp: 0x20005000 });
  });

  it("turns OpenOCD's \"Could not read register\" on a running core into TargetNotHaltedError", async () => {
    const r = new RecordedRunner()
      .on('reg pc', new OpenOCDError("Could not read register 'pc'", { openocdText: "Error: Could not read register 'pc'" }))
      .on('[target current] curstate', 'running');
    const err = await new Registers(r).pc().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetNotHaltedError);
    expect((err as TargetNotHaltedError).openocdText).toBe("Error: Could not read register 'pc'");
  });

  it('an unknown register on a halted core is a TargetError', async () => {
    const r = new RecordedRunner().on('reg nosuch', 'register nosuch not found in current target\n');
    const err = await new Registers(r).read('nosuch').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect((err as TargetError).message).toBe("unknown register 'nosuch'");
    expect(err).not.toBeInstanceOf(TargetNotHaltedError);
  });

  it('readAll refuses a running core; write sends set_reg', async () => {
    const r = new RecordedRunner().on('[target current] curstate', 'running').on('set_reg {r0 0x2a}', '');
    const regs = new Registers(r);
    await expect(regs.readAll()).rejects.toThrow(TargetNotHaltedError);
    await regs.write('r0', 42);
    expect(r.commands).toContain('set_reg {r0 0x2a}');
    await expect(regs.write('r0; shutdown', 1)).rejects.toThrow(ValidationError);
  });
});

describe('Breakpoints', () => {
  it('adds hardware/software breakpoints and watchpoints with the right syntax', async () => {
    const r = new RecordedRunner().onGuarded(/^(bp|wp) /, 0, 'breakpoint set at 0x08000000\n');
    const b = new Breakpoints(r);
    await b.add(0x08000000, 2, { hardware: true });
    await b.add(0x20000000);
    await b.addWatchpoint(0x20000100, 4, 'w');
    await b.addWatchpoint(0x20000100, 4, 'r', { value: 5, mask: 0xff });
    expect(r.commands.filter((c) => !c.includes('cget'))).toEqual(['bp 0x8000000 2 hw', 'bp 0x20000000 2', 'wp 0x20000100 4 w', 'wp 0x20000100 4 r 0x5 0xff']);
  });

  it('a duplicate is BreakpointError with OpenOCD text', async () => {
    const r = new RecordedRunner().onGuarded('bp 0x8000000 2 hw', -312, '', 'Duplicate Breakpoint address: 0x08000000 (BP 0)\n');
    const err = await new Breakpoints(r).add(0x08000000, 2, { hardware: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BreakpointError);
    expect((err as BreakpointError).message).toBe('cannot add breakpoint at 0x08000000: Duplicate Breakpoint address: 0x08000000 (BP 0)');
  });

  it('removing a breakpoint that is not there fails although OpenOCD returns OK', async () => {
    const r = new RecordedRunner().onGuarded('rbp 0x12345678', 0, '', 'no breakpoint at address 0x12345678 found\n');
    await expect(new Breakpoints(r).remove(0x12345678)).rejects.toThrow(BreakpointError);
  });

  it('checks Cortex-M watchpoint rules before OpenOCD (its refusal says only "resource not available")', async () => {
    const r = new RecordedRunner().on('[target current] cget -type', 'cortex_m').onGuarded(/^wp /, 0, '');
    const b = new Breakpoints(r);
    await expect(b.addWatchpoint(0x20000100, 3)).rejects.toThrow(/power of two of bytes up to 32 KiB .* not 3/);
    await expect(b.addWatchpoint(0x20000000, 65536)).rejects.toThrow(BreakpointError);
    const unaligned = await b.addWatchpoint(0x20000102, 4).catch((e: unknown) => e);
    expect((unaligned as BreakpointError).message).toMatch(/must start on a multiple of 4/);
    expect((unaligned as BreakpointError).hint).toMatch(/0x20000100/);
    await expect(b.addWatchpoint(0x20000100, 4, 'r', { value: 5 })).rejects.toThrow(/does not support data value or mask watchpoints on Cortex-M/);
    await expect(b.addWatchpoint(0x20000100, 4, 'r', { mask: 0xff })).rejects.toThrow(BreakpointError);
    await b.addWatchpoint(0x20008000, 32768, 'w');
    expect(r.commands.filter((c) => c.startsWith('wp'))).toEqual(['wp 0x20008000 32768 w']);
  });

  it('does not blame full comparators when none is in use', async () => {
    const r = new RecordedRunner()
      .on('[target current] cget -type', 'arm7tdmi')
      .onGuarded(/^wp /, -308, '', 'can\'t add watchpoint: resource not available\n')
      .on('wp', '');
    const err = await new Breakpoints(r).addWatchpoint(0x20000100, 4).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BreakpointError);
    expect((err as BreakpointError).hint).not.toMatch(/in use/);
  });

  it('rejects a bad access mode', async () => {
    await expect(new Breakpoints(new RecordedRunner()).addWatchpoint(0x20000000, 4, 'x' as 'r')).rejects.toThrow(ValidationError);
  });
});

describe('Jtag', () => {
  it('loads the instruction and scans in one command; parses the result', async () => {
    const r = new RecordedRunner().onGuarded('irscan stm32f1x.bs 0x1; drscan stm32f1x.bs 32 0x0', 0, '16410041');
    expect(await new Jtag(r).drscan('stm32f1x.bs', [{ bits: 32, value: 0 }], { instruction: 1 })).toEqual([0x16410041n]);
  });

  it('maps failures and bad paths to JTAGError', async () => {
    const r = new RecordedRunner().onGuarded('irscan nosuch 0x1', -4, '', 'Invalid command argument\n');
    const j = new Jtag(r);
    await expect(j.irscan('nosuch', 1)).rejects.toThrow(JTAGError);
    await expect(j.pathmove([])).rejects.toThrow(JTAGError);
    await expect(j.pathmove(['RESET', 'DRSHIFT'])).rejects.toThrow('RESET -> DRSHIFT is not a valid TAP transition');
    await expect(j.stateMove('DRSELECT')).rejects.toThrow(JTAGError);
    await expect(j.irscan('stm32f1x.cpu', 1, { endState: 'DRSHIFT' })).rejects.toThrow(JTAGError);
  });

  it('splits long paths into pathmove commands of at most 8 states ending in stable states', async () => {
    const r = new RecordedRunner().onGuarded(/^pathmove /, 0, '');
    const path = ['RESET', 'IDLE', 'DRSELECT', 'DRCAPTURE', 'DREXIT1', 'DRPAUSE', 'DREXIT2', 'DRUPDATE', 'DRSELECT', 'IRSELECT', 'IRCAPTURE', 'IRSHIFT'];
    await new Jtag(r).pathmove(path);
    expect(r.commands).toEqual([
      'pathmove RESET IDLE DRSELECT DRCAPTURE DREXIT1 DRPAUSE',
      'pathmove DRPAUSE DREXIT2 DRUPDATE DRSELECT IRSELECT IRCAPTURE IRSHIFT',
    ]);
  });

  it('rejects paths OpenOCD would refuse', async () => {
    const j = new Jtag(new RecordedRunner());
    await expect(j.pathmove(['IDLE', 'DRSELECT'])).rejects.toThrow('a path must end in a stable state');
    await expect(j.pathmove(['DRSELECT', 'DRCAPTURE', 'DRSHIFT'])).rejects.toThrow('a path must start in a stable state');
    await expect(j.pathmove(['IDLE', 'DRSELECT', 'IRSELECT', 'RESET'])).rejects.toThrow(/RESET can only start a path/);
  });

  it('builds svf/xsvf/newtap commands with quoted paths', async () => {
    const r = new RecordedRunner().onGuarded(/^(svf|xsvf|jtag newtap)/, 0, '', 'svf file programmed successfully for 3 commands with 0 errors\n');
    const j = new Jtag(r);
    const res = await j.svf('/tmp/my file.svf', { tap: 'stm32f1x.bs', progress: true });
    expect(res.log).toContain('programmed successfully');
    await j.xsvf('plain', '/tmp/x.xsvf', { quiet: true });
    await j.newTap('chip', 'cpu', { irLength: 4, expectedIds: [0x3ba00477] });
    expect(r.commands).toEqual([
      'svf -tap stm32f1x.bs /tmp/my\\ file.svf progress',
      'xsvf plain /tmp/x.xsvf quiet',
      'jtag newtap chip cpu -irlen 4 -expected-id 0x3ba00477',
    ]);
  });
});

describe('Rtt and Transport', () => {
  it('reports whether rtt start found the control block', async () => {
    const r = new RecordedRunner()
      .onGuarded('rtt setup 0x20000000 20480 SEGGER\\ RTT', 0, '')
      .onGuarded('rtt start', 0, '', "rtt: Searching for control block 'SEGGER RTT'\nrtt: No control block found\n")
      .onGuarded('rtt channels', -4, 'rtt: Control block not available\n');
    const rtt = new Rtt(r);
    await rtt.setup(0x20000000, 0x5000);
    expect(await rtt.start()).toEqual({});
    await expect(rtt.channels()).rejects.toThrow('cannot list RTT channels: rtt: Control block not available');
  });

  it('retries rtt server start on another port when OpenOCD cannot bind the first', async () => {
    const servers: net.Server[] = [];
    const tried: number[] = [];
    const r = new RecordedRunner()
      .onGuardedWith(/^rtt server start (\d+) 0$/, (inner) => {
        const port = Number(/start (\d+)/.exec(inner)![1]);
        tried.push(port);
        if (tried.length === 1) return guardedReply(-4, '', `couldn't bind rtt to socket on port ${port}: Address already in use\n`);
        const srv = net.createServer((sock) => sock.end());
        servers.push(srv);
        srv.listen(port, '127.0.0.1');
        return guardedReply(0, '', `Listening on port ${port} for rtt connections\n`);
      })
      .onGuarded(/^rtt server stop/, 0, '');
    try {
      const rtt = new Rtt(r);
      const stream = await rtt.open(0);
      expect(tried).toHaveLength(2);
      expect(tried[0]).not.toBe(tried[1]);
      await stream.close();
    } finally {
      for (const srv of servers) srv.close();
    }
  });

  it('reads adapter facts and the voltage from the log', async () => {
    const r = new RecordedRunner().on('adapter name', 'remote_bitbang').on('transport select', 'jtag');
    const t = new Transport(r, () => ['Info : clock speed 1000 kHz', 'Info : Target voltage: 3.236292']);
    expect(await t.adapterName()).toBe('remote_bitbang');
    expect(await t.current()).toBe('jtag');
    expect(await t.targetVoltage()).toBeCloseTo(3.236, 3);
    expect(await new Transport(r).targetVoltage()).toBeUndefined();
  });
});

describe('Session.connect notifications', () => {
  it('maps notification frames to target events', () => {
    expect(toTargetEvent({ type: 'target_event', event: 'halted', raw: 'type target_event event halted' })).toEqual({ name: 'halted', raw: 'type target_event event halted' });
    expect(toTargetEvent({ type: 'target_reset', mode: 'halt', raw: 'type target_reset mode halt' })?.name).toBe('reset-requested');
    expect(toTargetEvent({ type: 'target_state', state: 'running', raw: 'type target_state state running' })).toBeUndefined();
  });
});

describe('startFailureLines', () => {
  it("shows OpenOCD's error lines, not its banner", () => {
    const lines = [
      'Open On-Chip Debugger 0.12.0',
      'Licensed under GNU GPL v2',
      'For bug reports, read',
      '\thttp://openocd.org/doc/doxygen/bugs.html',
      'Info : clock speed 1000 kHz',
      'Error: unable to open ftdi device with vid 0403, pid 6010',
    ];
    expect(startFailureLines(lines)).toEqual(['Error: unable to open ftdi device with vid 0403, pid 6010', 'Info : clock speed 1000 kHz']);
  });
});
