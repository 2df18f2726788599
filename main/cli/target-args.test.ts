// Option and number parsing of the target commands (read, write, flash, erase, ... svd).
import { describe, expect, it } from 'vitest';
import { parseAddress, parseArgs, parseLength, parseNumber } from './args';
import { UsageError } from './command';
import { describeError, formatProgress } from './output';
import { renderRead } from './read';
import { parseWriteArgs } from './write';
import { parseHostPort, TARGET_OPTIONS, targetChoice } from './target-options';
import { TargetError } from '../openocd/errors';

const choice = (...argv: string[]) => targetChoice(parseArgs(argv, TARGET_OPTIONS));

describe('numbers', () => {
  it('reads decimal, 0x hex, 0b binary and _ separators', () => {
    expect(parseNumber('4096', 'length')).toBe(4096);
    expect(parseNumber('0x2000_0000', 'address')).toBe(0x20000000);
    expect(parseNumber('0XfF', 'v')).toBe(255);
    expect(parseNumber('0b101', 'v')).toBe(5);
  });
  it('refuses what is not a number, saying which argument', () => {
    expect(() => parseNumber('12abc', 'length')).toThrow(new UsageError("length '12abc' is not a number (write it as decimal, 0x hex or 0b binary)"));
    expect(() => parseNumber('0x', 'address')).toThrow(UsageError);
    expect(() => parseNumber('-1', 'value')).toThrow(UsageError);
    expect(() => parseNumber('1.5', 'value')).toThrow(UsageError);
  });
  it('keeps addresses and lengths inside the 32-bit space', () => {
    expect(parseAddress('0xffffffff')).toBe(0xffffffff);
    expect(() => parseAddress('0x100000000')).toThrow("address '0x100000000' is out of range (0..0xffffffff)");
    expect(parseLength('16', 0xfffffff0)).toBe(16);
    expect(() => parseLength('17', 0xfffffff0)).toThrow(UsageError);
    expect(() => parseLength('0', 0)).toThrow(UsageError);
    expect(() => parseLength('4', 0xffffffff)).toThrow('length 4 from 0xffffffff runs past the end of the 32-bit address space (1 byte left there)');
  });
});

describe('parseArgs', () => {
  const spec = { '--format': 'value', '-o': 'value', '--json': 'flag', '-c': 'list' } as const;
  it('splits flags, values (both spellings), repeated options and positionals', () => {
    const p = parseArgs(['0x20000000', '--format=json', '-o', 'out.bin', '16', '-c', 'a', '--json', '-c', 'b c'], spec);
    expect(p.positional).toEqual(['0x20000000', '16']);
    expect(p.values.get('--format')).toEqual(['json']);
    expect(p.values.get('-o')).toEqual(['out.bin']);
    expect(p.values.get('-c')).toEqual(['a', 'b c']);
    expect(p.flags.has('--json')).toBe(true);
  });
  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', '--json'], spec).positional).toEqual(['--json']);
  });
  it('refuses unknown options, missing values and values on flags', () => {
    expect(() => parseArgs(['--frobnicate'], spec)).toThrow("unknown option '--frobnicate'");
    expect(() => parseArgs(['--format'], spec)).toThrow('--format needs a value');
    expect(() => parseArgs(['--json=1'], spec)).toThrow('--json takes no value');
  });
});

describe('target choice', () => {
  it('none given: undefined (svd runs offline)', () => {
    expect(choice()).toBeUndefined();
  });
  it('--vboard: the built-in profile, with faults and settings', () => {
    const c = choice('--vboard', '--fault', 'reset-hold', '--speed', '500', '-c', 'echo hi');
    expect(c).toMatchObject({ kind: 'start', profile: { kind: 'vboard', vboardFaults: ['reset-hold'], adapterSpeedKhz: 500, extraCommands: ['echo hi'] } });
    // vboard.cfg selects JTAG itself: the profile adds no second `transport select`.
    expect(c?.kind === 'start' && c.profile.transport).toBeFalsy();
  });
  it('--interface + --target, or --board: a configs profile', () => {
    expect(choice('--interface', 'interface/stlink.cfg', '--target', 'target/stm32f1x.cfg', '--transport', 'hla_swd', '--reset-config', 'srst_only')).toMatchObject({
      kind: 'start',
      profile: { kind: 'configs', interfaceCfg: 'interface/stlink.cfg', targetCfg: 'target/stm32f1x.cfg', transport: 'hla_swd', resetConfig: 'srst_only' },
    });
    expect(choice('--board', 'board/stm32f103c8_blue_pill.cfg', '--openocd', '/opt/openocd')).toMatchObject({
      kind: 'start',
      openocdPath: '/opt/openocd',
      profile: { boardCfg: 'board/stm32f103c8_blue_pill.cfg' },
    });
  });
  it('--connect HOST:PORT, PORT alone, [v6]:PORT', () => {
    expect(choice('--connect', '10.0.0.2:6666')).toEqual({ kind: 'connect', host: '10.0.0.2', port: 6666 });
    expect(parseHostPort('6666')).toEqual({ host: '127.0.0.1', port: 6666 });
    expect(parseHostPort('[::1]:7000')).toEqual({ host: '::1', port: 7000 });
    expect(() => parseHostPort('host:')).toThrow(UsageError);
    expect(() => parseHostPort('host:70000')).toThrow(UsageError);
  });
  it('more than one choice, or half of one, is bad usage naming the choices', () => {
    const msg = 'choose the target with exactly one of: --interface CFG --target CFG, --board CFG, --vboard, --connect HOST:PORT';
    expect(() => choice('--vboard', '--connect', '1.2.3.4:6666')).toThrow(msg);
    expect(() => choice('--board', 'b.cfg', '--interface', 'i.cfg', '--target', 't.cfg')).toThrow(msg);
    expect(() => choice('--interface', 'i.cfg')).toThrow('--interface needs --target too');
  });
  it('refuses settings that cannot apply', () => {
    expect(() => choice('--connect', '6666', '--speed', '100')).toThrow(/with --connect it is already running/);
    expect(() => choice('--board', 'b.cfg', '--fault', 'unpowered')).toThrow('--fault only applies to the virtual board (--vboard)');
    expect(() => choice('--vboard', '--fault', 'on-fire')).toThrow(/unknown fault 'on-fire'/);
    expect(() => choice('--vboard', '--transport', 'usb')).toThrow(/--transport must be one of/);
    expect(() => choice('--vboard', '--speed', 'fast')).toThrow(UsageError);
    expect(() => choice('--speed', '100')).toThrow(/no target/);
  });
});

describe('write arguments', () => {
  it('values in hex or decimal, default width 32', () => {
    expect(parseWriteArgs(['0x20000000', '0xdeadbeef', '7'], undefined)).toEqual({ address: 0x20000000, width: 32, values: [0xdeadbeef, 7] });
    expect(parseWriteArgs(['0x20000001', '255'], '8')).toEqual({ address: 0x20000001, width: 8, values: [255] });
  });
  it('checks width, alignment and that values fit', () => {
    expect(() => parseWriteArgs(['0x20000000', '256'], '8')).toThrow("value #1 '256' is out of range (0..255)");
    expect(() => parseWriteArgs(['0x20000002', '1'], '32')).toThrow('not aligned to 4 bytes');
    expect(() => parseWriteArgs(['0x20000000', '1'], '64')).toThrow('--width must be one of 8, 16, 32');
    expect(() => parseWriteArgs(['0x20000000'], undefined)).toThrow('missing VALUE...');
  });
});

describe('rendering', () => {
  const bytes = new Uint8Array([0x48, 0x69, 0x00, 0xff]);
  it('read: hexdump, JSON bytes, JSON base64, raw', () => {
    expect(renderRead(bytes, { address: 0x20000000, format: 'hex', base64: false })).toBe('20000000  48 69 00 ff' + ' '.repeat(39) + '|Hi..            |\n');
    expect(JSON.parse(renderRead(bytes, { address: 16, format: 'json', base64: false }) as string)).toEqual({ address: 16, bytes: [0x48, 0x69, 0, 255] });
    expect(JSON.parse(renderRead(bytes, { address: 16, format: 'json', base64: true }) as string)).toEqual({ address: 16, base64: 'SGkA/w==' });
    expect(renderRead(bytes, { address: 0, format: 'bin', base64: false })).toBe(bytes);
  });
  it('progress line: phase, bar, percent, KiB/s', () => {
    expect(formatProgress({ phase: 'program', done: 1024, total: 4096, bytesPerSecond: 2048 }, 80)).toBe(`program  [${'#'.repeat(10)}${'-'.repeat(30)}]  25%  2.0 KiB/s`);
  });
  it('a failure: kind and message, OpenOCD text when it adds something, hint', () => {
    const err = new TargetError('memory read at 0x60000000 (4 bytes) failed', { openocdText: 'Error: Failed to read memory at 0x60000000', hint: 'Check the address.' });
    expect(describeError(err)).toEqual([
      'TargetError: memory read at 0x60000000 (4 bytes) failed',
      'OpenOCD said:',
      '  Error: Failed to read memory at 0x60000000',
      'Hint: Check the address.',
    ]);
  });
});
