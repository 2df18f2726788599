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

  it('all ones alone: unpowered first, wiring a close second', () => {
    const f = diagnose({ log: ALL_ONES });
    expect(f.map((x) => x.category).slice(0, 2)).toEqual(['target-unpowered', 'wiring']);
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
  });

  it('an UNEXPECTED IDCODE that is garbage (bit 0 clear) is wiring', () => {
    const f = diagnose({ log: ['Warn : JTAG tap: stm32f1x.cpu       UNEXPECTED: 0x1dd00476 (mfg: 0x23b (ARM Ltd), part: 0xdd00, ver: 0x1)', 'Error: JTAG tap: stm32f1x.cpu  expected 1 of 1: 0x3ba00477 (mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x3)'] });
    expect(f[0]?.category).toBe('wiring');
  });

  it('init mode failed with 3.2 V: wiring first, then reset hold, not power', () => {
    const cats = diagnose({ log: INIT_FAILED }).map((f) => f.category);
    expect(cats.slice(0, 2)).toEqual(['wiring', 'needs-reset-hold']);
    expect(cats).not.toContain('target-unpowered');
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
