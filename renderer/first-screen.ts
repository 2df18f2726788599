// "The first screen is usable": profiles and the connection state are loaded, so the
// Connect button works. What is not needed for that (the console's xterm) waits for it,
// so its download and parse do not compete with the first screen for the main thread.
import { useSyncExternalStore } from 'react';

let ready = false;
const listeners = new Set<() => void>();

export function markFirstScreenReady(): void {
  if (ready) return;
  ready = true;
  for (const l of listeners) l();
}

export function useFirstScreenReady(): boolean {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => ready,
  );
}
