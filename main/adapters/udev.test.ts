import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { udevRule, udevRulesFile, udevInstallCommands, udevInstallScript, windowsDriverHint, UDEV_RULE_PATH } from './udev';

const OPENOCD_RULES = '/usr/lib/udev/rules.d/60-openocd.rules';

describe('udev rules', () => {
  it('writes the rule line in OpenOCD\'s own form', () => {
    expect(udevRule('0483', '3748')).toBe('ATTRS{idVendor}=="0483", ATTRS{idProduct}=="3748", MODE="660", GROUP="plugdev", TAG+="uaccess"');
    expect(udevRule('0B6B', '0040')).toBe('ATTRS{idVendor}=="0b6b", ATTRS{idProduct}=="0040", MODE="660", GROUP="plugdev", TAG+="uaccess"');
  });

  it.skipIf(!existsSync(OPENOCD_RULES))('matches the line the installed 60-openocd.rules has for the same probe', () => {
    const lines = readFileSync(OPENOCD_RULES, 'utf8').split('\n');
    expect(lines).toContain(udevRule('0483', '3748'));
    expect(lines).toContain(udevRule('1366', '0101'));
  });

  it('refuses ids that are not 4 hex digits (they would end up in a root-owned file)', () => {
    expect(() => udevRule('483"', '3748')).toThrow(RangeError);
    expect(() => udevRule('0483', '37481')).toThrow(RangeError);
  });

  it('builds a rules file with one rule per VID:PID and a guard for add/change events', () => {
    const text = udevRulesFile([
      { vid: '0483', pid: '3748', name: 'ST-LINK/V2' },
      { vid: '0483', pid: '3748', name: 'ST-LINK/V2' },
      { vid: '1366', pid: '1015', name: 'SEGGER J-Link' },
    ]);
    expect(text.match(/ATTRS\{idVendor\}/g)).toHaveLength(2);
    expect(text).toContain('# SEGGER J-Link\n' + udevRule('1366', '1015'));
    expect(text).toMatch(/^ACTION!="add\|change", GOTO="bringup_rules_end"$/m);
    expect(text).toMatch(/^LABEL="bringup_rules_end"$/m);
  });

  it('gives install commands that copy, reload and trigger', () => {
    const cmds = udevInstallCommands('/tmp/x y.rules');
    expect(cmds[0]).toBe(`sudo cp '/tmp/x y.rules' '${UDEV_RULE_PATH}'`);
    expect(cmds[1]).toBe('sudo udevadm control --reload-rules && sudo udevadm trigger');
    const script = udevInstallScript([{ vid: '0483', pid: '3748', name: 'ST-LINK/V2' }], '/etc/udev/rules.d/60-openocd.rules');
    expect(script.split('\n')[0]).toBe("sudo tee /etc/udev/rules.d/60-openocd.rules > /dev/null <<'EOF'");
    expect(script).toContain(udevRule('0483', '3748'));
    expect(script).toContain('\nEOF\nsudo udevadm control --reload-rules && sudo udevadm trigger');
  });
});

describe('windowsDriverHint', () => {
  it('names the vendor driver or the WinUSB step per family', () => {
    expect(windowsDriverHint('stlink')).toMatch(/ST-LINK USB driver/);
    expect(windowsDriverHint('jlink')).toMatch(/SEGGER/);
    expect(windowsDriverHint('cmsis-dap')).toMatch(/v1 \(HID\) needs no driver/);
    expect(windowsDriverHint('ftdi', 'FTDIBUS')).toMatch(/Zadig.*Interface 0.*WinUSB/);
    expect(windowsDriverHint('ftdi', null)).toMatch(/Zadig/);
  });
});
