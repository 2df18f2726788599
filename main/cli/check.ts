// `bringup check TARGET`: the first power-on check of a board, step by step (probe,
// voltage, debug port, device, core, RAM, flash, reset, protection), a line per step,
// the report saved as JSON + HTML. Exit 0 only when no step failed.
import { CHECK_STEPS, type BoardCheckReport, type CheckProgress, type CheckStepResult } from '../../shared/check';
import { saveReport, saveToUserData } from '../check/report-store';
import { runCheck, validateStepNames } from '../check/run';
import { defaultUserDataDir } from '../profiles/user-data';
import type { Session } from '../session/session';
import { optionValue, parseAddress, parseArgs, parseNumber } from './args';
import { UsageError, type CliCommand } from './command';
import { openSession } from './target-command';
import { TARGET_CHOICES, TARGET_OPTIONS, TARGET_USAGE, targetChoice } from './target-options';

const OPTIONS = {
  '--report': 'value',
  '--json': 'flag',
  '--skip': 'list',
  '--from': 'value',
  '--flash-range': 'value',
  '--leave-erased': 'flag',
  '--expect-devid': 'value',
} as const;

const USAGE = `check ${TARGET_USAGE} [--report FILE] [--json] [--skip STEP]... [--from STEP] [--flash-range ADDR:LEN] [--leave-erased] [--expect-devid ID]`;
const HELP = `First power-on check of a board: each step passes, warns or fails with the values it read.
Usage: bringup ${USAGE}
  Steps, in order: ${CHECK_STEPS.join(', ')}
  --report FILE      also write FILE.json and FILE.html (a copy always goes to the user-data folder's check-reports/)
  --json             print the report as JSON instead of lines
  --skip STEP        do not run STEP (repeatable)
  --from STEP        retry from STEP (earlier steps only read what later ones need)
  --flash-range A:L  the flash test range (default: the last page); restored after the test
  --leave-erased     leave the flash test range erased instead of restoring it
  --expect-devid ID  the DBGMCU DEV_ID the board must have (default 0x410 for --vboard)
  e.g. bringup check --vboard --fault sram-stuck-bit:0x20000100:3
Exit: 0 no step failed, 1 a step failed, 2 bad usage.`;

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' } as const;

function stepLine(r: CheckStepResult, i: number): string {
  const lines = [`${MARK[r.status]}  ${i + 1}. ${r.title}: ${r.summary} (${(r.durationMs / 1000).toFixed(2)} s)`];
  if (r.status === 'fail') {
    for (const e of r.evidence) lines.push(`        ${e.label}: ${e.value}`);
    if (r.finding) {
      lines.push(`        likely cause: ${r.finding.title}`);
      r.finding.steps.slice(0, 3).forEach((s, k) => lines.push(`          ${k + 1}) ${s}`));
    }
  }
  return lines.join('\n');
}

function parseRange(text: string): { address: number; length: number } {
  const [a, l, ...rest] = text.split(':');
  if (a === undefined || l === undefined || rest.length) throw new UsageError(`--flash-range takes ADDR:LEN (e.g. 0x0800fc00:1024), got '${text}'`);
  return { address: parseAddress(a, '--flash-range address'), length: parseNumber(l, '--flash-range length', { min: 1 }) };
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: USAGE,
  summary: 'First power-on check of a new board, step by step, with a saved report',
  help: HELP,
  async run(argv) {
    let parsed;
    try {
      const p = parseArgs(argv, { ...TARGET_OPTIONS, ...OPTIONS });
      if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
      const choice = targetChoice(p);
      if (!choice) throw new UsageError(TARGET_CHOICES);
      if (choice.kind === 'connect') throw new UsageError('check starts its own OpenOCD (it resets the board and tests flash): use --interface/--target, --board or --vboard');
      const skip = p.values.get('--skip') ?? [];
      const from = optionValue(p, '--from');
      const bad = validateStepNames([...skip, ...(from ? [from] : [])]);
      if (bad) throw new UsageError(bad);
      const range = optionValue(p, '--flash-range');
      const devid = optionValue(p, '--expect-devid');
      parsed = {
        choice,
        skip,
        from,
        json: p.flags.has('--json'),
        report: optionValue(p, '--report'),
        leaveErased: p.flags.has('--leave-erased'),
        ...(range ? { flashRange: parseRange(range) } : {}),
        ...(devid ? { expectedDevId: parseNumber(devid, '--expect-devid', { max: 0xfff }) } : {}),
      };
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`bringup check: ${err.message}\nUsage: bringup ${USAGE}\n`);
      return 2;
    }
    const abort = new AbortController();
    let session: Session | undefined;
    const onSignal = (): void => {
      if (abort.signal.aborted) process.exit(1);
      process.stderr.write('\nbringup check: interrupted, stopping after the current operation…\n');
      abort.abort();
    };
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
    let report: BoardCheckReport;
    let index = 0;
    try {
      report = await runCheck({
        profile: parsed.choice.profile,
        open: async () => (session = await openSession(parsed.choice)),
        skip: parsed.skip,
        ...(parsed.from ? { from: parsed.from } : {}),
        ...(parsed.flashRange ? { flashRange: parsed.flashRange } : {}),
        ...(parsed.expectedDevId !== undefined ? { expectedDevId: parsed.expectedDevId } : {}),
        leaveErased: parsed.leaveErased,
        signal: abort.signal,
        appVersion: '0.1.0',
        onProgress: (p: CheckProgress) => {
          if (parsed.json) return;
          if (p.type === 'step-done') process.stdout.write(stepLine(p.result, index++) + '\n');
          else if (p.type === 'step-progress' && process.stderr.isTTY) process.stderr.write(`\r  ${p.text}${p.fraction !== undefined ? ` ${Math.round(p.fraction * 100)} %` : ''}\x1b[K\r`);
        },
      });
    } finally {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(s, onSignal);
      await (session as Session | undefined)?.close().catch(() => undefined);
    }
    const saved = await saveToUserData(report, defaultUserDataDir()).catch((e: Error) => {
      process.stderr.write(`bringup check: could not save the report in the user-data folder: ${e.message}\n`);
      return undefined;
    });
    const own = parsed.report ? await saveReport(report, parsed.report) : undefined;
    if (parsed.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      process.stdout.write(`\nResult: ${report.result.toUpperCase()}${report.boardUid ? `  board UID ${report.boardUid}` : ''}\n`);
      const where = own ?? saved;
      if (where) process.stdout.write(`Report: ${where.html}\n        ${where.json}\n`);
    }
    if (abort.signal.aborted) return 1;
    return report.result === 'fail' ? 1 : 0;
  },
};
