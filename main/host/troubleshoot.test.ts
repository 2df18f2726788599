// The troubleshooter's host side with a scripted controller and profile store: what it
// hands the engine (USB scan, RPC errors), and how checks, keeps and undo behave.
// The real-OpenOCD path is covered end to end by e2e/troubleshooter.spec.ts.
import { describe, expect, it } from 'vitest';
import type { DetectedAdapter } from '../../shared/adapters';
import { KNOWN_ADAPTERS } from '../../shared/adapters';
import type { ConnectionStatus, LogLine } from '../../shared/connection';
import type { ConnectionProfile } from '../../shared/profile';
import type { HostServices } from './services';
import { createTroubleshooter } from './troubleshoot';
import { adapterForProfile, reportAdapter } from './troubleshoot-usb';

const STLINK = KNOWN_ADAPTERS.find((a) => a.pid === '3748')!;

function adapter(permissionOk: boolean | null): DetectedAdapter {
  return {
    vid: '0483', pid: '3748', name: STLINK.name, family: 'stlink', known: STLINK, serial: '123', openocdSerial: '123', product: null,
    manufacturer: null, usbLocation: '1-1', devicePath: '/dev/bus/usb/001/004', permissionOk, driver: null, interfaceCfg: 'interface/stlink.cfg',
  };
}

const PROFILE: ConnectionProfile = { id: 'p1', name: 'ST-Link board', kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg', extraCommands: [] };

interface Fake {
  services: HostServices;
  saved: Map<string, ConnectionProfile>;
  starts: ConnectionProfile[];
}

/** A controller whose last run printed `log` and failed; `connects` decides each later start. */
function fake(opts: { log: string[]; adapters?: DetectedAdapter[] | Error; connects?: (p: ConnectionProfile) => boolean }): Fake {
  const saved = new Map([[PROFILE.id, PROFILE]]);
  const starts: ConnectionProfile[] = [];
  const lines = (texts: string[]): LogLine[] => texts.map((text, i) => ({ seq: i, level: /^Error/.test(text) ? 'error' : 'info', text, time: 0 }));
  let history = lines(['Open On-Chip Debugger 0.12.0', ...opts.log]);
  let status: ConnectionStatus = { state: 'failed', target: 'unknown', info: { taps: [] }, exit: { code: 1, signal: null, reasonLines: opts.log }, profileId: PROFILE.id } as ConnectionStatus;
  const controller = {
    status: () => status,
    logHistory: () => history,
    onStatus: () => () => undefined,
    command: async () => '',
    start: async (p: ConnectionProfile) => {
      starts.push(p);
      const ok = opts.connects?.(p) ?? false;
      history = lines(['Open On-Chip Debugger 0.12.0', ok ? 'Info : stm32f1x.cpu: hardware has 6 breakpoints' : 'Error: init mode failed (unable to connect to the target)']);
      status = { ...status, state: ok ? 'connected' : 'failed', profileId: p.id, info: { taps: [], ...(ok ? { targetName: 'stm32f1x.cpu' } : {}) } } as ConnectionStatus;
      return status;
    },
  };
  const list = () => ({ profiles: [...saved.values()], selectedId: PROFILE.id });
  const profiles = {
    get: async (id: string) => saved.get(id),
    list: async () => list(),
    save: async (p: ConnectionProfile) => (saved.set(p.id, p), list()),
    delete: async (id: string) => (saved.delete(id), list()),
    markUsed: async () => undefined,
  };
  const services = {
    controller,
    profiles,
    listConfigs: async () => ({ interface: [], target: [], board: [], scriptsDir: null }),
    listAdapters: async () => {
      if (opts.adapters instanceof Error) throw opts.adapters;
      return opts.adapters ?? [];
    },
    board: { profileFor: (p: ConnectionProfile) => p },
  } as unknown as HostServices;
  return { services, saved, starts };
}

describe('troubleshooter inputs', () => {
  it.each([['Error: open failed'], ['Error: libusb_open() failed with LIBUSB_ERROR_ACCESS']])('an adapter the OS refuses makes usb-permission the top finding for "%s"', async (line) => {
    const { services } = fake({ log: ['Info : clock speed 1000 kHz', line], adapters: [adapter(false)] });
    const r = await createTroubleshooter(services).diagnose('auto');
    expect(r.findings[0]?.category).toBe('usb-permission');
    // The detected adapter names the connector the pinouts show.
    expect(r.adapter).toEqual({ name: 'ST-LINK/V2', connector: 'stlink-20' });
  });

  it('the pinout connector comes from the detected adapter: ST-LINK/V2-1 (Nucleo) has the 6-pin SWD header', () => {
    const v21 = KNOWN_ADAPTERS.find((a) => a.pid === '374b')!;
    const nucleo: DetectedAdapter = { ...adapter(true), pid: '374b', name: v21.name, known: v21 };
    expect(reportAdapter(adapterForProfile([nucleo], PROFILE))).toEqual({ name: 'ST-LINK/V2-1', connector: 'nucleo-swd-6' });
    // The virtual board has no USB adapter; two of a kind without a pinned serial is ambiguous.
    expect(adapterForProfile([nucleo], { ...PROFILE, kind: 'vboard' })).toBeUndefined();
    expect(adapterForProfile([nucleo, adapter(true)], { ...PROFILE, interfaceCfg: 'interface/stlink.cfg' })).toBeUndefined();
    expect(adapterForProfile([nucleo, adapter(true)], { ...PROFILE, extraCommands: ['adapter serial 123'] })?.pid).toBe('374b');
  });

  it('the same "open failed" with no adapter on USB is adapter-not-found, not permissions', async () => {
    const { services } = fake({ log: ['Error: open failed'], adapters: [] });
    const r = await createTroubleshooter(services).diagnose('auto');
    expect(r.findings[0]?.category).toBe('adapter-not-found');
  });

  it('RPC errors the host saw are weighed (they never reach the log)', async () => {
    const { services } = fake({ log: ['Info : Listening on port 6666 for tcl connections'] });
    const t = createTroubleshooter(services);
    const without = await t.diagnose('on-demand');
    expect(without.findings.map((f) => f.category)).not.toContain('flash-protected');
    t.noteRpcError({ kind: 'FlashError', message: 'Programming failed', openocdText: 'Error: stm32x device protected' });
    t.noteRpcError({ kind: 'ValidationError', message: 'address: not a number' });
    const withErrors = await createTroubleshooter(services).diagnose('on-demand', { wiringChecked: false });
    const f = withErrors.findings.find((x) => x.category === 'flash-protected');
    expect(f?.evidence.join('\n')).toContain('stm32x device protected');
  });
});

describe('target fixes', () => {
  it('halt-target reports success only when the target says halted', async () => {
    for (const [curstate, worked] of [['halted', true], ['running', false]] as const) {
      const f = fake({ log: [], connects: () => true });
      await f.services.controller.start(PROFILE);
      const sent: string[] = [];
      f.services.controller.command = async (tcl: string) => {
        sent.push(tcl);
        return tcl.endsWith('curstate') ? curstate : tcl === 'reg pc' ? 'pc (/32): 0x08000040' : '';
      };
      const r = await createTroubleshooter(f.services).applyFix({ action: 'halt-target' });
      expect(sent.slice(0, 2)).toEqual(['reset halt', '[target current] curstate']);
      expect(r.worked).toBe(worked);
      expect(r.message).toContain(worked ? 'halted at pc 0x08000040' : 'the core did not halt');
    }
  });
});

describe('checks, keeps and undo', () => {
  it('lower-adapter-speed is a check on a copy: nothing saved, "keep" offered only when it helped; keep saves, undo restores and reconnects', async () => {
    const f = fake({ log: ['Error: JTAG scan chain interrogation failed: all ones'], connects: (p) => p.adapterSpeedKhz === 100 });
    const t = createTroubleshooter(f.services);
    await t.diagnose('auto');
    const check = await t.applyFix({ profileId: PROFILE.id, action: 'lower-adapter-speed', args: { khz: '100' } });
    expect(check).toMatchObject({ worked: true, state: 'connected' });
    expect(check.fixId).toBeUndefined();
    expect(f.saved.get(PROFILE.id)?.adapterSpeedKhz).toBeUndefined();
    expect(check.offer).toEqual({ action: 'lower-adapter-speed', args: { khz: '100', keep: 'true' }, label: 'Keep this speed in the profile' });

    const kept = await t.applyFix({ profileId: PROFILE.id, action: 'lower-adapter-speed', args: check.offer!.args! });
    expect(f.saved.get(PROFILE.id)?.adapterSpeedKhz).toBe(100);
    expect(kept.fixId).toBeDefined();
    const undone = await t.undoFix(kept.fixId!);
    expect(f.saved.get(PROFILE.id)?.adapterSpeedKhz).toBeUndefined();
    // The undo's reconnect uses the restored profile, and says how it went.
    expect(f.starts.at(-1)?.adapterSpeedKhz).toBeUndefined();
    expect(undone.state).toBe('failed');
    expect(undone.message).toMatch(/^Undone: .*Reconnected with the profile as it was: failed/);
  });

  it('a check that does not help offers nothing', async () => {
    const f = fake({ log: ['Error: JTAG scan chain interrogation failed: all ones'] });
    const t = createTroubleshooter(f.services);
    await t.diagnose('auto');
    const check = await t.applyFix({ profileId: PROFILE.id, action: 'lower-adapter-speed', args: { khz: '100' } });
    expect(check.worked).toBe(false);
    expect(check.offer).toBeUndefined();
    expect(check.diagnosis?.findings.length).toBeGreaterThan(0);
  });

  it('udev-rule: the rule is for the refused adapter in 70-bringup.rules; "applied" rescans and reconnects', async () => {
    const f = fake({ log: ['Error: open failed'], adapters: [adapter(false)], connects: () => true });
    const t = createTroubleshooter(f.services);
    const how = await t.applyFix({ profileId: PROFILE.id, action: 'udev-rule' });
    if (process.platform === 'linux') {
      expect(how.details).toContain('/etc/udev/rules.d/70-bringup.rules');
      expect(how.details).toContain('ATTRS{idVendor}=="0483", ATTRS{idProduct}=="3748"');
      expect(how.details).not.toContain('60-openocd.rules');
    }
    expect(how.offer?.args).toEqual({ applied: 'true' });
    expect(f.starts).toHaveLength(0);
    const after = await t.applyFix({ profileId: PROFILE.id, action: 'udev-rule', args: { applied: 'true' } });
    expect(f.starts).toHaveLength(1);
    // The scan still refuses the adapter (the fake never changes): the result says so.
    expect(after.message).toContain('still refuses access to ST-LINK/V2');
  });
});
