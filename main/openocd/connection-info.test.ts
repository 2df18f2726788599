import { describe, expect, it } from 'vitest';
import { gatherConnectionInfo, parseAdapterSpeed, parseScanChain, toTargetState } from './connection-info';

// `scan_chain` output captured from OpenOCD 0.12.0 (dummy adapter, one declared TAP),
// plus a row with two expected ids and -ignore-version in the 0.12 format.
const SCAN_CHAIN = `   TapName             Enabled  IdCode     Expected   IrLen IrCap IrMask
-- ------------------- -------- ---------- ---------- ----- ----- ------
 0 dummy.cpu              Y     0x00000000 0x00000000     4 0x01  0x03
 1 auto0.tap              Y     0x00000000 0x00000000     0 0x00  0x00
 2 stm32f1x.bs            n     0x16410041 0x*6410041     5 0x01  0x03
                                           0x06412041
`;

describe('connection info parsers', () => {
  it('parses scan_chain rows and continuation ids', () => {
    expect(parseScanChain(SCAN_CHAIN)).toEqual([
      { name: 'dummy.cpu', enabled: true, idcode: 0, expected: [], irLength: 4 },
      { name: 'auto0.tap', enabled: true, idcode: 0, expected: [], irLength: 0 },
      { name: 'stm32f1x.bs', enabled: false, idcode: 0x16410041, expected: [0x06410041, 0x06412041], irLength: 5 },
    ]);
  });

  it('parses adapter speed and target states', () => {
    expect(parseAdapterSpeed('adapter speed: 1000 kHz\n')).toBe(1000);
    expect(parseAdapterSpeed('')).toBeUndefined();
    expect(toTargetState('halted')).toBe('halted');
    expect(toTargetState('debug-running')).toBe('running');
    expect(toTargetState('reset')).toBe('reset');
    expect(toTargetState(undefined)).toBe('unknown');
  });

  it('gathers what answers and leaves out what fails', async () => {
    const replies: Record<string, string> = {
      version: 'Open On-Chip Debugger 0.12.0',
      'adapter name': 'dummy',
      'transport select': 'jtag',
      'adapter speed': 'adapter speed: 1000 kHz\n',
      scan_chain: SCAN_CHAIN,
      'target current': 'stm32f1x.cpu',
      'stm32f1x.cpu curstate': 'halted',
    };
    const { info, target } = await gatherConnectionInfo(async (t) => replies[t]);
    expect(info).toMatchObject({ openocdVersion: '0.12.0', adapter: 'dummy', transport: 'jtag', adapterSpeedKhz: 1000, targetName: 'stm32f1x.cpu' });
    expect(info.taps).toHaveLength(3);
    expect(target).toBe('halted');
    const none = await gatherConnectionInfo(async () => undefined);
    expect(none).toEqual({ info: { taps: [] }, target: 'unknown' });
  });
});
