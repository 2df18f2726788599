// Integration-test and bench support: a virtual board, a real OpenOCD 0.12 against it
// on free ports, and the app's real TCL RPC client. Everything started here is
// stopped by close(), which the callers run in afterAll / finally.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TclRpcClient } from '../../openocd/rpc-client';
import { freePort } from '../../openocd/ports';
import { startVirtualBoard, type VirtualBoard } from '../../vboard/index';

/** The repo's vboard.cfg: from the source tree (tests) or the working directory (bundled bench). */
export function vboardCfg(): string {
  const candidates = [path.resolve(__dirname, '../../..'), process.cwd()].map((root) => path.join(root, 'assets/openocd/vboard.cfg'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`assets/openocd/vboard.cfg not found (looked at ${candidates.join(', ')}); run from the repo root`);
  return found;
}

export interface Rig {
  board: VirtualBoard;
  client: TclRpcClient;
  /** OpenOCD's tcl port (127.0.0.1), for a second client (Session.connect, the CLI's --connect). */
  tclPort: number;
  /** Everything OpenOCD printed so far. */
  log(): string;
  close(): Promise<void>;
}

export async function startRig(opts: { faults?: string[] } = {}): Promise<Rig> {
  const board = await startVirtualBoard({ port: 0, faults: opts.faults ?? [] });
  let proc: ChildProcess | undefined;
  let out = '';
  const close = async (): Promise<void> => {
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const gone = new Promise((r) => proc!.once('exit', r));
      proc.kill('SIGKILL');
      await gone;
    }
    await board.close();
  };
  try {
    const tclPort = await freePort();
    proc = spawn(
      'openocd',
      ['-f', vboardCfg(), '-f', 'target/stm32f1x.cfg', '-c', `bindto 127.0.0.1; tcl_port ${tclPort}; telnet_port disabled; gdb_port disabled`, '-c', 'init'],
      { env: { ...process.env, VBOARD_PORT: String(board.port) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // If the test process dies without running close(), OpenOCD must not outlive it.
    const killOnExit = (): void => void proc?.kill('SIGKILL');
    process.once('exit', killOnExit);
    proc.once('exit', () => process.off('exit', killOnExit));
    proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const client = await connectWhenReady(tclPort, proc, () => out);
    return {
      board,
      client,
      tclPort,
      log: () => out,
      close: async () => {
        client.close();
        await close();
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

async function connectWhenReady(port: number, proc: ChildProcess, log: () => string, timeoutMs = 20_000): Promise<TclRpcClient> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`OpenOCD exited (${proc.exitCode}) before its tcl port opened:\n${log()}`);
    try {
      return await TclRpcClient.connect('127.0.0.1', port, { timeoutMs: 1_000, commandTimeoutMs: 30_000 });
    } catch {
      if (Date.now() > deadline) throw new Error(`OpenOCD tcl port never opened:\n${log()}`);
      // The port opens after OpenOCD has read its configs; nothing to await but the retry.
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
