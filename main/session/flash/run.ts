// Running one flash command so that a failure becomes a FlashError carrying what
// OpenOCD said. The driver's reasons ("stm32x device protected", "stm32x device
// programming failed / flash not erased") go only to OpenOCD's log, never to the
// command result, so the command runs guarded (catch + capture, see ../guarded.ts).
import { mapOpenOcdError } from '../../openocd/error-map';
import { FlashError, JTAGError, OpenOCDError, TargetNotHaltedError, type ErrorDetails } from '../../openocd/errors';
import type { CommandRunner } from '../command-runner';
import { relabel } from '../failures';
import { failureText, runGuarded } from '../guarded';

// stm32f1x.c sets this on FLASH_SR.WRPRTERR: a page is write-protected (WRPR), or the
// whole chip is read-protected. `stm32f1x unlock` keeps the WRP bits, so name both fixes.
// Flash.program narrows this down with the option bytes (protection-hint.ts) when it can.
const WRITE_PROTECTED_HINT =
  'The flash is protected. `stm32f1x options_read 0` tells which: write-protected pages are cleared with `flash protect 0 0 last off` and a reset; ' +
  'read protection with `stm32f1x unlock 0` and a reset, which mass-erases the chip.';

export interface FlashCommandOptions {
  timeoutMs?: number;
  /** Used as the hint when OpenOCD's text matches no known failure. */
  hint?: string;
}

/** Runs `tcl`; returns its printed result, or throws FlashError "<context>: <OpenOCD's words>". */
export async function runFlashCommand(runner: CommandRunner, tcl: string, context: string, opts: FlashCommandOptions = {}): Promise<string> {
  let o;
  try {
    o = await runGuarded(runner, tcl, opts.timeoutMs === undefined ? undefined : { timeoutMs: opts.timeoutMs });
  } catch (e) {
    throw relabel(e, FlashError, context);
  }
  if (o.ok) return o.result;
  throw flashFailure(context, tcl, o.result, o.log, failureText(o), opts.hint);
}

/**
 * The error for a failed flash command. A not-halted target or a broken JTAG link keep
 * their own classes (the fix is to halt / rewire, not anything about flash); the rest
 * is a FlashError with the matching hint from the shared error table.
 */
export function flashFailure(context: string, command: string, result: string, log: string, text: string, fallbackHint?: string): OpenOCDError {
  const mapped = mapOpenOcdError({ command, message: result, logLines: log.split(/\r?\n/) });
  const details: ErrorDetails = { openocdText: text };
  const hint = /stm32x device protected/.test(text) ? WRITE_PROTECTED_HINT : (mapped.hint ?? fallbackHint);
  if (hint !== undefined) details.hint = hint;
  const message = `${context}: ${text}`;
  if (mapped instanceof TargetNotHaltedError) return new TargetNotHaltedError(message, details);
  if (mapped instanceof JTAGError) return new JTAGError(message, details);
  return new FlashError(message, details);
}

const READ_HINT =
  'Check that the target is powered and connected. If the chip is read-protected (stm32f1x options_read says "read protection: on"), ' +
  'flash cannot be read over the debugger; `stm32f1x unlock 0` removes the protection and mass-erases the chip.';

/** A failed flash read-back (read/verify) as a FlashError with a hint about read protection. */
export function flashReadError(e: unknown, context: string): unknown {
  const r = relabel(e, FlashError, context);
  if (r instanceof FlashError && r !== e && r.hint === undefined) {
    const details: ErrorDetails = { hint: READ_HINT, cause: e };
    if (r.openocdText !== undefined) details.openocdText = r.openocdText;
    return new FlashError(r.message, details);
  }
  return r;
}
