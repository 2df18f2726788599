import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_ADAPTERS, classifyUsbDevice, findKnownAdapter, FAMILY_CFG } from '../../shared/adapters';
import { CONNECTORS } from '../../shared/pinouts';

// The table is checked against what OpenOCD 0.12 itself ships, where it is installed.
const SCRIPTS = '/usr/share/openocd/scripts';
const RULES = '/usr/lib/udev/rules.d/60-openocd.rules';

function rulesIds(): Set<string> {
  const ids = new Set<string>();
  for (const m of readFileSync(RULES, 'utf8').matchAll(/ATTRS\{idVendor\}=="([0-9a-fA-F]{4})", ATTRS\{idProduct\}=="([0-9a-fA-F]{4})"/g)) ids.add(`${m[1]!}:${m[2]!}`.toLowerCase());
  return ids;
}

describe('known adapter table', () => {
  it('has each VID:PID once, in lower-case hex, with a known connector', () => {
    const ids = KNOWN_ADAPTERS.map((a) => `${a.vid}:${a.pid}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{4}:[0-9a-f]{4}$/);
    for (const a of KNOWN_ADAPTERS) {
      for (const c of a.connectors) expect(CONNECTORS[c]).toBeDefined();
      expect(a.transports).toContain(a.defaultTransport);
    }
  });

  it('knows the probes of the brief', () => {
    expect(findKnownAdapter('0483', '3748')?.family).toBe('stlink');
    expect(findKnownAdapter(0x0483, 0x374b)?.name).toBe('ST-LINK/V2-1');
    expect(findKnownAdapter('0x1366', '0x0101')?.family).toBe('jlink');
    expect(findKnownAdapter('0d28', '0204')?.family).toBe('cmsis-dap');
    expect(findKnownAdapter('2E8A', '000C')?.family).toBe('cmsis-dap');
    expect(findKnownAdapter('15ba', '002b')?.interfaceCfg).toBe('interface/ftdi/olimex-arm-usb-ocd-h.cfg');
    expect(findKnownAdapter('1d50', '6018')).toMatchObject({ family: 'blackmagic', openocd: 'no', interfaceCfg: null });
  });

  it('classifies by product string and SEGGER vendor as OpenOCD does', () => {
    expect(classifyUsbDevice('1234', '5678', 'My CMSIS-DAP probe')).toMatchObject({ family: 'cmsis-dap', known: null });
    expect(classifyUsbDevice('1366', '1099', null)).toMatchObject({ family: 'jlink', known: null });
    expect(classifyUsbDevice('046d', 'c52b', 'USB Receiver')).toBeNull();
    expect(FAMILY_CFG['cmsis-dap']).toBe('interface/cmsis-dap.cfg');
  });

  it.skipIf(!existsSync(SCRIPTS))('names interface scripts that exist in the installed OpenOCD', () => {
    for (const a of KNOWN_ADAPTERS) if (a.interfaceCfg) expect(existsSync(join(SCRIPTS, a.interfaceCfg)), a.interfaceCfg).toBe(true);
    for (const cfg of Object.values(FAMILY_CFG)) if (cfg) expect(existsSync(join(SCRIPTS, cfg)), cfg).toBe(true);
  });

  it.skipIf(!existsSync(SCRIPTS))('lists exactly the ST-LINK PIDs interface/stlink.cfg opens (plus the newer V3PWR)', () => {
    const cfg = readFileSync(join(SCRIPTS, 'interface/stlink.cfg'), 'utf8');
    const line = /^hla_vid_pid (.*)$/m.exec(cfg)?.[1] ?? '';
    const pids = [...line.matchAll(/0x0483 0x([0-9a-f]{4})/gi)].map((m) => m[1]!.toLowerCase()).sort();
    const ours = KNOWN_ADAPTERS.filter((a) => a.family === 'stlink' && a.openocd === 'yes').map((a) => a.pid).sort();
    expect(ours).toEqual(pids);
  });

  it.skipIf(!existsSync(SCRIPTS))('gives each FTDI entry with a script the VID:PID that script opens', () => {
    for (const a of KNOWN_ADAPTERS.filter((x) => x.family === 'ftdi' && x.interfaceCfg)) {
      const text = readFileSync(join(SCRIPTS, a.interfaceCfg!), 'utf8');
      expect(text.toLowerCase(), a.interfaceCfg!).toContain(`vid_pid 0x${a.vid} 0x${a.pid}`);
    }
  });

  it.skipIf(!existsSync(RULES))('covers every ST-LINK and J-Link id of OpenOCD\'s udev rules, and lists only ids those rules grant', () => {
    const ids = rulesIds();
    for (const id of ids) if (id.startsWith('0483:') || id.startsWith('1366:')) expect(findKnownAdapter(id.slice(0, 4), id.slice(5)), id).not.toBeNull();
    // CMSIS-DAP probes are granted by the product-string rule; Black Magic and V3PWR are not OpenOCD 0.12 probes.
    for (const a of KNOWN_ADAPTERS) {
      if (a.family === 'cmsis-dap' || a.openocd !== 'yes') continue;
      expect(ids.has(`${a.vid}:${a.pid}`), `${a.vid}:${a.pid} ${a.name}`).toBe(true);
    }
  });
});
