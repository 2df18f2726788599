// Integration (Linux): OpenOCD's ports are reachable by the app alone. The real OpenOCD
// drives the virtual board inside a private network namespace; another uid cannot open the
// relay's socket, no process outside the namespace reaches OpenOCD's ports, telnet is never
// open and gdb only when asked (and then through the host-loopback forward, where a GDB
// remote-protocol packet is answered).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs/promises';
import { build } from 'esbuild';
import { isAlive } from '../../test/process-alive';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { createController, type OpenOcdControllerImpl } from './controller';
import { LOOPBACK } from './ports';

const linuxNetns = process.platform === 'linux' && spawnSync('unshare', ['--user', '--map-root-user', '--net', 'true']).status === 0;
const asRoot = process.getuid?.() === 0;

let ctl: OpenOcdControllerImpl | undefined;
afterEach(async () => {
  await ctl?.dispose();
  ctl = undefined;
});

/** OpenOCD's pid: the relay's only child (the process the app holds is the relay). */
function openocdPid(relayPid: number): number {
  const children = readFileSync(`/proc/${relayPid}/task/${relayPid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  expect(children).toHaveLength(1);
  return children[0] as number;
}

/** TCP ports in LISTEN state in the network namespace of `pid` (/proc/PID/net/tcp is per namespace). */
function listeningPorts(pid: number): number[] {
  const ports: number[] = [];
  for (const file of ['tcp', 'tcp6']) {
    const lines = readFileSync(`/proc/${pid}/net/${file}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === '0A' && local) ports.push(parseInt(local.split(':')[1] as string, 16));
    }
  }
  return ports.sort((a, b) => a - b);
}

function connectOutcome(opts: net.NetConnectOpts): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(opts);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

describe.skipIf(!linuxNetns)('OpenOCD in a private network namespace', () => {
  it('serves the app through its own socket only: no other uid, nothing outside the namespace, no telnet, no gdb', async () => {
    ctl = createController({});
    const st = await ctl.start(VBOARD_PROFILE);
    expect(st.state, st.exit?.reasonLines.join('\n')).toBe('connected');
    expect(ctl.isolation()?.mode).toBe('netns');
    expect(await ctl.command('version')).toMatch(/Open On-Chip Debugger/);
    expect(ctl.gdbPort()).toBeUndefined();

    const relay = (await import('./registry')).livePids()[0] as number;
    const ocd = openocdPid(relay);
    // Inside OpenOCD's namespace only the tcl port listens: telnet never, gdb not asked for.
    expect(listeningPorts(ocd)).toEqual([6666]);
    // The host's loopback does not lead there.
    expect(await connectOutcome({ host: LOOPBACK, port: 6666 })).not.toBe('connected');

    const ep = ctl.tclEndpoint();
    expect(ep && 'path' in ep).toBe(true);
    const sockPath = (ep as { path: string }).path;
    // The app's own user connects; another uid is refused by the 0700 folder.
    expect(await connectOutcome({ path: sockPath })).toBe('connected');
    if (asRoot) {
      const script = `require('net').connect({path:${JSON.stringify(sockPath)}}).on('connect',()=>{console.log('connected');process.exit(0)}).on('error',e=>{console.log(e.code);process.exit(0)})`;
      const r = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, '-e', script], { encoding: 'utf8' });
      expect(r.stdout.trim(), r.stderr).toBe('EACCES');
    }
  });

  it('opens gdb only when asked, on the host loopback, and a GDB packet is answered', async () => {
    ctl = createController({});
    const st = await ctl.start(VBOARD_PROFILE, { gdb: {} });
    expect(st.state, st.exit?.reasonLines.join('\n')).toBe('connected');
    const port = ctl.gdbPort() as number;
    expect(port).toBeGreaterThan(0);
    const relay = (await import('./registry')).livePids()[0] as number;
    expect(listeningPorts(openocdPid(relay))).toEqual([3333, 6666]);
    // The remote protocol's "why did the target stop" query: OpenOCD acks and answers.
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: LOOPBACK, port });
      let got = '';
      s.on('connect', () => s.write('$?#3f'));
      s.on('data', (d) => {
        got += d.toString('latin1');
        if (/\$[^#]*#[0-9a-f]{2}/.test(got)) {
          s.write('+');
          s.destroy();
          resolve(got);
        }
      });
      s.on('error', reject);
    });
    expect(reply).toMatch(/^\+*\$[ST][0-9a-f]{2}/);
    await ctl.stop();
    // Closed again with its OpenOCD.
    expect(await connectOutcome({ host: LOOPBACK, port })).toBe('ECONNREFUSED');
  });

  it('the relay and OpenOCD both die with a host killed by SIGKILL', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-netns-orphan-'));
    const hostScript = path.join(dir, 'host.js');
    await build({ entryPoints: [path.join(__dirname, 'testdata/orphan-netns-host.ts')], outfile: hostScript, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
    const host = spawn(process.execPath, [hostScript], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BRINGUP_ASSETS: path.join(__dirname, '..', '..', 'assets') } });
    let out = '';
    const pids: number[] = [];
    try {
      const m = await new Promise<RegExpExecArray>((resolve, reject) => {
        host.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const r = /READY (\d+) (\d+) (\w+)/.exec(out);
          if (r) resolve(r);
        });
        host.stderr.on('data', (b: Buffer) => (out += b.toString()));
        host.once('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)));
      });
      pids.push(Number(m[1]), Number(m[2]));
      expect(m[3]).toBe('netns');
      expect(readFileSync(`/proc/${m[2]}/comm`, 'utf8').trim()).toBe('openocd');
      host.kill('SIGKILL');
      const end = Date.now() + 10_000;
      while (Date.now() < end && pids.some(isAlive)) await new Promise((r) => setTimeout(r, 50));
      expect(pids.filter(isAlive), 'outlived their killed host').toEqual([]);
    } finally {
      host.kill('SIGKILL');
      for (const p of pids) if (isAlive(p)) process.kill(p, 'SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
