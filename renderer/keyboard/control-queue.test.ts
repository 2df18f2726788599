// A key pressed while a command is in flight runs after it, in order; a full queue drops.
import { describe, expect, it } from 'vitest';
import { createControlQueue, MAX_QUEUED_KEYS } from './control-queue';

function busyFlag() {
  let busy = false;
  const listeners = new Set<() => void>();
  return {
    set(v: boolean) {
      busy = v;
      for (const l of [...listeners]) l();
    },
    idle: () => !busy,
    whenIdle: (cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('run-control key queue', () => {
  it('runs a key pressed while busy once the command in flight has finished', async () => {
    const flag = busyFlag();
    const q = createControlQueue(flag.idle, flag.whenIdle);
    const ran: string[] = [];
    flag.set(true);
    expect(q.push(async () => void ran.push('step over'))).toBe(true);
    await tick();
    expect(ran).toEqual([]);
    flag.set(false);
    await tick();
    expect(ran).toEqual(['step over']);
    expect(q.pending()).toBe(0);
  });

  it('keeps the order of keys, each waiting for the one before', async () => {
    const flag = busyFlag();
    const q = createControlQueue(flag.idle, flag.whenIdle);
    const ran: string[] = [];
    const slow = (name: string) => async () => {
      flag.set(true);
      await tick();
      ran.push(name);
      flag.set(false);
    };
    q.push(slow('reset halt'));
    q.push(slow('step'));
    q.push(slow('step over'));
    for (let i = 0; i < 10; i++) await tick();
    expect(ran).toEqual(['reset halt', 'step', 'step over']);
  });

  it(`drops keys beyond ${MAX_QUEUED_KEYS} waiting, and a failing action does not stop the queue`, async () => {
    const flag = busyFlag();
    const q = createControlQueue(flag.idle, flag.whenIdle);
    const ran: number[] = [];
    flag.set(true);
    const accepted = Array.from({ length: MAX_QUEUED_KEYS + 2 }, (_, i) =>
      q.push(async () => {
        if (i === 0) throw new Error('target not halted');
        ran.push(i);
      }),
    );
    expect(accepted.filter(Boolean)).toHaveLength(MAX_QUEUED_KEYS);
    flag.set(false);
    for (let i = 0; i < 10; i++) await tick();
    expect(ran).toEqual(Array.from({ length: MAX_QUEUED_KEYS - 1 }, (_, i) => i + 1));
  });
});
