import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../../shared/profile';
import { buildOpenOcdArgs } from '../../openocd/args';
import { lastRun } from '../../host/troubleshoot-log';
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

  it('set-cputapid runs before the target cfg and keeps the profile speed after it', () => {
    const { profile } = ok(applyProfileFix({ ...base, adapterSpeedKhz: 100 }, 'set-cputapid', { cputapid: '0x2ba01477' }));
    const args = buildOpenOcdArgs(profile, ports);
    const set = args.indexOf('set CPUTAPID 0x2ba01477');
    expect(args.indexOf('target/stm32f1x.cfg')).toBe(set + 2);
    // stm32f1x.cfg sets its own `adapter speed 1000`; the profile's 100 kHz must still win.
    expect(args.indexOf('adapter speed 100')).toBeGreaterThan(set);
    expect(profile.targetCfg).toBe('target/stm32f1x.cfg');
    expect(profile.extraCommands).toEqual(['echo hi']);
    // Applied twice: one CPUTAPID, the newest.
    const again = ok(applyProfileFix(profile, 'set-cputapid', { cputapid: '0x1ba01477' })).profile;
    expect(again.preTargetCommands).toEqual(['set CPUTAPID 0x1ba01477']);
  });

  it('set-cputapid also works for board-cfg and virtual-board profiles', () => {
    const board = ok(applyProfileFix({ id: 'b', name: 'B', kind: 'configs', boardCfg: 'board/stm32f103c8_blue_pill.cfg', extraCommands: [] }, 'set-cputapid', { cputapid: '0x2ba01477' }));
    const bargs = buildOpenOcdArgs(board.profile, ports);
    expect(bargs.indexOf('board/stm32f103c8_blue_pill.cfg')).toBe(bargs.indexOf('set CPUTAPID 0x2ba01477') + 2);
    const vb = ok(applyProfileFix({ id: 'v', name: 'V', kind: 'vboard', extraCommands: [] }, 'set-cputapid', { cputapid: '0x2ba01477' }));
    const vargs = buildOpenOcdArgs(vb.profile, { ...ports, assetsDir: '/app/assets' });
    expect(vargs.indexOf('target/stm32f1x.cfg')).toBe(vargs.indexOf('set CPUTAPID 0x2ba01477') + 2);
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

describe('log runs', () => {
  it('lastRun keeps the lines from the last OpenOCD banner on', () => {
    const l = (seq: number, text: string) => ({ seq, text, level: 'info' as const, time: 0 });
    const run = lastRun([l(1, 'Open On-Chip Debugger 0.12.0'), l(2, 'old'), l(3, 'Open On-Chip Debugger 0.12.0'), l(4, 'new')]);
    expect(run.map((x) => x.text)).toEqual(['Open On-Chip Debugger 0.12.0', 'new']);
  });
});
