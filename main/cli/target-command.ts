// The frame every target command runs in: parse (bad usage -> exit 2 with the usage
// line), open the session the target options chose, run, report a failure (exit 1),
// and always close the session: in finally, and on SIGINT/SIGTERM/SIGHUP, so no
// OpenOCD we started outlives the command.
import { ConnectionError, OpenOCDError } from '../openocd/errors';
import { Session, type SessionStartOptions } from '../session/session';
import { FlashInterrupt } from '../session/flash/interrupted';
import { parseArgs, type OptionSpec, type ParsedArgs } from './args';
import { UsageError, type CliCommand } from './command';
import { printError, withHint } from './output';
import { TARGET_CHOICES, TARGET_OPTIONS, TARGET_USAGE, targetChoice, type TargetChoice } from './target-options';

export interface TargetContext<A> {
  args: A;
  /** Undefined only for commands whose target is optional (svd) when none was chosen. */
  session: Session | undefined;
  /** Aborted on the first SIGINT/SIGTERM/SIGHUP. */
  signal: AbortSignal;
}

export interface TargetCommandDef<A> {
  name: string;
  /** The command's own arguments; the target options are appended for --help. */
  usage: string;
  summary: string;
  options: OptionSpec;
  /** 'optional': runs without a session when no target option is given. */
  target: 'required' | 'optional';
  /**
   * The command ends itself cleanly when the signal aborts (flash: a cancelled result);
   * otherwise an interrupt ends the command at once with exit 1.
   */
  cancellable?: boolean;
  parse(p: ParsedArgs): A;
  /** Work that can fail without a target (loading a file), done before OpenOCD starts. */
  prepare?(args: A): Promise<void>;
  /** How the OpenOCD we start is started (gdb-server: with its gdb port open). */
  startOptions?(args: A): SessionStartOptions;
  run(ctx: TargetContext<A>): Promise<number>;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function defineTargetCommand<A>(def: TargetCommandDef<A>): CliCommand {
  const usage = `${def.usage} ${def.target === 'optional' ? '[TARGET]' : 'TARGET'}`;
  const fullUsage = `Usage: bringup ${usage}\n  TARGET: ${TARGET_USAGE}\n          [--speed KHZ] [--transport T] [--reset-config "..."] [-c CMD]... [--openocd PATH] [--fault NAME]...`;
  return {
    name: def.name,
    usage,
    summary: def.summary,
    help: `${def.summary}\n${fullUsage}`,
    async run(argv) {
      if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(`${def.summary}\n${fullUsage}\n`);
        return 0;
      }
      let args: A;
      let choice: TargetChoice | undefined;
      try {
        const p = parseArgs(argv, { ...TARGET_OPTIONS, ...def.options });
        // The command's own arguments first: "missing ADDR LEN" says more than "choose a target".
        args = def.parse(p);
        choice = targetChoice(p);
        if (!choice && def.target === 'required') throw new UsageError(TARGET_CHOICES);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`bringup ${def.name}: ${err.message}\n${fullUsage}\n`);
        return 2;
      }
      return runWithSession(def, args, choice, fullUsage);
    },
  };
}

async function runWithSession<A>(def: TargetCommandDef<A>, args: A, choice: TargetChoice | undefined, fullUsage: string): Promise<number> {
  const abort = new AbortController();
  let session: Session | undefined;
  let interrupted: (() => void) | undefined;
  const interruptedP = new Promise<number>((resolve) => (interrupted = () => resolve(1)));
  const onSignal = (sig: NodeJS.Signals): void => {
    if (abort.signal.aborted) {
      // A second interrupt: stop waiting for a clean end.
      void session?.close().finally(() => process.exit(1));
      return;
    }
    process.stderr.write(`\nbringup ${def.name}: ${sig}, ${def.cancellable ? 'cancelling' : 'stopping'}…\n`);
    // The reason tells a flash it was cut off by a signal: its result says where it stopped.
    abort.abort(new FlashInterrupt(sig));
    interrupted?.();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    try {
      await def.prepare?.(args);
    } catch (err) {
      // A usage mistake only visible in the file (an address for a .hex): exit 2 like the others.
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`bringup ${def.name}: ${err.message}\n${fullUsage}\n`);
      return 2;
    }
    if (choice) {
      const opening = openSession(choice, def.startOptions?.(args)).catch(async (err: unknown) => {
        throw await explainOpenFailure(choice, err);
      });
      // Interrupted while OpenOCD starts: let the start finish, then close it (finally).
      const first = await Promise.race([opening, interruptedP]);
      if (typeof first === 'number') {
        session = await opening.catch(() => undefined);
        return 1;
      }
      session = first;
    }
    const work = def.run({ args, session, signal: abort.signal });
    if (def.cancellable) return await work;
    work.catch(() => undefined); // an interrupt closes the session under it; that rejection is expected
    return await Promise.race([work, interruptedP]);
  } catch (err) {
    if (abort.signal.aborted && !def.cancellable) return 1;
    printError(def.name, err);
    return 1;
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
    await session?.close().catch(() => undefined);
  }
}

/**
 * A failed start or connect, with what to try: OpenOCD's own lines run through the
 * troubleshooter (the most likely cause and its first steps), or where to look for
 * an OpenOCD someone else should have started.
 */
export async function explainOpenFailure(choice: TargetChoice, err: unknown): Promise<unknown> {
  if (!(err instanceof OpenOCDError) || err.hint) return err;
  let hint: string | undefined;
  if (choice.kind === 'connect' && err instanceof ConnectionError) {
    hint = `Is OpenOCD running with its Tcl port on ${choice.host}:${choice.port}? (OpenOCD's tcl_port, 6666 unless set; not the telnet or gdb port)`;
  } else if (err.openocdText) {
    // The diagnosis tables load only for a failed start: a command that connects never pays for them.
    const { diagnose } = await import('../diagnose/engine');
    const [top] = diagnose({ log: err.openocdText, profile: choice.kind === 'start' ? choice.profile : undefined });
    if (top) hint = `likely cause: ${top.title}.\n${top.steps.slice(0, 3).map((st, i) => `  ${i + 1}) ${st.text}`).join('\n')}`;
  }
  return hint === undefined ? err : withHint(err, hint);
}

/**
 * A command's OpenOCD talks tcl over its stdin/stdout unless the command asks otherwise
 * (gdb-server opens the gdb port): one connection is all a command needs, there is then no
 * port for another user to reach and no relay to start, and OpenOCD ends with the pipe.
 */
export function openSession(choice: TargetChoice, opts: SessionStartOptions = {}): Promise<Session> {
  if (choice.kind === 'connect') return Session.connect({ host: choice.host, port: choice.port });
  const start: SessionStartOptions = { tclPipe: true, ...opts };
  return Session.start(choice.profile, choice.openocdPath === undefined ? start : { ...start, openocdPath: choice.openocdPath });
}
