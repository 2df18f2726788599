import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../../shared/profile';
import { classifyVoltage } from '../../../shared/troubleshoot';
import { buildOpenOcdArgs } from '../../openocd/args';
import { lastRun } from '../../host/troubleshoot';
import { applyProfileFix } from './profile-fixes';

const base: ConnectionProfile = { id: 'p', name: 'P', kind: 'configs', interfaceCfg: 'interface/stlink-v2.cfg', targetCfg: 'target/stm32f1x.cfg', extraCommands: ['echo hi'] };
const ports = { ports: { tcl: 6666 } };

function ok(r: ReturnType<typeof applyProfileFix>) {
  if (r instanceof Error) throw r;
  return r;
}

describe('profile fixes', () => {
  it('connect-under-reset: reset_config comes after the target cfg on the command line', () => {
    const { profile } = ok(applyProfileFix(base, 'retry-connect-under-reset'));
    const args = buildOpenOcdArgs(profile, ports);
    expect(args.indexOf('reset_config srst_only srst_nogate connect_assert_srst')).toBeGreaterThan(args.indexOf('target/stm32f1x.cfg'));
    expect(base.resetConfig).toBeUndefined(); // the original is untouched (undo keeps it)
  });

  it('suggest-cfg replaces the field that named the missing file', () => {
    const r = ok(applyProfileFix(base, 'suggest-cfg', { missing: 'interface/stlink-v2.cfg', cfg: 'interface/stlink.cfg' }));
    expect(r.profile.interfaceCfg).toBe('interface/stlink.cfg');
    expect(r.profile.targetCfg).toBe('target/stm32f1x.cfg');
    expect(r.applied).toBe('interface cfg: interface/stlink-v2.cfg → interface/stlink.cfg');
  });

  it('set-cputapid is set before the target cfg is sourced', () => {
    const { profile } = ok(applyProfileFix(base, 'set-cputapid', { cputapid: '0x2ba01477' }));
    const args = buildOpenOcdArgs(profile, ports);
    const set = args.indexOf('set CPUTAPID 0x2ba01477');
    expect(set).toBeGreaterThan(-1);
    expect(args.indexOf('source [find target/stm32f1x.cfg]')).toBe(set + 2);
    expect(args).not.toContain('target/stm32f1x.cfg');
  });

  it('gdb-attach event goes into the extra commands once; bad input is refused', () => {
    const once = ok(applyProfileFix(base, 'add-gdb-attach-reset-init')).profile;
    const twice = ok(applyProfileFix(once, 'add-gdb-attach-reset-init')).profile;
    expect(twice.extraCommands.filter((c) => c.includes('gdb-attach'))).toHaveLength(1);
    expect(applyProfileFix(base, 'set-cputapid', { cputapid: 'x; shutdown' })).toBeInstanceOf(Error);
    expect(applyProfileFix(base, 'unlock-flash')).toBeInstanceOf(Error);
  });

  it('lower-adapter-speed sets the slow clock', () => {
    expect(ok(applyProfileFix(base, 'lower-adapter-speed', { khz: '100' })).profile.adapterSpeedKhz).toBe(100);
  });
});

describe('voltage classes and log runs', () => {
  it('classifies at the thresholds', () => {
    expect([0, 0.49, 0.5, 1.64, 1.65, 3.3, 3.6, 3.61, 5].map(classifyVoltage)).toEqual(['unpowered', 'unpowered', 'too-low', 'too-low', 'fine', 'fine', 'fine', 'too-high', 'too-high']);
  });
  it('lastRun keeps the lines from the last OpenOCD banner on', () => {
    const l = (seq: number, text: string) => ({ seq, text, level: 'info' as const, time: 0 });
    const run = lastRun([l(1, 'Open On-Chip Debugger 0.12.0'), l(2, 'old'), l(3, 'Open On-Chip Debugger 0.12.0'), l(4, 'new')]);
    expect(run.map((x) => x.text)).toEqual(['Open On-Chip Debugger 0.12.0', 'new']);
  });
});
