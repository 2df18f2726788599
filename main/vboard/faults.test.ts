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
    expect(() => parseFaults(['unpowered:1'])).toThrow(/unknown fault/);
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
