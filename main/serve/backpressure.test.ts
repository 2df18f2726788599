import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../shared/connection';
import { LogBackpressure, MAX_BUFFERED } from './backpressure';

const lines = (from: number, n: number): LogLine[] => Array.from({ length: n }, (_, i) => ({ seq: from + i, level: 'info', text: `line ${from + i}`, time: 0 }));

describe('log backpressure on a WebSocket', () => {
  it('passes batches while the socket keeps up', () => {
    const bp = new LogBackpressure(() => 0);
    expect(bp.admit(lines(1, 3))?.map((l) => l.seq)).toEqual([1, 2, 3]);
  });

  it('drops batches above ~4 MB buffered, then tells the page how many lines it missed, in sequence', () => {
    let buffered = MAX_BUFFERED + 1;
    const bp = new LogBackpressure(() => buffered);
    expect(bp.admit(lines(1, 100))).toBeUndefined();
    expect(bp.admit(lines(101, 50))).toBeUndefined();
    expect(bp.takeNotice()).toBeUndefined(); // still full
    buffered = 0;
    const sent = bp.admit(lines(151, 2)) ?? [];
    expect(sent[0]).toMatchObject({ seq: 150, level: 'warning', text: expect.stringContaining('150 log lines dropped') });
    expect(sent.slice(1).map((l) => l.seq)).toEqual([151, 152]);
    // Reported once.
    expect(bp.admit(lines(153, 1))?.map((l) => l.seq)).toEqual([153]);
  });

  it('the notice also comes without a further batch, once drained', () => {
    let buffered = MAX_BUFFERED * 2;
    const bp = new LogBackpressure(() => buffered);
    bp.admit(lines(1, 1));
    expect(bp.dropping).toBe(true);
    buffered = 10;
    expect(bp.takeNotice()?.text).toContain('1 log line dropped');
    expect(bp.dropping).toBe(false);
  });
});
