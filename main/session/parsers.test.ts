// Output parsers on replies recorded from the real OpenOCD 0.12 driving the virtual board.
import { describe, expect, it } from 'vitest';
import { BreakpointError, JTAGError, TargetError } from '../openocd/errors';
import { parseBreakpoints, parseWatchpoints } from './breakpoints-parse';
import { parseOutcome, failureText } from './guarded';
import { checkPath, parseScanChain } from './jtag-parse';
import { parseGetReg, parseRegList } from './registers-parse';
import { parseControlBlock, parsePollingInterval, parseRttChannels } from './rtt-parse';
import { parseTclDict, parseTclList } from './tcl-list';
import { parseTargetState } from './target';
import { parseAdapterSerial, parseAdapterSpeed, parseTransportList } from './transport';

describe('parseRegList (reg)', () => {
  const REG =
    '===== arm v7m registers\n(0) r0 (/32): 0x00000000\n(1) r1 (/32): 0x00000000\n(13) sp (/32): 0x20005000\n(14) lr (/32): 0xffffffff\n' +
    '(15) pc (/32): 0x08000040\n(16) xPSR (/32): 0x01000000\n(20) primask (/1): 0x00\n(21) basepri (/8)\n(23) control (/3): 0x00 (dirty)\n' +
    '===== Cortex-M DWT registers\n';

  it('groups registers as OpenOCD does, with sizes, values, invalid and dirty ones', () => {
    const groups = parseRegList(REG);
    expect(groups.map((g) => g.name)).toEqual(['arm v7m registers', 'Cortex-M DWT registers']);
    const regs = groups[0]?.registers ?? [];
    expect(regs.find((r) => r.name === 'pc')).toEqual({ number: 15, name: 'pc', bits: 32, value: 0x08000040n, dirty: false });
    expect(regs.find((r) => r.name === 'basepri')?.value).toBeNull();
    expect(regs.find((r) => r.name === 'control')?.dirty).toBe(true);
    expect(regs.find((r) => r.name === 'primask')?.bits).toBe(1);
    expect(groups[1]?.registers).toEqual([]);
  });

  it('refuses text that is not a register list', () => {
    expect(() => parseRegList("Error: Could not read register 'pc'")).toThrow(TargetError);
  });
});

describe('parseGetReg (get_reg)', () => {
  it('reads the dict', () => {
    expect(parseGetReg('pc 0x08000040 sp 0x20005000 lr 0xffffffff')).toEqual(
      new Map([
        ['pc', 0x08000040n],
        ['sp', 0x20005000n],
        ['lr', 0xffffffffn],
      ]),
    );
  });
  it('rejects a failure text', () => {
    expect(() => parseGetReg("failed to read register 'pc'")).toThrow();
  });
});

describe('parseScanChain (scan_chain)', () => {
  const CHAIN =
    '   TapName             Enabled  IdCode     Expected   IrLen IrCap IrMask\n' +
    '-- ------------------- -------- ---------- ---------- ----- ----- ------\n' +
    ' 0 stm32f1x.cpu           Y     0x3ba00477 0x3ba00477     4 0x01  0x0f\n' +
    ' 1 stm32f1x.bs            Y     0x16410041 0x00000000     5 0x01  0x03\n';

  it('lists both TAPs of the virtual board', () => {
    const taps = parseScanChain(CHAIN);
    expect(taps).toEqual([
      { position: 0, name: 'stm32f1x.cpu', enabled: true, idcode: 0x3ba00477, expectedIds: [0x3ba00477], ignoreVersion: false, irLength: 4, irCapture: 1, irMask: 0xf, matches: true },
      { position: 1, name: 'stm32f1x.bs', enabled: true, idcode: 0x16410041, expectedIds: [], ignoreVersion: false, irLength: 5, irCapture: 1, irMask: 3, matches: true },
    ]);
  });

  it('reads further expected IDs, ignored versions and mismatches', () => {
    const text =
      ' 1 stm32f1x.bs            n     0x26410041 0x*6412041     5 0x01  0x03\n' +
      '                                           0x*6410041\n' +
      ' 2 other.tap              Y     0x12345678 0x87654321     4 0x01  0x03\n';
    const [bs, other] = parseScanChain(text);
    expect(bs).toMatchObject({ enabled: false, expectedIds: [0x06412041, 0x06410041], ignoreVersion: true, matches: true });
    expect(other?.matches).toBe(false);
  });

  it('refuses garbage', () => {
    expect(() => parseScanChain('invalid command name "scan_chain"')).toThrow(JTAGError);
  });
});

describe('checkPath (pathmove validation)', () => {
  it('accepts a valid walk and rejects empty, unknown and impossible steps', () => {
    expect(checkPath(['RESET', 'IDLE', 'DRSELECT', 'DRCAPTURE', 'DRSHIFT'])).toHaveLength(5);
    expect(checkPath(['IDLE'])).toEqual(['IDLE']);
    expect(() => checkPath([])).toThrow(JTAGError);
    expect(() => checkPath(['IDLE', 'NOWHERE'])).toThrow(/unknown TAP state "NOWHERE"/);
    expect(() => checkPath(['RESET', 'DRSHIFT'])).toThrow('RESET -> DRSHIFT is not a valid TAP transition');
  });
});

describe('breakpoint listings', () => {
  it('parses bp (hardware and software)', () => {
    expect(parseBreakpoints('Breakpoint(IVA): 0x08000000, 0x2, 0\nIVA breakpoint: 0x20000000, 0x2, 0x00\n')).toEqual([
      { address: 0x08000000, length: 2, kind: 'hardware', number: 0 },
      { address: 0x20000000, length: 2, kind: 'software', originalInstruction: '0x00' },
    ]);
    expect(parseBreakpoints('')).toEqual([]);
  });

  it('parses wp', () => {
    expect(parseWatchpoints('address: 0x20000100, len: 0x00000004, r/w/a: 1, value: 0x00000000, mask: 0xffffffff\n')).toEqual([
      { address: 0x20000100, length: 4, access: 'w', value: 0, mask: 0xffffffff },
    ]);
  });

  it('refuses unknown lines with BreakpointError', () => {
    expect(() => parseBreakpoints('something else')).toThrow(BreakpointError);
    expect(() => parseWatchpoints('address: 1')).toThrow(BreakpointError);
  });
});

describe('RTT', () => {
  it('parses rtt channels with indexes, names with spaces', () => {
    const text = 'Channels: up=3, down=3\nUp-channels:\n0: Terminal 1024 0\n2: My Log 256 2\nDown-channels:\n0: Terminal 16 0\n';
    expect(parseRttChannels(text)).toEqual({
      up: [
        { index: 0, name: 'Terminal', size: 1024, flags: 0 },
        { index: 2, name: 'My Log', size: 256, flags: 2 },
      ],
      down: [{ index: 0, name: 'Terminal', size: 16, flags: 0 }],
    });
  });
  it('parses polling interval and the control block address from the log', () => {
    expect(parsePollingInterval('100 ms\n')).toBe(100);
    expect(parseControlBlock("rtt: Searching for control block 'SEGGER RTT'\nrtt: Control block found at 0x20000410\n")).toBe(0x20000410);
    expect(parseControlBlock("rtt: Searching for control block 'SEGGER RTT'\nrtt: No control block found\n")).toBeUndefined();
  });
});

describe('transport and adapter', () => {
  it('parses transport list, adapter speed and serial lines', () => {
    expect(parseTransportList('The following transports are available:\n\tswd\n\tdapdirect_swd\n\tjtag\n')).toEqual(['swd', 'dapdirect_swd', 'jtag']);
    expect(parseAdapterSpeed('adapter speed: 4000 kHz\n')).toBe(4000);
    expect(parseAdapterSpeed('adapter speed: RCLK - adaptive\n')).toBe(0);
    expect(() => parseAdapterSpeed('Translation from khz to adapter speed not implemented')).toThrow();
    expect(parseAdapterSerial('Info : CMSIS-DAP: Serial# = 0700000100AB')).toBe('0700000100AB');
    expect(parseAdapterSerial('Info : clock speed 1000 kHz')).toBeUndefined();
  });
});

describe('target state', () => {
  it('accepts OpenOCD state names only', () => {
    expect(parseTargetState('halted')).toBe('halted');
    expect(parseTargetState('debug-running\n')).toBe('debug-running');
    expect(() => parseTargetState('')).toThrow(TargetError);
  });
});

describe('Tcl lists and guarded replies', () => {
  it('parses braces, quotes and escapes', () => {
    expect(parseTclList('a {b c} "d e" f\\ g {x {y} z}')).toEqual(['a', 'b c', 'd e', 'f g', 'x {y} z']);
    expect(parseTclDict('pc 0x1 sp 0x2')).toEqual([
      ['pc', '0x1'],
      ['sp', '0x2'],
    ]);
    expect(() => parseTclList('{unbalanced')).toThrow();
  });

  it('parses recorded guarded replies: success, log-only failure, Jim failure', () => {
    const halted = parseOutcome('0 {} {[stm32f1x.cpu] halted due to debug-request, current mode: Thread \nxPSR: 0x01000000 pc: 0x08000040 msp: 0x20005000\n}');
    expect(halted.ok).toBe(true);
    expect(halted.log).toContain('halted due to debug-request');

    const dup = parseOutcome('-312 {} {Duplicate Breakpoint address: 0x08000000 (BP 0)\n}');
    expect(dup).toMatchObject({ ok: false, rc: -312 });
    expect(failureText(dup)).toBe('Duplicate Breakpoint address: 0x08000000 (BP 0)');

    const write = parseOutcome(
      '1 {write_memory: failed to write memory} {JTAG-DP STICKY ERROR\nFailed to write memory at 0x60000004\nwrite_memory: write at 0x60000000 with width=32 and count=2 failed\n}',
    );
    expect(failureText(write)).toBe(
      'JTAG-DP STICKY ERROR\nFailed to write memory at 0x60000004\nwrite_memory: write at 0x60000000 with width=32 and count=2 failed\nwrite_memory: failed to write memory',
    );
    expect(parseOutcome('0 00000002 {}').result).toBe('00000002');
  });
});
