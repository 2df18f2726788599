// Suite-wide orphan check, shared by the vitest and Playwright global setup/teardown.
// Setup marks this run: an environment variable every process started by the run
// inherits (test workers -> serve/Electron/the CLI -> OpenOCD). Teardown lists the
// `openocd` processes still alive that carry this run's mark (Linux: /proc/<pid>/environ),
// so OpenOCD processes of other runs on the same machine are never counted. Where there
// is no /proc, a pid snapshot from before the run stands in (less precise: anything new).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export const RUN_MARK_VAR = 'BRINGUP_TEST_RUN';
const BEFORE_VAR = 'BRINGUP_TEST_RUN_BEFORE';

function hasProc(): boolean {
  try {
    readdirSync('/proc/self');
    return true;
  } catch {
    return false;
  }
}

function allOpenOcdPids(): number[] {
  if (hasProc()) {
    const out: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'openocd') continue;
        // Zombies have ended; only their parent has not collected the exit code yet.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (/\) Z /.test(stat)) continue;
        out.push(Number(entry));
      } catch {
        // gone meanwhile, or not ours to read
      }
    }
    return out;
  }
  try {
    return execFileSync('pgrep', ['-x', 'openocd'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function carriesMark(pid: number, mark: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${RUN_MARK_VAR}=${mark}`);
  } catch {
    return false;
  }
}

export interface RunMark {
  mark: string;
  before: number[];
}

/** Marks this run (in process.env, so everything started from now inherits it). */
export function markRun(): RunMark {
  const mark = randomBytes(8).toString('hex');
  const before = allOpenOcdPids();
  process.env[RUN_MARK_VAR] = mark;
  process.env[BEFORE_VAR] = before.join(',');
  return { mark, before };
}

/** The run marked earlier in this process (Playwright runs setup and teardown as separate modules). */
export function currentRun(): RunMark | undefined {
  const mark = process.env[RUN_MARK_VAR];
  if (!mark) return undefined;
  return { mark, before: (process.env[BEFORE_VAR] ?? '').split(',').filter(Boolean).map(Number) };
}

/** OpenOCD processes this run started that are still alive. */
export function leftoverOpenOcd(run: RunMark): number[] {
  const before = new Set(run.before);
  return allOpenOcdPids().filter((pid) => (hasProc() ? carriesMark(pid, run.mark) : !before.has(pid)));
}

/**
 * Throws, naming them, if OpenOCD processes of this run are still alive once `graceMs`
 * has passed (a stop in flight may still be finishing); they are killed first, so a
 * failed check leaves nothing behind either.
 */
export async function assertNoLeftoverOpenOcd(run: RunMark, graceMs = 3000): Promise<void> {
  const deadline = Date.now() + graceMs;
  let left = leftoverOpenOcd(run);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = leftoverOpenOcd(run);
  }
  if (left.length === 0) return;
  const described = left.map((pid) => {
    try {
      return `${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()}`;
    } catch {
      return String(pid);
    }
  });
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  throw new Error(`OpenOCD processes started by this test run were still running at the end (now killed):\n${described.join('\n')}`);
}
