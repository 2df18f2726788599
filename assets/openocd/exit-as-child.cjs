// Shared by the watchdog and the namespace relay (both stand between the app and OpenOCD):
// end this process the way OpenOCD ended, so the app sees OpenOCD's own exit code, or
// "killed by SIGKILL" for a signal, as it would without a process in between.
// Self-contained CommonJS, shipped as-is beside them in assets/openocd.
'use strict';

/** `forwarded`: the signals this process forwards to OpenOCD (their handlers go first, or the signal would be caught). */
function exitAsChild(code, signal, forwarded) {
  if (signal) {
    for (const s of forwarded) process.removeAllListeners(s);
    try {
      process.kill(process.pid, signal);
    } catch {
      process.exit(1);
    }
    return;
  }
  process.exit(code === null ? 1 : code);
}

module.exports = { exitAsChild };
