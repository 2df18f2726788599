// Test helper: start the virtual board and a real OpenOCD against it, talk TCL RPC.
// Deliberately independent of main/openocd (another helper owns the real client).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { startVirtualBoard, type VirtualBoard } from './index';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const VBOARD_CFG = path.join(REPO_ROOT, 'assets/openocd/vboard.cfg');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface OpenOcdRun {
  proc: ChildProcess;
  tclPort: number;
  /** Everything OpenOCD printed (stdout + stderr) so far. */
  log(): string;
  exited: Promise<number | null>;
}

/** Spawn openocd against the board. `pre` commands run before the target cfg (-c ... -f order). */
export async function spawnOpenOcd(boardPort: number, opts: { pre?: string[]; post?: string[]; init?: boolean; socketPath?: string } = {}): Promise<OpenOcdRun> {
  const tclPort = await freePort();
  const args = ['-f', VBOARD_CFG, '-f', 'target/stm32f1x.cfg', '-c', `tcl_port ${tclPort}; telnet_port disabled; gdb_port disabled`];
  for (const c of opts.post ?? []) args.push('-c', c);
  if (opts.init !== false) args.push('-c', 'init');
  // vboard.cfg connects to the Unix-domain socket when VBOARD_SOCKET is set.
  const env: NodeJS.ProcessEnv = { ...process.env, VBOARD_PORT: String(boardPort) };
  if (opts.socketPath) env.VBOARD_SOCKET = opts.socketPath;
  else delete env.VBOARD_SOCKET;
  const proc = spawn('openocd', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, tclPort, log: () => out, exited };
}

/** Run openocd to completion with -c commands (for failures that end the process). */
export async function runOpenOcdOnce(boardPort: number, commands: string[], extraPre: string[] = [], timeoutMs = 30_000): Promise<{ code: number | null; log: string }> {
  const args = ['-f', VBOARD_CFG];
  for (const c of extraPre) args.push('-c', c);
  args.push('-f', 'target/stm32f1x.cfg', '-c', 'tcl_port disabled; telnet_port disabled; gdb_port disabled');
  for (const c of commands) args.push('-c', c);
  const proc = spawn('openocd', args, { env: { ...process.env, VBOARD_PORT: String(boardPort) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, log: out };
}

/** Minimal TCL RPC client: command + 0x1a, reply up to 0x1a, one command at a time. */
export class TclRpc {
  private buf = '';
  private waiter: ((s: string) => void) | undefined;
  private constructor(private readonly sock: net.Socket) {
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      this.buf += d;
      const i = this.buf.indexOf('\x1a');
      if (i >= 0 && this.waiter) {
        const reply = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 1);
        const w = this.waiter;
        this.waiter = undefined;
        w(reply);
      }
    });
  }

  /** Connect, retrying until OpenOCD listens (or the process has exited). */
  static async connect(run: OpenOcdRun, timeoutMs = 20_000): Promise<TclRpc> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void run.exited.then(() => (exited = true));
    for (;;) {
      try {
        const sock = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(run.tclPort, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        return new TclRpc(sock);
      } catch {
        if (exited || Date.now() > deadline) throw new Error(`OpenOCD TCL port never opened:\n${run.log()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  cmd(command: string, timeoutMs = 60_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`TCL command timed out: ${command}`)), timeoutMs);
      this.waiter = (s) => {
        clearTimeout(t);
        resolve(s);
      };
      this.sock.write(command + '\x1a');
    });
  }

  /** Run a command and return its output, or the error text if it failed (Tcl catch). */
  async capture(command: string): Promise<{ ok: boolean; out: string }> {
    const r = await this.cmd(`if {[catch {${command}} __r]} {set __r "ERR:$__r"} else {set __r "OK:$__r"}`);
    return { ok: r.startsWith('OK:'), out: r.slice(3) };
  }

  close(): void {
    this.sock.destroy();
  }
}

/** Kill OpenOCD hard and wait for it to be gone. */
export async function killOpenOcd(run: OpenOcdRun | undefined): Promise<void> {
  if (!run || run.proc.exitCode !== null || run.proc.signalCode !== null) return;
  run.proc.kill('SIGKILL');
  await run.exited;
}

export async function startBoard(faults: string[] = [], flashFile?: string): Promise<VirtualBoard> {
  return startVirtualBoard({ port: 0, faults, ...(flashFile ? { flashFile } : {}) });
}

/** Wait until `predicate(log)` holds, polling the OpenOCD log. */
export async function waitForLog(run: OpenOcdRun, predicate: (log: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(run.log())) {
    if (Date.now() > deadline) throw new Error(`log condition not met:\n${run.log()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return run.log();
}
