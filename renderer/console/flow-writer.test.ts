import { describe, expect, it } from 'vitest';
import { FlowWriter } from './flow-writer';

function fakeTerminal() {
  const written: string[] = [];
  const callbacks: (() => void)[] = [];
  return {
    written,
    target: { write: (d: string, cb: () => void) => (written.push(d), callbacks.push(cb)) },
    /** The terminal finished parsing everything handed to it so far. */
    drain: () => callbacks.splice(0).forEach((cb) => cb()),
    drainAll: () => {
      while (callbacks.length) callbacks.splice(0).forEach((cb) => cb());
    },
  };
}

describe('FlowWriter', () => {
  it('hands at most highWater bytes to the terminal until its callbacks confirm them', () => {
    const t = fakeTerminal();
    const w = new FlowWriter(t.target, { highWater: 10, maxPending: 1000 });
    w.write('aaaaaaaa'); // 8
    w.write('bbbbbbbb'); // 16 in flight: over the mark, but one chunk always goes
    w.write('cccccccc');
    expect(t.written).toEqual(['aaaaaaaa', 'bbbbbbbb']);
    t.drain();
    expect(t.written).toEqual(['aaaaaaaa', 'bbbbbbbb', 'cccccccc']);
    t.drain();
    expect(w.pendingBytes()).toBe(0);
  });

  it('drops the oldest waiting text past maxPending and says so once', () => {
    const t = fakeTerminal();
    const w = new FlowWriter(t.target, { highWater: 4, maxPending: 20 });
    w.write('1111'); // in flight
    for (const c of ['2', '3', '4', '5', '6', '7']) w.write(c.repeat(5));
    expect(w.pendingBytes()).toBeLessThanOrEqual(4 + 20);
    t.drainAll();
    const out = t.written.join('');
    expect(out).toContain('bytes of log skipped');
    expect(out).toContain('77777');
    expect(out).not.toContain('22222');
  });
});
