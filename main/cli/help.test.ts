// `bringup CMD --help` and `bringup CMD -h` print that command's usage and exit 0, for
// every registered command (the dispatcher handles it, so a new command gets it for free).
// Runs the built CLI as users do: `npm run build` makes dist/cli.js (npm test builds first).
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { commands } from './registry';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const run = promisify(execFile);

let list = '';

describe('bringup CMD --help', () => {
  beforeAll(async () => {
    list = (await run(process.execPath, [CLI, '--help'])).stdout;
  });

  it('the CLI is built', () => {
    expect(existsSync(CLI), `${CLI} is missing: run 'npm run build' first`).toBe(true);
  });

  it.concurrent.each(commands.flatMap((c) => [[c.name, '--help'], [c.name, '-h']] as const))('bringup %s %s prints its usage and exits 0', async (name, flag) => {
    // execFile rejects on a non-zero exit: the exit code is part of what is checked.
    const { stdout, stderr } = await run(process.execPath, [CLI, name, flag], { timeout: 20_000 });
    const usage = /^Usage: bringup (.*)$/m.exec(stdout)?.[1];
    expect(usage, stdout).toMatch(new RegExp(`^${name}\\b`));
    // The same usage the command list shows for it (its own help may say more than the list's summary).
    const listed = list.split('\n').find((l) => l.startsWith(`  ${name} `) || l === `  ${name}`);
    const words = (t: string): string => t.trim().replace(/\s+/g, ' ');
    expect(words(listed ?? '').startsWith(words(usage ?? '-')), `'bringup --help' lists ${name} as: ${listed}`).toBe(true);
    expect(stderr).toBe('');
  });

  it('an unknown option still is bad usage (exit 2), not help', async () => {
    await expect(run(process.execPath, [CLI, 'diagnose', '--no-such-option'])).rejects.toMatchObject({ code: 2 });
  });
});
