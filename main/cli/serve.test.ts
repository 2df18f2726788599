import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve';
import { UsageError } from './command';

describe('bringup serve arguments', () => {
  it('defaults to 127.0.0.1 and a free port', () => {
    expect(parseServeArgs([])).toEqual({ host: '127.0.0.1', port: 0, demo: false });
  });
  it('reads --host, --port (both spellings) and --demo', () => {
    expect(parseServeArgs(['--host', '0.0.0.0', '--port=8080', '--demo'])).toEqual({ host: '0.0.0.0', port: 8080, demo: true });
  });
  it('refuses bad ports and unknown options', () => {
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--frobnicate'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--host'])).toThrow(UsageError);
  });
});
