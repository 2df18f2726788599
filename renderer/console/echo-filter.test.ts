import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../shared/connection';
import { EchoFilter } from './echo-filter';

const user = (text: string, seq = 0): LogLine => ({ seq, level: 'user', text, time: 0 });

describe('EchoFilter (one copy of a command result, whichever arrives first)', () => {
  it('reply first: prints the reply and drops the log copy that follows', () => {
    const f = new EchoFilter();
    f.begin();
    expect(f.end('Open On-Chip Debugger 0.12.0\n')).toBe(true);
    expect(f.filterLog([user('Open On-Chip Debugger 0.12.0'), user('other')]).map((l) => l.text)).toEqual(['other']);
  });

  it('log first: keeps the log copy and does not print the reply', () => {
    const f = new EchoFilter();
    f.begin();
    expect(f.filterLog([user('0x08000000: 20005000 08000041 '), user('')])).toHaveLength(2);
    expect(f.end('0x08000000: 20005000 08000041 \n')).toBe(false);
  });

  it('an empty reply prints nothing; errors keep their log line from printing twice', () => {
    const f = new EchoFilter();
    f.begin();
    expect(f.end('')).toBe(false);
    f.begin();
    f.endFailed('invalid command name "foo"');
    expect(f.filterLog([user('invalid command name "foo"')])).toHaveLength(0);
  });

  it('forgets an expected copy after its window', () => {
    let now = 0;
    const f = new EchoFilter(() => now);
    f.begin();
    f.end('x');
    now = 5000;
    expect(f.filterLog([user('x')])).toHaveLength(1);
  });
});
