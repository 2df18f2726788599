// Turning a failed command into the library's typed error, keeping OpenOCD's words.
import {
  ConnectionError,
  OpenOCDError,
  ProcessError,
  TargetNotHaltedError,
  TimeoutError,
  ValidationError,
  type ErrorDetails,
} from '../openocd/errors';
import { failureText, type Outcome } from './guarded';

export type ErrorClass = new (message: string, details?: ErrorDetails) => OpenOCDError;

/** OpenOCD's phrasings for "the core is running" (target.c, cortex_m.c, armv7m.c). */
const NOT_HALTED = /\bnot halted\b/i;

export function mentionsNotHalted(text: string): boolean {
  return NOT_HALTED.test(text);
}

/** Throws `Cls` for a failed guarded command: "<context>: <what OpenOCD said>". */
export function throwFailure(Cls: ErrorClass, context: string, o: Outcome, hint?: string): never {
  const text = failureText(o);
  const details: ErrorDetails = { openocdText: text };
  if (hint !== undefined) details.hint = hint;
  throw new Cls(`${context}: ${text}`, details);
}

/**
 * A rejection from the runner, re-labelled with the subsystem's class. Connection,
 * timeout, process, validation and not-halted errors keep their class: the user acts on
 * them differently (reconnect, wait, halt) whatever subsystem hit them.
 */
export function relabel(err: unknown, Cls: ErrorClass, context: string): unknown {
  if (
    err instanceof ConnectionError ||
    err instanceof TimeoutError ||
    err instanceof ProcessError ||
    err instanceof ValidationError ||
    err instanceof TargetNotHaltedError ||
    err instanceof Cls
  ) {
    return err;
  }
  if (err instanceof OpenOCDError) {
    const details: ErrorDetails = { cause: err };
    if (err.openocdText !== undefined) details.openocdText = err.openocdText;
    if (err.hint !== undefined) details.hint = err.hint;
    return new Cls(`${context}: ${err.message}`, details);
  }
  return err;
}
