// The library's error classes (the openocd-python hierarchy, see
// ../shared/seeds/001_*.txt) plus ValidationError for bad input at the IPC edge.
// Each carries the OpenOCD text that caused it and, where we know one, a hint.
import type { ErrorKind, ErrorValue } from '../../shared/errors';

export interface ErrorDetails {
  hint?: string;
  openocdText?: string;
  cause?: unknown;
}

export class OpenOCDError extends Error {
  readonly kind: ErrorKind = 'OpenOCDError';
  readonly hint?: string;
  readonly openocdText?: string;
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.hint = details.hint;
    this.openocdText = details.openocdText;
  }
  toValue(): ErrorValue {
    const v: ErrorValue = { kind: this.kind, message: this.message };
    if (this.hint !== undefined) v.hint = this.hint;
    if (this.openocdText !== undefined) v.openocdText = this.openocdText;
    return v;
  }
}

export class ConnectionError extends OpenOCDError {
  override readonly kind: ErrorKind = 'ConnectionError';
}
export class TimeoutError extends OpenOCDError {
  override readonly kind: ErrorKind = 'TimeoutError';
}
export class TargetError extends OpenOCDError {
  override readonly kind: ErrorKind = 'TargetError';
}
export class TargetNotHaltedError extends TargetError {
  override readonly kind: ErrorKind = 'TargetNotHaltedError';
}
export class FlashError extends OpenOCDError {
  override readonly kind: ErrorKind = 'FlashError';
}
export class JTAGError extends OpenOCDError {
  override readonly kind: ErrorKind = 'JTAGError';
}
export class SVDError extends OpenOCDError {
  override readonly kind: ErrorKind = 'SVDError';
}
export class ProcessError extends OpenOCDError {
  override readonly kind: ErrorKind = 'ProcessError';
}
export class BreakpointError extends OpenOCDError {
  override readonly kind: ErrorKind = 'BreakpointError';
}
/** Bad input rejected before it reaches OpenOCD (schema validation, bad file, bad address). */
export class ValidationError extends OpenOCDError {
  override readonly kind: ErrorKind = 'ValidationError';
}

/** Any thrown value as an error value that can cross IPC; nothing is swallowed to null. */
export function toErrorValue(err: unknown): ErrorValue {
  if (err instanceof OpenOCDError) return err.toValue();
  if (err instanceof Error) return { kind: 'OpenOCDError', message: err.message };
  return { kind: 'OpenOCDError', message: String(err) };
}
