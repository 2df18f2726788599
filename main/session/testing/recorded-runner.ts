// For unit tests: a CommandRunner that answers from recorded OpenOCD 0.12 replies and
// remembers what was sent, so tests check both parsing and command construction.
import type { CommandOptions, CommandRunner } from '../command-runner';
import { guardedTcl } from '../guarded';

export type Answer = string | Error | ((tcl: string) => string);

/** The reply OpenOCD gives to guardedTcl(cmd): the Tcl list "rc result log". */
export function guardedReply(rc: number, result: string, log = ''): string {
  const brace = (s: string): string => (s === '' ? '{}' : /[\s{}"\\[\]$;]/.test(s) ? `{${s}}` : s);
  return `${rc} ${brace(result)} ${brace(log)}`;
}

export class RecordedRunner implements CommandRunner {
  readonly sent: Array<{ tcl: string; opts?: CommandOptions }> = [];
  private readonly answers: Array<{ match: string | RegExp; answer: Answer; guarded: boolean }> = [];

  /** Answers a plain command (exact text or a pattern). */
  on(match: string | RegExp, answer: Answer): this {
    this.answers.push({ match, answer, guarded: false });
    return this;
  }

  /** Answers a command sent through runGuarded (matched on the inner command). */
  onGuarded(match: string | RegExp, rc: number, result: string, log = ''): this {
    this.answers.push({ match, answer: guardedReply(rc, result, log), guarded: true });
    return this;
  }

  /** Answers a guarded command with a computed reply (build it with guardedReply). */
  onGuardedWith(match: string | RegExp, answer: (inner: string) => string): this {
    this.answers.push({ match, answer, guarded: true });
    return this;
  }

  /** Inner commands as the subsystem wrote them (guarded ones unwrapped). */
  get commands(): string[] {
    return this.sent.map((s) => unwrap(s.tcl));
  }

  async command(tcl: string, opts?: CommandOptions): Promise<string> {
    this.sent.push(opts ? { tcl, opts } : { tcl });
    const inner = unwrap(tcl);
    const guarded = inner !== tcl;
    for (const a of this.answers) {
      if (a.guarded !== guarded) continue;
      const hit = typeof a.match === 'string' ? a.match === inner : a.match.test(inner);
      if (!hit) continue;
      if (a.answer instanceof Error) throw a.answer;
      return typeof a.answer === 'function' ? a.answer(inner) : a.answer;
    }
    throw new Error(`no recorded reply for: ${inner}`);
  }
}

const PREFIX = guardedTcl('\u0000').split('\u0000')[0] as string;
const SUFFIX = guardedTcl('\u0000').split('\u0000')[1] as string;

function unwrap(tcl: string): string {
  return tcl.startsWith(PREFIX) && tcl.endsWith(SUFFIX) ? tcl.slice(PREFIX.length, tcl.length - SUFFIX.length) : tcl;
}
