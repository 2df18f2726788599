import { describe, expect, it } from 'vitest';
import { parsePnpDevices, PNP_SCRIPT } from './pnp';
import { toDetectedAdapters } from './list';

// ConvertTo-Json -Compress output of the Get-PnpDevice pipeline in PNP_SCRIPT, for: an
// ST-LINK/V2-1 (composite: parent on usbccgp, debug interface MI_00 on WinUSB), a J-Link,
// an FT2232H left on FTDI's VCP driver, a CMSIS-DAP probe whose driver is missing, and a hub.
const SAMPLE = JSON.stringify([
  { InstanceId: 'USB\\VID_0483&PID_374B\\0671FF485550755187162538', FriendlyName: 'USB Composite Device', Manufacturer: '(Standard USB Host Controller)', Status: 'OK', Service: 'usbccgp' },
  { InstanceId: 'USB\\VID_0483&PID_374B&MI_00\\6&2A4B1C3F&0&0000', FriendlyName: 'ST-Link Debug', Manufacturer: 'STMicroelectronics', Status: 'OK', Service: 'WinUSB' },
  { InstanceId: 'USB\\VID_0483&PID_374B&MI_02\\6&2A4B1C3F&0&0002', FriendlyName: 'STMicroelectronics STLink Virtual COM Port (COM5)', Manufacturer: 'STMicroelectronics', Status: 'OK', Service: 'usbser' },
  { InstanceId: 'USB\\VID_1366&PID_0105\\000260012345', FriendlyName: 'J-Link driver', Manufacturer: 'SEGGER', Status: 'OK', Service: 'JLinkx64' },
  { InstanceId: 'USB\\VID_0403&PID_6010\\6&1B2C3D4E&0&2', FriendlyName: 'USB Composite Device', Manufacturer: '(Standard USB Host Controller)', Status: 'OK', Service: 'usbccgp' },
  { InstanceId: 'USB\\VID_0403&PID_6010&MI_00\\7&ABCDEF0&0&0000', FriendlyName: 'USB Serial Converter A', Manufacturer: 'FTDI', Status: 'OK', Service: 'FTDIBUS' },
  { InstanceId: 'USB\\VID_0403&PID_6010&MI_01\\7&ABCDEF0&0&0001', FriendlyName: 'USB Serial Converter B', Manufacturer: 'FTDI', Status: 'OK', Service: 'FTDIBUS' },
  { InstanceId: 'USB\\VID_C251&PID_F00A\\0001A0000000', FriendlyName: 'CMSIS-DAP v2', Manufacturer: null, Status: 'Error', Service: null },
  { InstanceId: 'USB\\VID_05E3&PID_0608\\5&3753427A&0&1', FriendlyName: 'Generic USB Hub', Manufacturer: '(Generic USB Hub)', Status: 'OK', Service: 'USBHUB3' },
]);

describe('parsePnpDevices', () => {
  it('gives one record per device, serial from the instance id, driver of the debug interface', () => {
    const devices = parsePnpDevices(SAMPLE);
    expect(devices.map((d) => `${d.vid}:${d.pid} ${d.serial ?? '-'} ${d.driver ?? '-'}`)).toEqual([
      '0483:374b 0671FF485550755187162538 WinUSB',
      '1366:0105 000260012345 JLinkx64',
      '0403:6010 - FTDIBUS',
      'c251:f00a 0001A0000000 -',
      '05e3:0608 - USBHUB3',
    ]);
  });

  it('accepts the single object PowerShell emits for one device, and empty output', () => {
    const one = JSON.stringify({ InstanceId: 'USB\\VID_0D28&PID_0204\\0240000034544E45001A00018AA90000', FriendlyName: 'USB Composite Device', Status: 'OK', Service: 'usbccgp' });
    expect(parsePnpDevices(one)).toMatchObject([{ vid: '0d28', pid: '0204', serial: '0240000034544E45001A00018AA90000', driver: 'usbccgp' }]);
    expect(parsePnpDevices('')).toEqual([]);
    expect(parsePnpDevices('  \r\n')).toEqual([]);
  });

  it('classifies the probes (CMSIS-DAP by product name) and leaves the hub out', async () => {
    const adapters = await toDetectedAdapters(parsePnpDevices(SAMPLE));
    expect(adapters.map((a) => `${a.family}:${a.name}`)).toEqual([
      'stlink:ST-LINK/V2-1',
      'jlink:SEGGER J-Link',
      'ftdi:FTDI FT2232 based probe',
      'cmsis-dap:CMSIS-DAP v2',
    ]);
  });

  it('asks PowerShell for present USB devices as JSON', () => {
    expect(PNP_SCRIPT).toContain('Get-PnpDevice -PresentOnly');
    expect(PNP_SCRIPT).toContain("'USB\\VID_*'");
    expect(PNP_SCRIPT).toContain('ConvertTo-Json');
  });
});
