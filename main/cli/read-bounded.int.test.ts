// `bringup read` for big ranges, as a user runs it (the bundled CLI as a child process,
// --vboard: real OpenOCD and the virtual board): a 1 MiB read to a file equals the
// board's memory; over 64 KiB without -o is refused; a range running off the end of
// flash writes the flash it read and says so; "08000000" is refused as ambiguous.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bringup-read-'));
const cli = path.join(tmp, 'cli.js');
const env = { ...process.env, BRINGUP_ASSETS: path.join(ROOT, 'assets'), BRINGUP_USER_DATA: path.join(tmp, 'ud') };
const MIB = 1024 * 1024;
// The last 1 MiB of the peripheral bit-band alias: bit k of the 32 KiB at 0x4001c000 as word k.
const ALIAS = '0x42380000';
const PERIPH = '0x4001c000';

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'main', 'cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error', external: ['electron'] });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bringup read, big ranges', () => {
  it('refuses "08000000" as ambiguous and says how to write hex', async () => {
    const r = await runCli(['read', '08000000', '16', '--vboard']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("address '08000000' is ambiguous: write 0x08000000 for hex, or 8000000 for decimal");
  });

  it('refuses more than 64 KiB to standard output and asks for -o FILE', async () => {
    const r = await runCli(['read', ALIAS, String(MIB), '--vboard']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1048576 bytes is over the 65536-byte limit for standard output: give -o FILE');
    expect(r.stdout).toBe('');
  });

  it('reads 1 MiB to a file, equal to the board memory', async () => {
    const big = path.join(tmp, 'alias.bin');
    const r = await runCli(['read', ALIAS, String(MIB), '--format', 'bin', '-o', big, '--vboard']);
    expect(r.stderr).toContain(`1048576 bytes from ${ALIAS} written to ${big}`);
    expect(r.code).toBe(0);
    const src = path.join(tmp, 'periph.bin');
    expect((await runCli(['read', PERIPH, String(MIB / 32), '--format', 'bin', '-o', src, '--vboard'])).code).toBe(0);
    const periph = readFileSync(src);
    const expected = Buffer.alloc(MIB);
    for (let k = 0; k < MIB / 4; k++) expected[k * 4] = ((periph[k >> 3] as number) >> (k & 7)) & 1;
    const got = readFileSync(big);
    expect(got.length).toBe(MIB);
    expect(got.equals(expected)).toBe(true);
  });

  it('a range running off the end of flash writes the 64 KiB it read, says so, and exits 1', async () => {
    const out = path.join(tmp, 'flash.bin');
    const r = await runCli(['read', '0x08000000', String(MIB), '--format', 'bin', '-o', out, '--vboard']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the first 65536 of 1048576 bytes (0x08000000 up to 0x08010000) written to ${out}`);
    expect(r.stderr).toContain('memory read at 0x08010000');
    expect(statSync(out).size).toBe(64 * 1024);
  });
});
