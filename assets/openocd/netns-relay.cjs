// OpenOCD's relay inside a private network namespace (Linux; main/openocd/netns.ts).
// Run by the app as:
//   unshare --user --map-root-user --net -- node netns-relay.cjs \
//     --ip /usr/sbin/ip --dir DIR --forward tcl=6666 [--forward gdb=3333] [--setpriv P] -- <openocd> [args...]
// or, started ahead of time (before the app knows OpenOCD's command line: the relay's own
// start, a Node start, then overlaps the app's other start-up work), with `-- -`: the
// first line on stdin is then {"binary": ..., "args": [...], "env": {...}} as JSON.
// OpenOCD's tcl (and gdb) port then listen on the namespace's own loopback, which no other
// process on the machine can reach: there is no route from the host's network into it.
// The app reaches them through Unix-domain sockets DIR/<name>.sock that this relay serves:
// the filesystem is shared across network namespaces, and DIR is the app's 0700 folder,
// so only the app's user can connect (the kernel checks the folder's mode on connect).
// Otherwise it is the watchdog (watchdog.cjs): OpenOCD's stdout/stderr are the app's pipes,
// stdin EOF (the app died, even by SIGKILL) stops OpenOCD, a signal name on stdin or a
// forwarded SIGINT/SIGTERM/SIGHUP reaches OpenOCD, and the relay ends as OpenOCD ended.
// Plain CommonJS (no bundling, no dependencies but exit-as-child.cjs beside it): it ships as-is in assets/openocd.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');
const { exitAsChild } = require('./exit-as-child.cjs');

function fail(message, code) {
  process.stderr.write(`Error: netns relay: ${message}\n`);
  process.exit(code);
}

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep < 0 || sep === argv.length - 1) fail('no OpenOCD command given', 2);
const opts = { forward: [] };
for (let i = 0; i < sep; i += 2) {
  const [key, value] = [argv[i], argv[i + 1]];
  if (key === '--forward') {
    const m = /^([a-z]+)=(\d+)$/.exec(value || '');
    if (!m) fail(`bad --forward '${value}'`, 2);
    opts.forward.push({ name: m[1], port: Number(m[2]) });
  } else if (key === '--ip' || key === '--dir' || key === '--setpriv') opts[key.slice(2)] = value;
  else fail(`unknown option ${key}`, 2);
}
const fromStdin = argv.length === sep + 2 && argv[sep + 1] === '-';
if (!opts.dir || !opts.ip) fail('--dir and --ip are required', 2);

// A new network namespace has only a loopback interface, and it is down.
try {
  execFileSync(opts.ip, ['link', 'set', 'lo', 'up'], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch (err) {
  fail(`cannot bring up the namespace's loopback (${String((err.stderr || err.message || '')).trim()})`, 3);
}

// Forward every connection on DIR/<name>.sock to 127.0.0.1:<port> in this namespace. Until
// OpenOCD listens, a connection is closed at once and the app's readiness loop retries.
const servers = [];
for (const { name, port } of opts.forward) {
  const sockPath = path.join(opts.dir, `${name}.sock`);
  try {
    fs.rmSync(sockPath, { force: true });
  } catch {
    // not there
  }
  const server = net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port, noDelay: true });
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  server.on('error', (err) => fail(`cannot serve ${sockPath}: ${err.message}`, 3));
  server.listen(sockPath);
  servers.push(server);
}

// DIR/dial.sock: any other server of OpenOCD's in here (an `rtt server PORT`): the first
// line names the port, then the connection is piped to it.
const dialPath = path.join(opts.dir, 'dial.sock');
fs.rmSync(dialPath, { force: true });
const dialServer = net.createServer({ noDelay: true }, (client) => {
  let head = Buffer.alloc(0);
  const onHead = (chunk) => {
    head = Buffer.concat([head, chunk]);
    const nl = head.indexOf(0x0a);
    if (nl < 0) {
      if (head.length > 16) client.destroy();
      return;
    }
    client.off('data', onHead);
    client.pause();
    const port = Number(head.subarray(0, nl).toString('latin1'));
    const rest = head.subarray(nl + 1);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return client.destroy();
    const upstream = net.connect({ host: '127.0.0.1', port, noDelay: true });
    if (rest.length > 0) upstream.write(rest);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    upstream.on('close', close);
    client.on('close', close);
  };
  client.on('data', onHead);
  client.on('error', () => client.destroy());
});
dialServer.on('error', (err) => fail(`cannot serve ${dialPath}: ${err.message}`, 3));
dialServer.listen(dialPath);
servers.push(dialServer);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set only so that Electron runs this file as Node

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let child;
let ended = false;
function removeSockets() {
  for (const s of servers) s.close();
  for (const { name } of opts.forward) fs.rmSync(path.join(opts.dir, `${name}.sock`), { force: true });
  fs.rmSync(dialPath, { force: true });
}

function signalChild(sig) {
  if (ended) return;
  // Started ahead and never given a command: there is no OpenOCD to stop, only us.
  if (!child) {
    ended = true;
    removeSockets();
    process.exit(0);
  }
  try {
    child.kill(sig);
  } catch {
    // already gone
  }
}

function startOpenOcd(binary, args, extraEnv) {
  // OpenOCD dies with the relay even if the relay is killed with SIGKILL (same credentials
  // inside the namespace, so the kernel keeps the parent-death signal).
  const command = opts.setpriv ? opts.setpriv : binary;
  const commandArgs = opts.setpriv ? ['--pdeathsig', 'KILL', '--', binary, ...args] : args;
  child = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, ...extraEnv } });
  child.once('error', (err) => {
    process.stderr.write(`Error: cannot start ${binary}: ${err.message}\n`);
    process.exit(127);
  });
  child.once('exit', (code, signal) => {
    ended = true;
    removeSockets();
    exitAsChild(code, signal, FORWARDED);
  });
}

/** The first stdin line of a relay started ahead: OpenOCD's command line as JSON. */
function commandFromLine(line) {
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch {
    fail('the first stdin line is not the OpenOCD command (JSON)', 2);
  }
  const okArgs = Array.isArray(cmd.args) && cmd.args.every((a) => typeof a === 'string');
  const okEnv = cmd.env === undefined || (typeof cmd.env === 'object' && Object.values(cmd.env).every((v) => typeof v === 'string'));
  if (typeof cmd.binary !== 'string' || !cmd.binary || !okArgs || !okEnv) fail('the OpenOCD command on stdin needs binary, args[] and env{} of strings', 2);
  startOpenOcd(cmd.binary, cmd.args, cmd.env || {});
}

if (!fromStdin) {
  const [binary, ...args] = argv.slice(sep + 1);
  startOpenOcd(binary, args, {});
}

for (const s of FORWARDED) process.on(s, () => signalChild(s));

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  pending += text;
  let nl;
  while ((nl = pending.indexOf('\n')) >= 0) {
    const word = pending.slice(0, nl).trim();
    pending = pending.slice(nl + 1);
    if (fromStdin && !child && !ended) commandFromLine(word);
    else if (/^SIG[A-Z0-9]+$/.test(word)) signalChild(word);
  }
});
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
