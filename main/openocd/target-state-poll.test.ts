import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetState } from '../../shared/connection';
import { TargetStatePoll } from './target-state-poll';

/** A query whose answers the test releases one by one. */
function manualQuery() {
  const waiting: Array<(s: string | undefined) => void> = [];
  return {
    query: () => new Promise<string | undefined>((r) => waiting.push(r)),
    answer: (s: string | undefined) => waiting.shift()?.(s),
    get pending() {
      return waiting.length;
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('TargetStatePoll', () => {
  it('applies what OpenOCD answers, mapped to the badge states', async () => {
    const seen: TargetState[] = [];
    const q = manualQuery();
    const poll = new TargetStatePoll({ query: q.query, apply: (s) => seen.push(s) });
    poll.start();
    const done = poll.refresh();
    q.answer('debug-running');
    await done;
    expect(seen).toEqual(['running']);
    poll.stop();
  });

  it('drops an answer to a query sent before a notification changed the state', async () => {
    const seen: TargetState[] = [];
    const q = manualQuery();
    const poll = new TargetStatePoll({ query: q.query, apply: (s) => seen.push(s) });
    poll.start();
    const done = poll.refresh();
    poll.noteEvent(); // e.g. "halted" arrived while the query was out
    q.answer('running');
    await done;
    expect(seen).toEqual([]);
    poll.stop();
  });

  it('a refresh during a read queues one more read (the first may predate the caller)', async () => {
    const seen: TargetState[] = [];
    const q = manualQuery();
    const poll = new TargetStatePoll({ query: q.query, apply: (s) => seen.push(s) });
    poll.start();
    void poll.refresh();
    const a = poll.refresh();
    const b = poll.refresh();
    expect(a).toBe(b);
    q.answer('halted');
    await vi.waitFor(() => expect(q.pending).toBe(1));
    q.answer('running');
    await a;
    expect(seen).toEqual(['halted', 'running']);
    poll.stop();
  });

  it('reads again a few times after a reset, and in the background', async () => {
    vi.useFakeTimers();
    let reads = 0;
    const poll = new TargetStatePoll({ query: async () => (reads++, 'running'), apply: () => undefined, intervalMs: 1000, afterResetMs: [100, 300] });
    poll.start();
    poll.afterReset();
    await vi.advanceTimersByTimeAsync(350);
    expect(reads).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(4);
    poll.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads).toBe(4);
  });

  it('does nothing once stopped, and survives a failing query', async () => {
    const seen: TargetState[] = [];
    const poll = new TargetStatePoll({ query: () => Promise.reject(new Error('gone')), apply: (s) => seen.push(s) });
    poll.start();
    await poll.refresh();
    poll.stop();
    await poll.refresh();
    expect(seen).toEqual([]);
  });
});
