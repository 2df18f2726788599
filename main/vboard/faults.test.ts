import { describe, expect, it } from 'vitest';
import { formatFaults, parseFaults } from './faults';
import { parseVboardArgs, startupLines } from '../cli/vboard';

describe('fault parsing', () => {
  it('parses names and the noisy-link rate', () => {
    const f = parseFaults(['reset-hold', 'noisy-link:0.01']);
    expect(f.resetHold).toBe(true);
    expect(f.noiseRate).toBe(0.01);
    expect(formatFaults(parseFaults(['noisy-link']))).toEqual(['noisy-link']);
  });
  it('rejects unknown names and bad rates with a clear message', () => {
    expect(() => parseFaults(['melted'])).toThrow(/unknown fault 'melted' \(valid: unpowered, swapped-wires/);
    expect(() => parseFaults(['noisy-link:2'])).toThrow(/rate must be a number in \(0, 1\]/);
    expect(() => parseFaults(['unpowered:1'])).toThrow(/fault 'unpowered' takes no parameters/);
  });
  it('parses the hardware-defect faults with their parameters, defaults and limits', () => {
    const f = parseFaults(['sram-stuck-bit:0x20000104:7:1', 'sram-address-short:9:4', 'flash-bad-sector:12', 'wrong-part', 'no-srst']);
    expect(f.sramStuckBits).toEqual([{ address: 0x20000104, bit: 7, value: 1 }]);
    expect(f.sramAddressShort).toEqual([4, 9]);
    expect(f.flashBadSectors).toEqual([12]);
    expect(f.wrongPart && f.noSrst).toBe(true);
    expect(formatFaults(f)).toEqual(['sram-stuck-bit:0x20000104:7:1', 'sram-address-short:4:9', 'flash-bad-sector:12', 'wrong-part', 'no-srst']);
    // Bare names (the board menu's switches) take defaults.
    expect(formatFaults(parseFaults(['sram-stuck-bit', 'flash-bad-sector']))).toEqual(['sram-stuck-bit:0x20000100:3', 'flash-bad-sector:63']);
    expect(() => parseFaults(['sram-stuck-bit:0x30000000:1'])).toThrow(/ADDR must be a number from 536870912 to/);
    expect(() => parseFaults(['sram-stuck-bit:0x20000000:8'])).toThrow(/BIT must be a number from 0 to 7, got '8'/);
    expect(() => parseFaults(['sram-address-short:4:4'])).toThrow(/two different address lines/);
    expect(() => parseFaults(['flash-bad-sector:64'])).toThrow(/from 0 to 63/);
  });
  it('parses CLI arguments, rejecting bad usage', () => {
    expect(parseVboardArgs(['--port', '4000', '--fault', 'unpowered', '--flash-file=/tmp/f.bin'])).toEqual({ port: 4000, faults: ['unpowered'], flashFile: '/tmp/f.bin' });
    expect(() => parseVboardArgs(['--port', 'x'])).toThrow(/--port must be/);
    expect(() => parseVboardArgs(['--fault', 'nope'])).toThrow(/unknown fault/);
    expect(() => parseVboardArgs(['--bogus'])).toThrow(/unknown option/);
  });
  it('takes --socket PATH (not together with --port)', () => {
    expect(parseVboardArgs(['--socket', '/tmp/vb.sock']).socketPath).toBe('/tmp/vb.sock');
    expect(() => parseVboardArgs(['--socket', '/tmp/vb.sock', '--port', '1'])).toThrow(/exclude each other/);
  });
  it('prints the faults in effect even when none was given on the command line (a protected --flash-file)', () => {
    const lines = startupLines({ host: '127.0.0.1', port: 3335, faults: () => ['read-protected'] });
    expect(lines).toEqual(['vboard listening on 127.0.0.1:3335', 'faults: read-protected']);
    expect(startupLines({ host: '127.0.0.1', port: 0, socketPath: '/tmp/vb.sock', faults: () => [] })[0]).toContain('unix socket /tmp/vb.sock');
  });
});
