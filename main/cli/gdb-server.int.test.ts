// `bringup gdb-server --vboard --elf FILE` as a user runs it (the bundled CLI): it prints
// the GDB command and a Cortex-Debug launch.json that parses and names the port OpenOCD
// really serves (gdb-multiarch connects to it and reads the firmware's variables), and
// Ctrl-C stops it with exit 0 (the global teardown fails the run on a leftover OpenOCD).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBlinky, type BuiltFirmware } from '../../test/firmware/build';
import { runGdb } from '../../test/firmware/gdb';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-gdb-server-'));
const cli = path.join(tmp, 'cli.js');
let fw: BuiltFirmware;

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error', external: ['electron'] });
  fw = buildBlinky('-Og', tmp);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it.runIf(process.platform !== 'win32')('prints a working target line and launch.json, serves GDB, and stops on Ctrl-C', async () => {
  const child = spawn(process.execPath, [cli, 'gdb-server', '--vboard', '--elf', fw.elf], {
    env: { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: path.join(tmp, 'ud') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => {
        if (out.includes('Press Ctrl-C to stop.')) resolve();
      });
      void exited.then(() => reject(new Error(`gdb-server exited early:\n${out}`)));
    });
    const port = Number(/^ {2}target extended-remote 127\.0\.0\.1:(\d+)$/m.exec(out)?.[1]);
    expect(port, out).toBeGreaterThan(0);
    const json = out.slice(out.indexOf('{\n'), out.indexOf('\n}\n') + 2);
    const launch = JSON.parse(json) as { configurations: Record<string, unknown>[] };
    expect(launch.configurations[0]).toMatchObject({
      type: 'cortex-debug',
      servertype: 'external',
      gdbTarget: `127.0.0.1:${port}`,
      executable: fw.elf,
      svdFile: path.join(ROOT, 'assets', 'svd', 'STM32F103.svd'),
    });
    // That port is really the session's OpenOCD: GDB loads the firmware and runs to main.
    const gdb = await runGdb(port, fw.elf, ['monitor reset halt', 'load', 'break main', 'continue', 'print/x blink_every', 'detach']);
    expect(gdb.code, gdb.out).toBe(0);
    expect(gdb.out).toMatch(/Breakpoint 1, main \(\)/);
    expect(gdb.out).toMatch(/\$1 = 0xa/);
    while (!out.includes('GDB detached')) await new Promise((r) => setTimeout(r, 20));
    expect(out).toMatch(/GDB attached[\s\S]*target halted[\s\S]*GDB detached/);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited, out).toBe(0);
});
