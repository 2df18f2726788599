// OpenOCD's watchdog, where the kernel offers no parent-death signal (macOS, Windows;
// on Linux only when BRINGUP_WATCHDOG=1 forces it). Run by the app with Node (or
// Electron as Node) as:  node watchdog.cjs <openocd> [args...]
// - starts OpenOCD with the same stdout/stderr (the app reads OpenOCD's own output);
// - stdin is a pipe from the app: when it reaches EOF the app is gone (even after a
//   SIGKILL, the kernel closes its end), so OpenOCD is stopped: SIGTERM, SIGKILL 2 s later;
// - a line on stdin naming a signal ("SIGTERM\n", "SIGKILL\n") is sent to OpenOCD: the
//   app's way to signal OpenOCD itself, also where signals do not exist (Windows);
// - SIGINT/SIGTERM/SIGHUP sent to the watchdog are forwarded to OpenOCD;
// - the watchdog ends the way OpenOCD ended: same exit code, or the same signal.
// Plain CommonJS (no bundling; exit-as-child.cjs beside it): it ships as-is in assets/openocd.
'use strict';
const { spawn } = require('node:child_process');
const { exitAsChild } = require('./exit-as-child.cjs');

const [binary, ...args] = process.argv.slice(2);
if (!binary) {
  process.stderr.write('Error: watchdog: no OpenOCD binary given\n');
  process.exit(2);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set only so that Electron runs this file as Node
const child = spawn(binary, args, { stdio: ['ignore', 'inherit', 'inherit'], env, windowsHide: true });

let ended = false;
function signalChild(sig) {
  if (ended) return;
  try {
    child.kill(sig);
  } catch {
    // already gone
  }
}

child.once('error', (err) => {
  // Spawn failed (no 'exit' follows): say it the way the app would.
  process.stderr.write(`Error: cannot start ${binary}: ${err.message}\n`);
  process.exit(127);
});

child.once('exit', (code, signal) => {
  ended = true;
  // End by the same signal, so the app sees "killed by SIGKILL" as it would without us.
  exitAsChild(code, signal, FORWARDED);
});

const FORWARDED = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const s of FORWARDED) process.on(s, () => signalChild(s));

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  pending += text;
  let nl;
  while ((nl = pending.indexOf('\n')) >= 0) {
    const word = pending.slice(0, nl).trim();
    pending = pending.slice(nl + 1);
    if (/^SIG[A-Z0-9]+$/.test(word)) signalChild(word);
  }
});
// EOF (or a broken pipe): the app has gone. OpenOCD must not outlive it.
let orphaned = false;
function onAppGone() {
  if (orphaned) return;
  orphaned = true;
  signalChild('SIGTERM');
  setTimeout(() => signalChild('SIGKILL'), 2000).unref();
}
process.stdin.on('end', onAppGone);
process.stdin.on('close', onAppGone);
process.stdin.on('error', onAppGone);
