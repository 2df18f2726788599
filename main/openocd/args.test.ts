import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../shared/profile';
import { buildOpenOcdArgs, buildOpenOcdEnv, GDB_DETACH_RESUMES } from './args';
import { ValidationError } from './errors';

const base: ConnectionProfile = { id: 'p', name: 'P', kind: 'configs', extraCommands: [] };
const ports = { tcl: 50001, gdb: 50002, telnet: 50003 };
/** Without GDB: the command line ends with the profile's own commands and init. */
const noGdb = { tcl: 50001, telnet: 50003 };

describe('buildOpenOcdArgs', () => {
  it('puts bindto first, then ports, interface, transport, target, speed, reset_config, extras, init', () => {
    const args = buildOpenOcdArgs(
      {
        ...base,
        interfaceCfg: 'interface/stlink.cfg',
        targetCfg: 'target/stm32f1x.cfg',
        transport: 'hla_swd',
        adapterSpeedKhz: 4000,
        resetConfig: 'srst_only srst_nogate connect_assert_srst',
        extraCommands: ['stm32f1x.cpu configure -event gdb-attach { halt }', '  '],
      },
      { ports, scriptsDir: '/opt/openocd/scripts' },
    );
    expect(args).toEqual([
      '-s', '/opt/openocd/scripts',
      '-c', 'bindto 127.0.0.1',
      '-c', 'tcl_port 50001',
      '-c', 'telnet_port 50003',
      '-c', 'gdb_port 50002',
      '-f', 'interface/stlink.cfg',
      '-c', 'transport select hla_swd',
      '-f', 'target/stm32f1x.cfg',
      '-c', 'adapter speed 4000',
      '-c', 'reset_config srst_only srst_nogate connect_assert_srst',
      '-c', 'stm32f1x.cpu configure -event gdb-attach { halt }',
      '-c', GDB_DETACH_RESUMES, // the gdb port is open: a GDB detach lets the firmware run
      '-c', 'init',
    ]);
  });

  it('disables servers without a port and uses a board cfg alone', () => {
    const args = buildOpenOcdArgs({ ...base, boardCfg: 'board/stm32f103c8_blue_pill.cfg' }, { ports: { tcl: 1234 } });
    expect(args).toEqual([
      '-c', 'bindto 127.0.0.1',
      '-c', 'tcl_port 1234',
      '-c', 'telnet_port disabled',
      '-c', 'gdb_port disabled',
      '-f', 'board/stm32f103c8_blue_pill.cfg',
      '-c', 'init',
    ]);
  });

  it('runs preTargetCommands after the interface cfg and transport, before the target cfg (and before the speed the target cfg would override)', () => {
    const pre = { preTargetCommands: ['set CPUTAPID 0x2ba01477', ' '] };
    const args = buildOpenOcdArgs(
      { ...base, interfaceCfg: 'interface/stlink.cfg', transport: 'hla_swd', targetCfg: 'target/stm32f1x.cfg', adapterSpeedKhz: 100, ...pre },
      { ports: noGdb },
    );
    expect(args.slice(args.indexOf('interface/stlink.cfg') - 1)).toEqual([
      '-f', 'interface/stlink.cfg',
      '-c', 'transport select hla_swd',
      '-c', 'set CPUTAPID 0x2ba01477',
      '-f', 'target/stm32f1x.cfg',
      '-c', 'adapter speed 100',
      '-c', 'init',
    ]);
    // A board cfg sources interface and target itself: the commands come before it.
    const board = buildOpenOcdArgs({ ...base, boardCfg: 'board/stm32f103c8_blue_pill.cfg', ...pre }, { ports });
    expect(board.indexOf('set CPUTAPID 0x2ba01477')).toBe(board.indexOf('board/stm32f103c8_blue_pill.cfg') - 2);
    // The virtual board: after its interface cfg, before the stock target cfg.
    const vb = buildOpenOcdArgs({ ...base, kind: 'vboard', transport: 'jtag', ...pre }, { ports, assetsDir: '/app/assets' });
    const at = vb.indexOf('set CPUTAPID 0x2ba01477');
    expect(vb.slice(at - 2, at + 3)).toEqual(['transport select jtag', '-c', 'set CPUTAPID 0x2ba01477', '-f', 'target/stm32f1x.cfg']);
    expect(vb.indexOf('/app/assets/openocd/vboard.cfg')).toBeLessThan(at);
  });

  it('passes odd file names as one argv element, via `script "..."` when they have Tcl braces', () => {
    const args = buildOpenOcdArgs({ ...base, interfaceCfg: '/home/me/my boards/a b.cfg', targetCfg: '/tmp/{x}.cfg' }, { ports });
    expect(args).toContain('/home/me/my boards/a b.cfg');
    expect(args).toContain('script "/tmp/\\{x\\}.cfg"');
  });

  it('builds the virtual board command line and its environment', () => {
    const profile: ConnectionProfile = { ...base, kind: 'vboard', adapterSpeedKhz: 1000 };
    const args = buildOpenOcdArgs(profile, { ports: noGdb, assetsDir: '/app/assets' });
    const files = args.filter((_, i) => args[i - 1] === '-f');
    expect(files).toEqual(['/app/assets/openocd/vboard.cfg', 'target/stm32f1x.cfg']);
    expect(args.slice(-4)).toEqual(['-c', 'adapter speed 1000', '-c', 'init']);
    expect(buildOpenOcdEnv(profile, { vboardPort: 40123 })).toEqual({ VBOARD_PORT: '40123' });
    expect(buildOpenOcdEnv(base, {})).toEqual({});
    expect(() => buildOpenOcdArgs(profile, { ports })).toThrow(ValidationError);
  });

  it.each([
    [{ adapterSpeedKhz: -5 }],
    [{ adapterSpeedKhz: 1.5 }],
    [{ resetConfig: 'srst_only; shutdown' }],
    [{ transport: 'jtag; shutdown' as never }],
  ])('rejects %j', (bad) => {
    expect(() => buildOpenOcdArgs({ ...base, interfaceCfg: 'interface/x.cfg', ...bad }, { ports })).toThrow(ValidationError);
  });

  it('rejects invalid ports', () => {
    expect(() => buildOpenOcdArgs(base, { ports: { tcl: 70000 } })).toThrow(ValidationError);
  });
});
