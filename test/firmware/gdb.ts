// Test support: gdb-multiarch (Debian's GDB for ARM) in batch mode against a port.
import { execFile, spawn } from 'node:child_process';

export interface GdbRun {
  code: number | null;
  out: string;
}

/** Runs `gdb-multiarch -batch` on `elf` with `target extended-remote 127.0.0.1:PORT` and then `commands`. */
export function runGdb(port: number, elf: string, commands: readonly string[]): Promise<GdbRun> {
  const ex = ['set pagination off', 'set confirm off', `target extended-remote 127.0.0.1:${port}`, ...commands];
  const args = ['-nx', '-batch', ...ex.flatMap((c) => ['-ex', c]), elf];
  return new Promise((resolve) => {
    execFile('gdb-multiarch', args, { timeout: 60_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? (err as unknown as { code: number }).code : 1) : 0;
      resolve({ code, out: stdout + stderr });
    });
  });
}

export interface InteractiveGdb {
  /** Sends the commands (then `quit`) and waits for GDB to exit. */
  finish(commands: readonly string[]): Promise<GdbRun>;
}

/** gdb-multiarch attached to the port and waiting for commands on its stdin. */
export function startGdb(port: number, elf: string): InteractiveGdb {
  const child = spawn('gdb-multiarch', ['-nx', '-q', '-ex', 'set pagination off', '-ex', 'set confirm off', '-ex', `target extended-remote 127.0.0.1:${port}`, elf], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    async finish(commands) {
      child.stdin.end([...commands, 'quit', ''].join('\n'));
      return { code: await exited, out };
    },
  };
}
