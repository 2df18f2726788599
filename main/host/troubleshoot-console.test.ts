// Issue 17: commands the user types in the console on a working connection (init
// succeeded) that OpenOCD rejects are typos, not a configuration fault: neither their
// RPC error nor OpenOCD's logged reply may make the troubleshooter blame the config.
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { ConnectionProfile } from '../../shared/profile';
import type { HostServices } from './services';
import { createTroubleshooter } from './troubleshoot';
import { withoutConsoleReplies } from './troubleshoot-log';

const PROFILE: ConnectionProfile = { id: 'p1', name: 'board', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg', extraCommands: [] };

/** A run that connected at time 100; `after` are lines OpenOCD logged later. */
function connectedRun(after: string[]): { services: HostServices; emit: (s: ConnectionStatus) => void } {
  const before = ['Open On-Chip Debugger 0.12.0', 'Info : STLINK V2J37S7 (API v2) VID:PID 0483:3748', 'Info : Target voltage: 3.254902', 'Info : stm32f1x.cpu: hardware has 6 breakpoints, 4 watchpoints'];
  const history: LogLine[] = [
    ...before.map((text, i) => ({ seq: i, level: 'info' as const, text, time: 50 })),
    ...after.map((text, i) => ({ seq: 100 + i, level: /^Error/.test(text) ? ('error' as const) : ('info' as const), text, time: Date.now() + 1000 })),
  ];
  let status = { state: 'connected', target: 'halted', info: { taps: [], targetName: 'stm32f1x.cpu' }, profileId: PROFILE.id } as unknown as ConnectionStatus;
  const listeners: Array<(s: ConnectionStatus) => void> = [];
  const controller = {
    status: () => status,
    logHistory: () => history,
    onStatus: (cb: (s: ConnectionStatus) => void) => (listeners.push(cb), () => undefined),
    command: async () => '',
  };
  const services = {
    controller,
    profiles: { get: async () => PROFILE, list: async () => ({ profiles: [PROFILE], selectedId: PROFILE.id }), markUsed: async () => undefined },
    listConfigs: async () => ({ interface: [], target: [], board: [], scriptsDir: null }),
    listAdapters: async () => [],
    board: { profileFor: (p: ConnectionProfile) => p },
  } as unknown as HostServices;
  return {
    services,
    emit: (s) => {
      status = s;
      for (const l of listeners) l(s);
    },
  };
}

const TYPO = ['Error: invalid command name "flsh"', 'Error: wrong # args: should be "mdw ?phys? address ?count?"'];

describe('console typos on a working connection', () => {
  it('OpenOCD\'s logged replies after init are not weighed; the same lines before init still are', () => {
    const lines: LogLine[] = [
      { seq: 1, level: 'error', text: 'invalid command name "jtag_khz"', time: 10 },
      { seq: 2, level: 'error', text: 'invalid command name "flsh"', time: 200 },
      { seq: 3, level: 'error', text: 'Polling target stm32f1x.cpu failed, trying to reexamine', time: 300 },
    ];
    expect(withoutConsoleReplies(lines, 100).map((l) => l.seq)).toEqual([1, 3]);
    expect(withoutConsoleReplies(lines, undefined)).toHaveLength(3);
  });

  it('a rejected typed command neither logged nor returned makes config-error a finding', async () => {
    const { services, emit } = connectedRun(TYPO);
    const t = createTroubleshooter(services);
    emit({ state: 'starting' } as ConnectionStatus);
    emit({ state: 'connected', target: 'halted', info: { taps: [], targetName: 'stm32f1x.cpu' }, profileId: PROFILE.id } as unknown as ConnectionStatus);
    t.noteRpcError({ kind: 'OpenOCDError', message: 'invalid command name "flsh"', openocdText: 'invalid command name "flsh"' }, 'command');
    const r = await t.diagnose('on-demand');
    expect(r.findings.map((f) => f.category)).not.toContain('config-error');
  });

  it('without the filter the same lines would blame the configuration (the test can fail)', async () => {
    const { services } = connectedRun(TYPO);
    const t = createTroubleshooter(services);
    // No 'connected' status seen: nothing marks the lines as console replies.
    const r = await t.diagnose('on-demand');
    expect(r.findings[0]?.category).toBe('config-error');
  });
});
