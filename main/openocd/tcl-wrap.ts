// Reliable error detection over OpenOCD's tcl server.
//
// tcl_server.c sends back Jim_GetResult() whether the command succeeded or
// failed, so "invalid command name" and a register value look alike. We run
// each command through a small proc that returns the result with a status:
//
//   proc ::__bw {c} {if {[catch {uplevel #0 $c} m]} {return "$m\x00E"} elseif {$m ne ""} {return "$m\x00O"}}
//   ::__bw "<cmd>"
//
// - The command text is escaped for a Tcl double-quoted word (every special
//   character backslashed, newlines as \n), so any text survives: braces,
//   brackets, $, quotes, newlines, unbalanced braces.
// - `uplevel #0` runs it in the global scope, exactly as the raw command.
// - The status is a suffix behind a NUL byte: command_run_line() also prints the
//   result to OpenOCD's log with "%s", which stops at the NUL, so the user's
//   console shows the same text as for an unwrapped command.
// - A successful command with an empty result returns "" (nothing is logged,
//   as for the raw command).
// - catch codes other than 0 (error, and also return/break/continue) count as
//   errors: a console command that ends in `return` is rare and never ours.
// - A proc rather than an inline `if {[catch {eval ...}]}`: Jim keeps the proc
//   body parsed, where an inline wrapper is parsed again for every command;
//   that difference was measurable (bench/rpc-latency.ts). The client sends the
//   definition in front of its first command and again if the proc went missing.
import { ValidationError } from './errors';

/** tcl_server.c drops lines over TCL_LINE_MAX (4 MB) and answers "line too long". */
export const TCL_LINE_MAX = 4 * 1024 * 1024;

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '[': '\\[',
  ']': '\\]',
  $: '\\$',
  '{': '\\{',
  '}': '\\}',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const SPECIAL = /[\\"[\]${}\n\r\t]/g;

/** The text as the body of a Tcl double-quoted word that evaluates back to exactly the text. */
export function tclQuote(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c] ?? c);
}

export function validateCommand(tcl: string): void {
  // 0x1a ends a command on the wire; NUL ends the C string OpenOCD evaluates.
  if (tcl.includes('\x1a')) throw new ValidationError('A TCL command cannot contain the 0x1a character (it ends a command on the wire)');
  if (tcl.includes('\0')) throw new ValidationError('A TCL command cannot contain a NUL character');
}

export const WRAPPER_PROC = '::__bw';
/**
 * The quiet variant puts a NUL in FRONT of a successful result too, so OpenOCD's log
 * line for it is empty (the host drops empty lines): the app's own queries (connect-time
 * facts, panel reads of 64 KiB) stay out of the user's console. Failures still show.
 */
export const QUIET_WRAPPER_PROC = '::__bwq';
export const WRAPPER_PROC_DEF =
  `proc ${WRAPPER_PROC} {c} {if {[catch {uplevel #0 $c} m]} {return "$m\\x00E"} elseif {$m ne ""} {return "$m\\x00O"}}; ` +
  `proc ${QUIET_WRAPPER_PROC} {c} {if {[catch {uplevel #0 $c} m]} {return "$m\\x00E"} elseif {$m ne ""} {return "\\x00$m\\x00O"}}`;

/** The wire text for `tcl`; with `define`, the proc definitions go in front (first command of a connection). */
export function wrapCommand(tcl: string, define = false, quiet = false): string {
  validateCommand(tcl);
  const call = `${quiet ? QUIET_WRAPPER_PROC : WRAPPER_PROC} "${tclQuote(tcl)}"`;
  return define ? `${WRAPPER_PROC_DEF}; ${call}` : call;
}

/** The reply OpenOCD gives when a wrapper proc is missing (e.g. someone renamed it). */
export function isMissingWrapper(reply: WrappedReply): boolean {
  return reply.ok === 'unknown' && (reply.text === `invalid command name "${WRAPPER_PROC}"` || reply.text === `invalid command name "${QUIET_WRAPPER_PROC}"`);
}

export type WrappedReply = { ok: true; text: string } | { ok: false; text: string } | { ok: 'unknown'; text: string };

/** Splits a reply to wrapCommand() into status and text (UTF-8 decoded once, on the whole reply). */
const EMPTY_OK: WrappedReply = Object.freeze({ ok: true, text: '' }) as WrappedReply;

export function parseWrappedReply(reply: Buffer): WrappedReply {
  const n = reply.length;
  if (n === 0) return EMPTY_OK;
  if (n >= 2 && reply[n - 2] === 0) {
    const status = reply[n - 1];
    // A quiet reply's leading NUL (see QUIET_WRAPPER_PROC) is not part of the result.
    const text = reply.toString('utf8', reply[0] === 0 ? 1 : 0, n - 2);
    if (status === 0x4f /* O */) return { ok: true, text };
    if (status === 0x45 /* E */) return { ok: false, text };
  }
  // Not our wrapper's shape: e.g. "line too long\n\0" from tcl_server.c.
  return { ok: 'unknown', text: reply.toString('utf8').replace(/\0+$/, '') };
}
