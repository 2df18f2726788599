import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../shared/connection';
import { LogBatcher } from './log-batcher';

const line = (seq: number, text = `line ${seq}`): LogLine => ({ seq, level: 'info', text, time: 0 });

describe('LogBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends lines pushed within 16 ms as one batch', () => {
    const batches: LogLine[][] = [];
    const b = new LogBatcher((x) => batches.push(x));
    b.push(line(1));
    b.push(line(2));
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(batches).toEqual([[line(1), line(2)]]);
    b.push(line(3));
    vi.advanceTimersByTime(16);
    expect(batches.map((x) => x.map((l) => l.seq))).toEqual([[1, 2], [3]]);
  });

  it('sends at once when a batch reaches 200 KB, without waiting for the timer', () => {
    const batches: LogLine[][] = [];
    const b = new LogBatcher((x) => batches.push(x));
    const big = 'x'.repeat(50 * 1024);
    for (let i = 0; i < 4; i++) b.push(line(i, big));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(4);
    b.push(line(9));
    vi.advanceTimersByTime(16);
    expect(batches).toHaveLength(2);
  });

  it('flush() sends what is pending immediately and dispose() leaves no timer behind', () => {
    const batches: LogLine[][] = [];
    const b = new LogBatcher((x) => batches.push(x));
    b.push(line(1));
    b.flush();
    expect(batches).toHaveLength(1);
    b.push(line(2));
    b.dispose();
    expect(batches).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
