// Run-control keys pressed while a command is still in flight (a reset that has already
// shown "halted" but not yet finished, a step under way) run after it, in order, as a
// debugger's typed-ahead commands do; dropping them made F10 right after Ctrl+Shift+F5 do
// nothing at all. The queue is short so that a held-down F11 does not leave a backlog of
// steps running long after the key is let go.

export const MAX_QUEUED_KEYS = 3;

export interface ControlQueue {
  /** Queue an action; false when the queue is full and the key is dropped. */
  push(action: () => Promise<void>): boolean;
  /** How many keys wait or run. */
  pending(): number;
}

/**
 * idle(): no run-control command is in flight (from a key, a button or the palette);
 * whenIdle(cb): call cb once idle() may have become true (a store subscription).
 */
export function createControlQueue(idle: () => boolean, whenIdle: (cb: () => void) => () => void): ControlQueue {
  let chain: Promise<void> = Promise.resolve();
  let count = 0;
  const waitIdle = (): Promise<void> =>
    new Promise((resolve) => {
      if (idle()) return resolve();
      const stop = whenIdle(() => {
        if (!idle()) return;
        stop();
        resolve();
      });
    });
  return {
    push(action) {
      if (count >= MAX_QUEUED_KEYS) return false;
      count++;
      chain = chain
        .then(waitIdle)
        .then(action)
        .catch(() => undefined)
        .finally(() => {
          count--;
        });
      return true;
    },
    pending: () => count,
  };
}
