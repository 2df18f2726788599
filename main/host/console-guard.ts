// Console commands the workbench refuses, with the reason (issue 17): `shutdown` typed
// in the console used to end OpenOCD and then report "'shutdown' failed" (the reply
// never came), leaving the session dead without a word. Disconnect stops it cleanly.
import { ValidationError } from '../openocd/errors';

/** `shutdown`, `shutdown error`, also as the first word of a `;`-joined line. */
const SHUTDOWN = /(^|[;\n[]\s*)shutdown(\s|$|;|\])/;

export function refuseShutdown(tcl: string): void {
  if (!SHUTDOWN.test(tcl)) return;
  throw new ValidationError('`shutdown` is not run from the console: it would end OpenOCD under the workbench and drop the connection', {
    hint: 'Press Disconnect to stop OpenOCD (it ends it cleanly and the board stays as it is).',
  });
}
