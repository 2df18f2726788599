// The error kinds that cross the IPC boundary as values. They mirror the library's
// error classes (main/openocd/errors.ts) so the renderer can branch on them.
export const ERROR_KINDS = [
  'OpenOCDError',
  'ConnectionError',
  'TimeoutError',
  'TargetError',
  'TargetNotHaltedError',
  'FlashError',
  'JTAGError',
  'SVDError',
  'ProcessError',
  'BreakpointError',
  'ValidationError',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorValue {
  kind: ErrorKind;
  message: string;
  /** What the user can do about it, in plain words. */
  hint?: string;
  /** The OpenOCD output that caused the error, verbatim. */
  openocdText?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };
