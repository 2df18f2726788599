// Evidence combination and the inputs beyond the log (voltage, USB scan, checks, answers, profile).
import { describe, expect, it } from 'vitest';
import { diagnose } from './engine';
import type { ConnectionProfile } from '../../shared/profile';

const ALL_ONES = ['Error: JTAG scan chain interrogation failed: all ones', 'Error: Check JTAG interface, timings, target power, etc.', 'Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01', 'Error: Invalid ACK (7) in DAP response'];
const INIT_FAILED = ['Info : STLINK V2J37S7 (API v2) VID:PID 0483:3748', 'Info : Target voltage: 3.24', 'Error: init mode failed (unable to connect to the target)'];
const top = (input: Parameters<typeof diagnose>[0]) => diagnose(input)[0];

function profile(p: Partial<ConnectionProfile>): ConnectionProfile {
  return { id: 'p', name: 'p', kind: 'configs', extraCommands: [], ...p };
}

describe('evidence combination', () => {
  it('all ones + "Target voltage: 0.0" is an unpowered target, with high confidence', () => {
    const f = top({ log: ['Info : Target voltage: 0.000000', ...ALL_ONES] });
    expect(f?.category).toBe('target-unpowered');
    expect(f?.confidence).toBeGreaterThan(0.9);
    expect(f?.evidence).toContain('Info : Target voltage: 0.000000');
  });

  it('all ones alone (no voltage, no check) leans to a wire or the firmware, stays close to power, and asks the deciding question', () => {
    const f = diagnose({ log: ALL_ONES });
    expect(f.map((x) => x.category).slice(0, 3)).toEqual(['wiring', 'needs-reset-hold', 'target-unpowered']);
    expect(f[0]!.confidence - f[2]!.confidence).toBeLessThanOrEqual(0.1);
    expect(f[0]?.title).toMatch(/does not answer: most likely a wire/);
    expect(f[0]?.explanation).toMatch(/all ones/);
    expect(f[0]?.steps.map((s) => s.action)).toEqual(['measure-voltage', 'retry-connect-under-reset', 'check-wiring']);
    expect(f[0]?.decidingQuestion?.between).toEqual(['wiring', 'needs-reset-hold', 'target-unpowered']);
    expect(f[0]?.decidingQuestion?.action).toBe('retry-connect-under-reset');
  });

  it('all zeroes alone leans to no power (the issue-15 pair: unpowered reads zeroes, swapped wires ones)', () => {
    const zeroes = diagnose({ log: ['Error: JTAG scan chain interrogation failed: all zeroes', 'Error: Check JTAG interface, timings, target power, etc.'] });
    expect(zeroes.map((x) => x.category).slice(0, 3)).toEqual(['target-unpowered', 'wiring', 'needs-reset-hold']);
    expect(zeroes[0]!.confidence).toBeGreaterThan(zeroes[1]!.confidence);
    expect(zeroes[0]?.explanation).toMatch(/all zeroes/);
    expect(zeroes[0]?.steps[0]?.action).toBe('measure-voltage');
    expect(zeroes[0]?.decidingQuestion).toMatchObject({ action: 'measure-voltage', between: ['target-unpowered', 'wiring', 'needs-reset-hold'] });
    // The two logs no longer give the same finding at the same confidence.
    const ones = diagnose({ log: ['Error: JTAG scan chain interrogation failed: all ones', 'Error: Check JTAG interface, timings, target power, etc.'] });
    expect(ones[0]?.category).not.toBe(zeroes[0]?.category);
  });

  it('a voltage decides it: no deciding question once the adapter reported one', () => {
    const f = diagnose({ log: ['Info : Target voltage: 3.24', ...ALL_ONES] });
    expect(f[0]?.category).toBe('wiring');
    expect(f[0]?.decidingQuestion?.action).not.toBe('measure-voltage');
  });

  it('all ones with a measured 3.3 V points at wiring', () => {
    expect(top({ log: ALL_ONES, answers: { measuredVoltage: 3.3 } })?.category).toBe('wiring');
  });

  it('an UNEXPECTED IDCODE of a real part is the wrong target, with the CPUTAPID fix', () => {
    const f = top({ log: ['Warn : UNEXPECTED idcode: 0x2ba01477', 'Error: expected 1 of 1: 0x1ba01477'] });
    expect(f?.category).toBe('wrong-target');
    const step = f?.steps.find((s) => s.action === 'set-cputapid');
    expect(step?.args).toEqual({ cputapid: '0x2ba01477' });
    expect(step?.text).toContain('set CPUTAPID 0x2ba01477');
    // 0x2ba01477 is the SW-DP of several families: the stock cfgs that expect it are offered too.
    const cfgStep = f?.steps.find((s) => s.action === 'suggest-target-for-idcode');
    expect(cfgStep?.args?.cfgs?.split(',')).toEqual(expect.arrayContaining(['target/stm32f4x.cfg', 'target/stm32f3x.cfg']));
    expect(cfgStep?.args?.cfgs).not.toContain('target/stm32f1x.cfg');
  });

  it('IDCODE labels follow the stock cfgs: 0x1ba01477 is the STM32F1 SW-DP, L5/U5 use 0x0be12477', async () => {
    const { lookupIdcode } = await import('./idcodes');
    expect(lookupIdcode(0x1ba01477)?.part).toMatch(/STM32F1/);
    expect(lookupIdcode(0x1ba01477)?.part).not.toMatch(/F4/);
    expect(lookupIdcode(0x2ba01477)?.alsoCfgs).toContain('target/stm32f4x.cfg');
    expect(lookupIdcode(0x6ba02477)?.part).not.toMatch(/L5|U5/);
    expect(lookupIdcode(0x0be12477)?.alsoCfgs).toEqual(['target/stm32l5x.cfg', 'target/stm32u5x.cfg']);
  });

  it('an UNEXPECTED IDCODE that is garbage (bit 0 clear) is wiring', () => {
    const f = diagnose({ log: ['Warn : JTAG tap: stm32f1x.cpu       UNEXPECTED: 0x1dd00476 (mfg: 0x23b (ARM Ltd), part: 0xdd00, ver: 0x1)', 'Error: JTAG tap: stm32f1x.cpu  expected 1 of 1: 0x3ba00477 (mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x3)'] });
    expect(f[0]?.category).toBe('wiring');
  });

  it('init mode failed with 3.2 V: firmware holding SWD or a wire, close together, decided by a connect under reset; not power', () => {
    const f = diagnose({ log: INIT_FAILED });
    expect(f.map((x) => x.category).slice(0, 2)).toEqual(['needs-reset-hold', 'wiring']);
    expect(f.map((x) => x.category)).not.toContain('target-unpowered');
    expect(f[0]?.decidingQuestion).toMatchObject({ action: 'retry-connect-under-reset', between: ['needs-reset-hold', 'wiring'] });
    // A failed retry under reset leaves the wires.
    expect(diagnose({ log: INIT_FAILED, checks: [{ id: 'connect-under-reset', ok: false }] })[0]?.category).toBe('wiring');
  });

  it('gdb attach refusal is not also reported as a plain "not halted"', () => {
    const f = diagnose({ log: ['Error: Target not halted', 'Error: auto_probe failed', "Error: Connect failed. Consider setting up a gdb-attach event for the target to prepare target for GDB connect, or use 'gdb_memory_map disable'."] });
    expect(f[0]?.category).toBe('gdb-attach-not-halted');
    expect(f.find((x) => x.category === 'target-not-halted')?.confidence ?? 0).toBeLessThan(0.3);
  });

  it('RPC error texts count like log lines', () => {
    expect(top({ log: [], rpcErrors: ['target not halted'] })?.category).toBe('target-not-halted');
  });

  it('an unrecognised failure is reported as unknown with the error lines', () => {
    const f = diagnose({ log: 'Info : all good\nError: something new', exitCode: 1 });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ category: 'unknown', evidence: ['Error: something new'] });
  });
});

describe('inputs beyond the log', () => {
  const stlink = profile({ interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg' });

  it('"open failed" with the ST-Link on USB means permissions', () => {
    const f = top({ log: 'Error: open failed', profile: stlink, usbAdapters: [{ vid: '0483', pid: '3748', name: 'STLINK-V2' }] });
    expect(f?.category).toBe('usb-permission');
    expect(f?.steps.some((s) => s.action === 'udev-rule')).toBe(true);
  });

  it('"open failed" with nothing on USB means not found', () => {
    expect(top({ log: 'Error: open failed', profile: stlink, usbAdapters: [] })?.category).toBe('adapter-not-found');
  });

  it('a device the scan could not open is a permission problem', () => {
    const f = top({ log: 'Error: open failed', usbAdapters: [{ vid: '0483', pid: '3748', accessible: false }] });
    expect(f?.category).toBe('usb-permission');
    expect(f?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('a successful connect-under-reset check confirms needs-reset-hold', () => {
    const f = top({ log: INIT_FAILED, checks: [{ id: 'connect-under-reset', ok: true }] });
    expect(f?.category).toBe('needs-reset-hold');
    expect(f?.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('the user saying reset-hold helped confirms it too', () => {
    expect(top({ log: INIT_FAILED, answers: { resetHoldHelped: true } })?.category).toBe('needs-reset-hold');
  });

  it('a Kinetis security warning is a secured chip with the family\'s mass erase, not the STM32 unlock', () => {
    const f = top({ log: ['Warn : **** Your Kinetis MCU is in secured state, which means that,  ****'] });
    expect(f?.category).toBe('flash-protected');
    expect(f?.title).toBe('The chip is secured: flash access refused');
    expect(f?.steps[0]?.text).toContain('kinetis mdm mass_erase');
    expect(f?.steps.map((s) => s.text).join(' ')).not.toContain('stm32f1x unlock');
  });

  it('a measured 5 V is its own finding (voltage-out-of-range), not unpowered', () => {
    const f = diagnose({ log: ALL_ONES, answers: { measuredVoltage: 5.0 } });
    expect(f[0]?.category).toBe('voltage-out-of-range');
    expect(f[0]?.title).toBe('Target voltage too high (measured 5.00 V)');
    expect(f.find((x) => x.category === 'target-unpowered')?.confidence ?? 0).toBeLessThan(0.3);
  });

  it('an adapter reading between "unpowered" and the operating minimum is "too low"', () => {
    const f = top({ log: ['Info : Target voltage: 1.420000', 'Error: init mode failed (unable to connect to the target)'] });
    expect(f?.category).toBe('target-unpowered');
    expect(f?.title).toBe('Target voltage too low (adapter reads 1.42 V)');
  });

  it('a measured 0 V overrides the adapter reading', () => {
    expect(top({ log: INIT_FAILED, answers: { measuredVoltage: 0.1 } })?.category).toBe('target-unpowered');
  });

  it('profile with stlink-v2.cfg that cannot be found: suggests interface/stlink.cfg from the scripts list', () => {
    const f = top({
      log: "Error: Can't find interface/stlink-v2.cfg",
      profile: profile({ interfaceCfg: 'interface/stlink-v2.cfg' }),
      availableCfgs: ['interface/stlink.cfg', 'interface/jlink.cfg', 'interface/cmsis-dap.cfg', 'target/stm32f1x.cfg'],
    });
    expect(f?.category).toBe('config-not-found');
    expect(f?.steps[0]).toMatchObject({ action: 'suggest-cfg', args: { missing: 'interface/stlink-v2.cfg', cfg: 'interface/stlink.cfg' } });
  });

  it('a 0.11+ command on OpenOCD 0.10 means OpenOCD is outdated', () => {
    const f = top({ log: ['Open On-Chip Debugger 0.10.0', 'invalid command name "adapter"'] });
    expect(f?.category).toBe('openocd-outdated');
    expect(f?.steps[0]?.action).toBe('update-openocd');
  });

  it('findings are sorted and confidences stay within 0..1', () => {
    const f = diagnose({ log: [...ALL_ONES, ...INIT_FAILED, 'Error: stm32x device protected'] });
    for (let i = 1; i < f.length; i++) expect(f[i - 1]!.confidence).toBeGreaterThanOrEqual(f[i]!.confidence);
    for (const x of f) {
      expect(x.confidence).toBeGreaterThan(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('shared voltage bands', () => {
  it('classifyVoltage uses VOLTAGE_THRESHOLDS at its edges', async () => {
    const { classifyVoltage, VOLTAGE_THRESHOLDS: T } = await import('../../shared/diagnose');
    expect([0, T.unpowered - 0.01, T.unpowered, T.minOperating - 0.01, T.minOperating, 3.3, T.maxOperating, T.maxOperating + 0.01].map(classifyVoltage)).toEqual([
      'unpowered',
      'unpowered',
      'too-low',
      'too-low',
      'fine',
      'fine',
      'fine',
      'too-high',
    ]);
  });
});
