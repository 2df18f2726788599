// A bare TCL RPC client for the benches' floors: one command in flight, replies end with 0x1a.
// Deliberately not the project's client (main/openocd), so a floor measures OpenOCD alone.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface BareTcl {
  cmd(c: string): Promise<string>;
  close(): void;
}

/** Connects to OpenOCD's tcl port once it opens (within `timeoutMs`), failing if OpenOCD exits first. */
export async function bareTclClient(port: number, proc: ChildProcess, timeoutMs = 15_000): Promise<BareTcl> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error('openocd exited before its tcl port opened');
    const sock = await new Promise<net.Socket | undefined>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(undefined));
    });
    if (sock) {
      let buf = '';
      let waiting: ((s: string) => void) | undefined;
      sock.on('data', (d: Buffer) => {
        buf += d.toString('latin1');
        const end = buf.indexOf('\x1a');
        if (end >= 0 && waiting) {
          const w = waiting;
          waiting = undefined;
          const reply = buf.slice(0, end);
          buf = buf.slice(end + 1);
          w(reply);
        }
      });
      return {
        cmd: (c) =>
          new Promise((resolve) => {
            waiting = resolve;
            sock.write(`${c}\x1a`);
          }),
        close: () => sock.destroy(),
      };
    }
    if (Date.now() > deadline) throw new Error('tcl port never opened');
    await new Promise((r) => setTimeout(r, 50));
  }
}
