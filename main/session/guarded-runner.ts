// A CommandRunner for an OpenOCD we only reach over its Tcl port (Session.connect).
//
// Over TCL RPC a failed command's reason goes to OpenOCD's log, which such a session
// never sees: `adapter speed 99999999` fails as "'adapter speed' failed". The session
// started through the controller reads the log instead; here every plain command runs
// guarded (catch + capture, ./guarded.ts), so the error carries OpenOCD's own words.
// Commands a subsystem already guards pass through unchanged (no double wrapping).
import { mapOpenOcdError } from '../openocd/error-map';
import { OpenOCDError } from '../openocd/errors';
import type { CommandOptions, CommandRunner } from './command-runner';
import { failureText, guardedTcl, runGuarded } from './guarded';

const GUARD_PREFIX = guardedTcl('\u0000').split('\u0000')[0] as string;

export function isGuarded(tcl: string): boolean {
  return tcl.startsWith(GUARD_PREFIX);
}

export class GuardedRunner implements CommandRunner {
  constructor(private readonly inner: CommandRunner) {}

  async command(tcl: string, opts?: CommandOptions): Promise<string> {
    if (isGuarded(tcl)) return this.inner.command(tcl, opts);
    const o = await runGuarded(this.inner, tcl, opts);
    if (o.ok) return o.result;
    const logLines = o.log.split(/\r?\n/).filter((l) => l.trim() !== '');
    const mapped = mapOpenOcdError({ command: tcl, message: o.result, logLines });
    // A class from the error table means it recognised a line: keep its message. Else
    // the message is the Tcl result (often empty or the command's usual output) or the
    // bare "'cmd' failed": say what OpenOCD logged instead.
    if (mapped.constructor !== OpenOCDError || logLines.length === 0) throw mapped;
    const details: ConstructorParameters<typeof OpenOCDError>[1] = { openocdText: failureText(o) };
    if (mapped.hint !== undefined) details.hint = mapped.hint;
    throw new OpenOCDError(logLines.map((l) => l.trim()).join('; '), details);
  }
}
