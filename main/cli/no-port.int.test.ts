// Integration (Linux): the OpenOCD a `bringup` command starts has no port at all. Its tcl
// server is its stdin/stdout, so no listening socket exists that another local user could
// reach (checked against the kernel's socket tables), the commands still work through it,
// and a `bringup` killed with SIGKILL takes that OpenOCD with it (the pipe ends).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive } from '../../test/process-alive';
import os from 'node:os';
import fs from 'node:fs/promises';

const ROOT = path.resolve(__dirname, '..', '..');

/** Socket inodes in LISTEN state on this machine (TCP v4/v6 and Unix), from the kernel's tables. */
function listeningInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const file of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${file}`, 'utf8').trim().split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  for (const line of readFileSync(`/proc/${pid}/net/unix`, 'utf8').trim().split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    // Flags 00010000 = __SO_ACCEPTCON: a listening Unix socket.
    if (cols[3] === '00010000' && cols[6]) inodes.add(cols[6]);
  }
  return inodes;
}

function socketInodes(pid: number): string[] {
  const out: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' }));
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

function openocdChild(parent: number): number | undefined {
  const kids = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return kids.find((k) => {
    try {
      return readFileSync(`/proc/${k}/comm`, 'utf8').trim() === 'openocd';
    } catch {
      return false;
    }
  });
}

let cli: ChildProcess | undefined;
afterEach(() => {
  cli?.kill('SIGKILL');
  cli = undefined;
});

describe.runIf(process.platform === 'linux')("the CLI's OpenOCD", () => {
  it('listens on nothing, answers through its pipe, and ends when bringup is SIGKILLed', async () => {
    const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'bw-noport-'));
    cli = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'repl', '--vboard'], {
      env: { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: userData },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    cli.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    cli.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const replied = (re: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          if (re.test(out)) {
            clearInterval(timer);
            resolve();
          } else if (cli?.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`bringup repl ended: ${out}`));
          }
        }, 50);
      });
    cli.stdin?.write('target names\n');
    await replied(/stm32f1x\.cpu/);
    const pid = cli.pid as number;
    const ocd = openocdChild(pid);
    expect(ocd, 'no openocd under bringup').toBeDefined();
    const listening = listeningInodes(ocd as number);
    const held = socketInodes(ocd as number);
    expect(held.length).toBeGreaterThan(0); // the board's socket, connected
    expect(held.filter((i) => listening.has(i)), 'OpenOCD holds a listening socket').toEqual([]);
    cli.kill('SIGKILL');
    const end = Date.now() + 10_000;
    while (isAlive(ocd as number) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(isAlive(ocd as number), `openocd ${ocd} outlived its killed bringup`).toBe(false);
    await fs.rm(userData, { recursive: true, force: true });
  });
});
