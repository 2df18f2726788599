import { describe, expect, it } from 'vitest';
import { findKnownAdapter, type DetectedAdapter } from '../../shared/adapters';
import { formatAdapters, adaptersToJson, NO_ADAPTER_MESSAGE } from './format';
import { udevRule } from './udev';

function stlink(serial: string, permissionOk: boolean | null, usbLocation = '1-1.4'): DetectedAdapter {
  const known = findKnownAdapter('0483', '3748')!;
  return {
    vid: '0483', pid: '3748', name: known.name, family: 'stlink', known, serial, openocdSerial: serial, product: 'STM32 STLink',
    manufacturer: 'STMicroelectronics', usbLocation, devicePath: '/dev/bus/usb/001/007', permissionOk, driver: null, interfaceCfg: 'interface/stlink.cfg',
  };
}

describe('formatAdapters', () => {
  it('says no adapter was found and points at the virtual board', () => {
    expect(formatAdapters([])).toBe(NO_ADAPTER_MESSAGE);
    expect(NO_ADAPTER_MESSAGE).toMatch(/^No debug adapter found\./);
    expect(NO_ADAPTER_MESSAGE).toContain('bringup serve --demo');
  });

  it('says when a Linux device node is missing rather than guessing access', () => {
    expect(formatAdapters([stlink('AAA', null)], { platform: 'linux' })).toContain('access unknown (no device node)');
  });

  it('lists name, VID:PID, serial, access and the interface script', () => {
    const text = formatAdapters([stlink('38FF6B064E57343827320243', true)], { platform: 'linux' });
    expect(text).toContain('1 debug adapter found:');
    expect(text).toContain('ST-LINK/V2  0483:3748  serial 38FF6B064E57343827320243  access ok');
    expect(text).toContain('OpenOCD: -f interface/stlink.cfg');
    expect(text).toContain('connector: ST-LINK/V2 20-pin');
    expect(text).not.toContain('pick this one');
  });

  it('shows how to pick each of two adapters, and the udev fix for the one that cannot be opened', () => {
    const text = formatAdapters([stlink('AAA', true, '1-1'), stlink('BBB', false, '1-2')], { platform: 'linux' });
    expect(text).toContain('pick this one with: -c "adapter serial AAA"');
    expect(text).toContain('-c "adapter serial BBB"');
    expect(text).toContain('(OpenOCD before 0.12: -c "hla_serial BBB")');
    expect(text).toContain('NO ACCESS (udev rule needed)');
    expect(text).toContain(udevRule('0483', '3748'));
    expect(text).toContain('sudo udevadm control --reload-rules && sudo udevadm trigger');
  });

  it('adds the Windows driver hint on Windows', () => {
    const onWindows = { ...stlink('AAA', null), usbLocation: null, devicePath: null, driver: 'WinUSB' };
    const text = formatAdapters([onWindows], { platform: 'win32' });
    expect(text).toContain('serial AAA  driver WinUSB');
    expect(text).toMatch(/ST-LINK\/V2: Install ST's ST-LINK USB driver/);
  });
});

describe('adaptersToJson', () => {
  it('carries the detected fields and the selection advice', () => {
    const json = adaptersToJson([stlink('AAA', true)]);
    expect(json.adapters[0]).toMatchObject({ vid: '0483', pid: '3748', openocdSerial: 'AAA', permissionOk: true, selection: { interfaceCfg: 'interface/stlink.cfg', commands: [] } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
