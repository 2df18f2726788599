// The words for a flash cut off half-way (issue 17): by a signal to the app or the
// CLI, by OpenOCD dying, or by the TCL link closing. Each case names the address the
// flash was being written at and says the one thing to do: flash again. The same
// sentence goes to the app, the CLI's stderr and the station record.
import { formatAddress } from '../../../shared/hex';
import { ConnectionError, FlashError, ProcessError, TimeoutError } from '../../openocd/errors';

/** The abort reason a host or CLI gives when it stops mid-flash (a signal), as opposed to a user's Cancel. */
export class FlashInterrupt {
  constructor(readonly why: string) {}
}

export function isFlashInterrupt(reason: unknown): reason is FlashInterrupt {
  return reason instanceof FlashInterrupt;
}

/** "the flash was interrupted at 0x08001000; the chip is partly programmed: flash again". */
export function interruptedSentence(at: number): string {
  return `the flash was interrupted at ${formatAddress(at)}; the chip is partly programmed: flash again`;
}

/** OpenOCD or its link went away under the flash (kill -9, a crash, a closed socket): the chip state is not the failure's fault. */
export function isLinkLoss(e: unknown): boolean {
  return e instanceof ConnectionError || e instanceof ProcessError || (e instanceof TimeoutError && /closed/i.test(e.message));
}

/** A link loss during erase/program (or verify), re-worded to say where the flash stopped and what to do. */
export function interruptedError(e: unknown, at: number, duringVerify = false): FlashError {
  const why = e instanceof Error ? e.message : String(e);
  if (duringVerify) {
    return new FlashError(`the flash was interrupted during verify; the image was written but not completely verified: flash again (${why})`, {
      hint: 'Connect again, then verify the image or program it again.',
      cause: e,
    });
  }
  return new FlashError(`${interruptedSentence(at)} (${why})`, {
    hint: 'Connect again and program the image again: the part written so far is incomplete and must not be run.',
    cause: e,
  });
}
