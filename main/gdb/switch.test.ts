import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../shared/profile';
import { cortexDebugLaunch, gdbTargetCommand } from '../../shared/gdb';
import { GdbSwitch } from './switch';

const base: ConnectionProfile = { id: 'p', name: 'P', kind: 'configs', extraCommands: [] };

describe('GdbSwitch', () => {
  it('follows the profile option until the panel switch is used', () => {
    const sw = new GdbSwitch();
    expect(sw.startOptions(base)).toEqual({});
    expect(sw.startOptions({ ...base, gdb: { enabled: true } })).toEqual({ gdb: {} });
    expect(sw.startOptions({ ...base, gdb: { enabled: true, port: 50000 } })).toEqual({ gdb: { port: 50000 } });
    sw.set(false);
    expect(sw.startOptions({ ...base, gdb: { enabled: true, port: 50000 } })).toEqual({});
    sw.set(true);
    // The profile's pinned port stays unless the switch pins another.
    expect(sw.startOptions({ ...base, gdb: { enabled: false, port: 50000 } })).toEqual({ gdb: { port: 50000 } });
    sw.set(true, 51000);
    expect(sw.state(base, 51000)).toEqual({ enabled: true, port: 51000, servedPort: 51000 });
  });
});

describe('what to paste', () => {
  it('a GDB command and a Cortex-Debug configuration for an already running server', () => {
    expect(gdbTargetCommand(4242)).toBe('target extended-remote 127.0.0.1:4242');
    const cfg = cortexDebugLaunch({ port: 4242, executable: '/fw/blinky.elf', svdFile: '/svd/STM32F103.svd', gdbPath: 'gdb-multiarch' }).configurations[0];
    expect(cfg).toEqual({
      name: 'Bring-up Workbench (127.0.0.1:4242)',
      type: 'cortex-debug',
      request: 'attach',
      servertype: 'external',
      gdbTarget: '127.0.0.1:4242',
      executable: '/fw/blinky.elf',
      svdFile: '/svd/STM32F103.svd',
      gdbPath: 'gdb-multiarch',
    });
  });
});
