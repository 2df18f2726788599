// The CLI as `npm run build` ships it (dist/cli.js + its chunks in dist/cli/, each command
// loaded when it runs): commands still give their output and exit codes, and a command
// reached through a lazily loaded chunk still finds the assets, OpenOCD and the board.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the built, split CLI', () => {
  it('is built with its command chunks and listing', () => {
    expect(existsSync(CLI), 'run npm run build first').toBe(true);
    expect(existsSync(path.join(ROOT, 'dist', 'cli', 'main.mjs'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist', 'cli', 'commands.json'))).toBe(true);
  });

  it('--version, an unknown command and a usage error keep their output and exit codes', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: 'bringup 0.1.0\n' });
    const unknown = await run(['nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'nosuch'");
    const usage = await run(['read', '0x20000000']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing LEN');
  });

  it('info and read against the virtual board', async () => {
    const info = await run(['info', '--vboard']);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/stm32f1x\.cpu +0x3ba00477/);
    const read = await run(['read', '0x1ffff7e0', '4', '--vboard']);
    expect(read.code).toBe(0);
    // The flash size register: 64 KiB.
    expect(read.stdout).toMatch(/^1ffff7e0 {2}40 00 /);
  });

  it('a failed read still exits 1 with OpenOCD\'s text and the hint', async () => {
    const r = await run(['read', '0x60000000', '4', '--vboard']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('memory read at 0x60000000 (4 bytes) failed');
    expect(r.stderr).toContain('Hint:');
  });
});
