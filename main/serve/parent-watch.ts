// `npx bringup serve` runs under npm: stopping npm (a signal npm does not pass on, or
// kill -9) used to leave serve and its OpenOCD running with the probe held. The kernel
// re-parents an orphan (to init or a subreaper), so a changed ppid means the parent is
// gone: serve then stops as it does on Ctrl-C. Polled: there is no portable event for it.

/** Calls `onGone` once when this process's parent has exited; returns a function that stops watching. */
export function watchParent(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  // Started by init itself (a service, a container's pid 1): there is no parent to outlive.
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent && alive(parent)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but is not ours to signal (still alive).
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
