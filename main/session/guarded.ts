// Running an OpenOCD command so its failure cannot go unnoticed.
//
// Over TCL RPC, OpenOCD 0.12 answers a failed C command with its (often empty) printed
// output, while the real reason ("Failure setting watchpoints", "timed out while waiting
// for target halted") goes only to the log (src/helper/command.c run_command). So the
// command runs inside `catch` (which gives the return code) and `capture` (which collects
// the log lines it printed), and the reply carries all three: rc, result, log.
import type { CommandOptions, CommandRunner } from './command-runner';
import { parseTclList } from './tcl-list';
import { OpenOCDError } from '../openocd/errors';

export interface Outcome {
  ok: boolean;
  /** OpenOCD's return code (0 ok, negative OpenOCD ERROR_*, 1 Tcl error). */
  rc: number;
  /** The command's Tcl result (its printed output, or the Jim error message). */
  result: string;
  /** Log lines the command printed (errors, warnings, info), without "Error:" prefixes. */
  log: string;
}

/** The Tcl text that wraps `tcl`; exported for the command-construction tests. */
export function guardedTcl(tcl: string): string {
  return `set __bw_log [capture {set __bw_rc [catch {${tcl}} __bw_m]; list}]; list $__bw_rc $__bw_m $__bw_log`;
}

export function parseOutcome(reply: string): Outcome {
  const parts = parseTclList(reply);
  const rc = Number(parts[0]);
  if (parts.length !== 3 || !Number.isInteger(rc)) {
    throw new OpenOCDError(`unexpected reply to a guarded command: ${reply.slice(0, 300)}`, { openocdText: reply });
  }
  return { ok: rc === 0, rc, result: parts[1] as string, log: parts[2] as string };
}

export async function runGuarded(runner: CommandRunner, tcl: string, opts?: CommandOptions): Promise<Outcome> {
  return parseOutcome(await runner.command(guardedTcl(tcl), opts));
}

/** Everything OpenOCD said about a failed command, for the error's message and openocdText. */
export function failureText(o: Outcome): string {
  const parts = [o.log.trim(), o.result.trim()].filter((s) => s !== '');
  // The Jim error message often repeats the log line; don't show it twice.
  const unique = parts.filter((p, i) => parts.indexOf(p) === i && !(i > 0 && (parts[0] as string).includes(p)));
  return unique.join('\n') || `command failed with OpenOCD error code ${o.rc}`;
}
