// Whether a process still exists (signal 0 checks without sending anything), for the
// tests that prove no OpenOCD outlives what started it.
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
