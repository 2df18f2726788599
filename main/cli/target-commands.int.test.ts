// The target commands as a user runs them: the BUILT CLI (esbuild bundle) as a child
// process against the virtual board and the real OpenOCD. Most cases share one
// `bringup vboard` + one OpenOCD reached with --connect; two runs use --vboard (the
// CLI starts and stops OpenOCD itself). Every CLI run gets its own process group, so
// "no OpenOCD left behind" is checked by group, not by name.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const ASSETS = path.join(ROOT, 'assets');
const SVD = path.resolve(__dirname, '../../../shared/svd/STM32F103.svd');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-cli-'));
const cli = path.join(tmp, 'cli.js');
const env = { ...process.env, BRINGUP_ASSETS: ASSETS };

let board: ChildProcess | undefined;
let openocd: ChildProcess | undefined;
let connect: string[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Processes still in a group (an OpenOCD the CLI failed to stop would be one). */
function groupMembers(pgid: number): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-g', String(pgid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Runs the CLI to completion. `onStdout` may interrupt it (it gets the child). Afterwards
 * nothing may be left in its process group: no orphan OpenOCD.
 */
function runCli(args: string[], opts: { input?: string; onStdout?: (soFar: string, child: ChildProcess) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      opts.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(opts.input ?? '');
    child.once('error', reject);
    child.once('close', (code) => {
      const left = groupMembers(child.pid as number);
      if (left.length > 0) reject(new Error(`left running after 'bringup ${args.join(' ')}': ${left.join('; ')}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves with the first match of `re` in the stream's text. */
function waitFor(stream: NodeJS.ReadableStream, re: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (d: Buffer): void => {
      text += d.toString();
      const m = re.exec(text);
      if (m) {
        stream.off('data', onData);
        resolve(m);
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`${what} ended before ${String(re)}:\n${text}`)));
  });
}

function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error' });
  board = spawn(process.execPath, [cli, 'vboard', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const [, boardPort] = await waitFor(board.stdout as NodeJS.ReadableStream, /vboard listening on 127\.0\.0\.1:(\d+)/, 'bringup vboard');
  const tcl = await freePort();
  openocd = spawn(
    'openocd',
    ['-c', 'bindto 127.0.0.1', '-c', `tcl_port ${tcl}`, '-c', 'telnet_port disabled', '-c', 'gdb_port disabled',
      '-f', path.join(ASSETS, 'openocd', 'vboard.cfg'), '-f', 'target/stm32f1x.cfg', '-c', 'init'],
    { env: { ...process.env, VBOARD_PORT: boardPort }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitFor(openocd.stderr as NodeJS.ReadableStream, new RegExp(`Listening on port ${tcl} for tcl connections`), 'openocd');
  connect = ['--connect', `127.0.0.1:${tcl}`];
});

afterAll(async () => {
  await stopChild(openocd, 'SIGTERM');
  await stopChild(board, 'SIGINT');
  rmSync(tmp, { recursive: true, force: true });
});

describe('bringup target commands, built CLI, virtual board', () => {
  it('--vboard info: starts OpenOCD, shows the chain, target and flash, stops it', async () => {
    const r = await runCli(['info', '--vboard']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OpenOCD: +0\.12\.0$/m);
    expect(r.stdout).toMatch(/^Adapter: +remote_bitbang/m);
    expect(r.stdout).toMatch(/stm32f1x\.cpu +0x3ba00477 +enabled +irlen 4/);
    expect(r.stdout).toMatch(/^Target: +stm32f1x\.cpu \((running|halted)\)$/m);
    expect(r.stdout).toMatch(/#0 +stm32f1x +at 0x08000000 +64 KiB/);
  });

  it('--vboard read of unmapped memory: exit 1 with OpenOCD\'s own text', async () => {
    const r = await runCli(['read', '0x60000000', '4', '--vboard']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bringup read: TargetError: memory read at 0x60000000 \(4 bytes\) failed/);
    expect(r.stderr).toContain('Failed to read memory at 0x60000000');
    expect(r.stderr).toContain('Hint: Check that the range exists on this chip');
  });

  it('write then read round-trips in SRAM (hexdump and JSON)', async () => {
    const w = await runCli(['write', '0x20000100', '0x11223344', '0xdeadbeef', ...connect]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('wrote 2 values (32-bit) at 0x20000100: 0x11223344 0xdeadbeef\n');
    const w8 = await runCli(['write', '0x20000109', '0x41', '66', '--width', '8', ...connect]);
    expect(w8.code).toBe(0);
    const hex = await runCli(['read', '0x20000100', '12', ...connect]);
    expect(hex.code).toBe(0);
    expect(hex.stdout).toBe(`20000100  44 33 22 11 ef be ad de  00 41 42 00${' '.repeat(14)}|D3"......AB.    |\n`);
    const json = await runCli(['read', '0x20000100', '8', '--format', 'json', ...connect]);
    expect(JSON.parse(json.stdout)).toEqual({ address: 0x20000100, bytes: [0x44, 0x33, 0x22, 0x11, 0xef, 0xbe, 0xad, 0xde] });
  });

  it('flash --json --verify: progress lines per phase, then done with verify ok; the bytes are in flash', async () => {
    const image = randomBytes(2048);
    const file = path.join(tmp, 'fw.bin');
    writeFileSync(file, image);
    const r = await runCli(['flash', file, '--address', '0x08002000', '--verify', '--json', ...connect]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; phase?: string; done?: number; total?: number });
    const final = lines.pop();
    expect(lines.every((l) => l.type === 'progress')).toBe(true);
    expect([...new Set(lines.map((l) => l.phase))]).toEqual(['erase', 'program', 'verify']);
    expect(lines.filter((l) => l.phase === 'program').at(-1)).toMatchObject({ done: 2048, total: 2048 });
    expect(final).toMatchObject({ type: 'done', bytes: 2048, verify: { ok: true, bytes: 2048 } });
    const back = await runCli(['read', '0x08002000', '2048', '--format', 'json', '--base64', ...connect]);
    expect(Buffer.from((JSON.parse(back.stdout) as { base64: string }).base64, 'base64').equals(image)).toBe(true);
  });

  it('flash: SIGINT cancels between chunks: final line "cancelled", exit 1', async () => {
    const file = path.join(tmp, 'big.bin');
    writeFileSync(file, randomBytes(16 * 1024));
    let sent = false;
    const r = await runCli(['flash', file, '--address', '0x08004000', '--json', ...connect], {
      onStdout: (text, child) => {
        if (!sent && text.includes('"phase":"program"')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(1);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { type: string; phase: string; done: number; total: number };
    expect(last).toMatchObject({ type: 'cancelled', phase: 'program', total: 16384 });
    expect(last.done).toBeLessThan(16384);
  });

  it('halt, regs, reset halt, resume', async () => {
    const halt = await runCli(['halt', ...connect]);
    expect(halt.code).toBe(0);
    expect(halt.stdout).toMatch(/^target halted at pc 0x[0-9a-f]{8}\n$/);
    const regs = await runCli(['regs', ...connect]);
    expect(regs.code).toBe(0);
    expect(regs.stdout).toMatch(/^== arm v7m registers$/m);
    expect(regs.stdout).toMatch(/^ {2}pc +\(32\) +0x[0-9a-f]{8}/m);
    const reset = await runCli(['reset', 'halt', ...connect]);
    expect(reset.stdout).toBe('reset halt: target halted\n');
    const resume = await runCli(['resume', ...connect]);
    expect(resume.stdout).toBe('target running\n');
    const notHalted = await runCli(['regs', ...connect]);
    expect(notHalted.code).toBe(1);
    expect(notHalted.stderr).toContain('TargetNotHaltedError');
    expect(notHalted.stderr).toContain('Hint: Halt the target first');
  });

  it('erase: a sector range, and the reason when the range is not on sectors', async () => {
    const ok = await runCli(['erase', '0x08002000', '1024', ...connect]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('erased sectors 8-8 of bank #0: 0x08002000..0x080023ff (1024 bytes)\n');
    const bad = await runCli(['erase', '0x08002000', '1000', ...connect]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not on a sector boundary');
    expect(bad.stderr).toContain('(--pad)');
    expect(bad.stderr).not.toContain('pad: true');
    const padded = await runCli(['erase', '0x08002100', '100', '--pad', ...connect]);
    expect(padded.stdout).toBe('erased sectors 8-8 of bank #0: 0x08002000..0x080023ff (1024 bytes), padded from 0x08002100, 100 bytes\n');
  });

  it('erase: a range outside flash fails before halting the target', async () => {
    expect((await runCli(['resume', ...connect])).code).toBe(0);
    const typo = await runCli(['erase', '0x09000000', '1024', ...connect]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('0x09000000 is not in any flash bank');
    expect(typo.stderr).not.toContain('halting');
    const none = await runCli(['erase', '--all', '--bank', '3', ...connect]);
    expect(none.stderr).toContain('flash bank 3 does not exist');
    expect(none.stderr).toContain('Flash banks: #0 stm32f1x 0x08000000..0x0800ffff');
    const state = await runCli(['repl', ...connect], { input: '[target current] curstate\n' });
    expect(state.stdout).toBe('running\n');
  });

  it('write to a flash address is refused with the commands that do change flash', async () => {
    const r = await runCli(['write', '0x08000010', '0x12345678', ...connect]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('0x08000010 is in flash (bank #0, stm32f1x 0x08000000..0x0800ffff): a memory write does not change flash');
    expect(r.stderr).toContain('bringup flash FILE --address ADDR');
  });

  it('flash: the image is read before connecting; --address with a .hex is a usage error', async () => {
    const port = await freePort(); // nobody listens: a connect would fail
    const missing = await runCli(['flash', path.join(tmp, 'nope.bin'), '--address', '0x08000000', '--connect', `127.0.0.1:${port}`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.bin: cannot read the image file (ENOENT)');
    expect(missing.stderr).not.toContain('ConnectionError');
    const hexFile = path.join(tmp, 'fw.hex');
    writeFileSync(hexFile, ':0400000001020304F2\n:00000001FF\n');
    const hex = await runCli(['flash', hexFile, '--address', '0x08000000', ...connect]);
    expect(hex.code).toBe(2);
    expect(hex.stderr).toContain('--address is only for raw binaries');
  });

  it('--vboard read of read-protected flash: the hint names read protection and the unlock that erases', async () => {
    const r = await runCli(['read', '0x08000000', '16', '--vboard', '--fault', 'read-protected']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Hint: The chip is read-protected .*`stm32f1x unlock 0` then `reset halt`.*mass-erases/);
    expect(r.stderr).not.toContain('memory map');
  });

  it('repl --vboard: shutdown says OpenOCD ended and exits 1', async () => {
    const r = await runCli(['repl', '--vboard'], { input: 'shutdown\nversion\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OpenOCD shut down');
    expect(r.stderr).not.toContain("'shutdown' failed");
    expect(r.stderr).not.toContain('state: failed');
    expect(r.stdout).toBe('');
  });

  it('repl: commands from stdin, replies on stdout, errors on stderr, exit ends it', async () => {
    const r = await runCli(['repl', ...connect], { input: 'version\nno_such_command\nexpr 6*7\nexit\nversion\n' });
    expect(r.code).toBe(1); // a script learns that a command failed
    expect((await runCli(['repl', ...connect], { input: 'expr 1+1\n' })).code).toBe(0);
    expect(r.stdout).toBe('Open On-Chip Debugger 0.12.0\n42\n');
    expect(r.stderr).toContain('invalid command name "no_such_command"');
  });

  it('svd: offline lists and field layout; with a target, a decoded register', async () => {
    const list = await runCli(['svd', SVD, 'GPIOC']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ODR +0x4001100c +\+0xc +32b +read-write +reset 0x00000000/m);
    const odr = await runCli(['svd', SVD, 'GPIOC.ODR']);
    expect(odr.stdout).toMatch(/^GPIOC\.ODR @ 0x4001100c {2}32 bits {2}read-write {2}reset 0x00000000$/m);
    expect(odr.stdout).toMatch(/^ {2}\[13\] +ODR13 +read-write +Port output data$/m);
    const typo = await runCli(['svd', SVD, 'GPIOC.ODX']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('Did you mean ODR');
    const live = await runCli(['svd', SVD, 'RCC.CR', ...connect]);
    expect(live.code).toBe(0);
    expect(live.stdout).toMatch(/^RCC\.CR @ 0x40021000 = 0x[0-9a-f]{8}/);
    expect(live.stdout).toMatch(/^ {2}\[0\] +HSION +1$/m);
  });

  it('--connect to a port nobody listens on: exit 1, ConnectionError and what to check', async () => {
    const port = await freePort();
    const r = await runCli(['info', '--connect', `127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`bringup info: ConnectionError: Cannot connect to OpenOCD at 127.0.0.1:${port}`);
    expect(r.stderr).toContain('Hint: Is OpenOCD running with its Tcl port');
  });

  it('bad usage: exit 2 with the reason and the usage line', async () => {
    const cases: Array<[string[], string]> = [
      [['read', '0x2000zz', '4', ...connect], "address '0x2000zz' is not a number"],
      [['read', '0x20000000', ...connect], 'missing LEN'],
      [['read', '0x20000000', '4'], 'choose the target with exactly one of: --interface CFG --target CFG, --board CFG, --vboard, --connect HOST:PORT'],
      [['read', '0', '4', '--vboard', ...connect], 'choose the target with exactly one of'],
      [['write', '0x20000000', '1', '--bogus', ...connect], "unknown option '--bogus'"],
      [['reset', 'sideways', ...connect], 'reset mode must be one of run, halt, init'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(`Usage: bringup ${args[0] as string} `);
    }
  });
});
