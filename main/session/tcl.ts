// Building Tcl command text safely: every user-supplied word goes through tclWord so a
// name with spaces or brackets can never run as a second command.
import { formatAddress } from '../../shared/hex';
import { ValidationError } from '../openocd/errors';

const BARE_WORD = /^[A-Za-z0-9_.:/+@=,-]+$/;

/** One Tcl word: bare when harmless, otherwise backslash-escaped (works for any text). */
export function tclWord(s: string): string {
  if (s.length > 0 && BARE_WORD.test(s)) return s;
  if (s.length === 0) return '{}';
  return s.replace(/[\\$[\]{}"; \t\n\r]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return '\\' + c;
  });
}

/** A Tcl list of words, braced, e.g. {pc sp lr}. */
export function tclList(words: readonly string[]): string {
  return '{' + words.map(tclWord).join(' ') + '}';
}

/** Numbers in command text (compact); messages for people use formatAddress (0x%08x). */
export function hex(n: number | bigint): string {
  return '0x' + n.toString(16);
}

/** Highest address + 1 of a 32-bit target; 64-bit targets pass their own limit. */
export const ADDRESS_LIMIT_32 = 0x1_0000_0000;

/**
 * Rejects an address range before it reaches OpenOCD, naming the address, so a typo in
 * the UI gets a clear message instead of a bus fault or a wrapped-around read.
 */
export function checkRange(address: number, length: number, limit: number = ADDRESS_LIMIT_32): void {
  if (!Number.isSafeInteger(address) || address < 0) {
    throw new ValidationError(`invalid address ${String(address)}: must be a non-negative integer`);
  }
  if (address >= limit) {
    throw new ValidationError(`address ${formatAddress(address)} is outside the target's address space (limit ${formatAddress(limit)})`);
  }
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new ValidationError(`invalid length ${String(length)} at address ${formatAddress(address)}`);
  }
  if (address + length > limit) {
    throw new ValidationError(
      `range ${formatAddress(address)}..${formatAddress(address + length - 1)} runs past the end of the address space (limit ${formatAddress(limit)})`,
    );
  }
}

export function checkAligned(address: number, bytes: number): void {
  // A negative or fractional address is invalid, not "unaligned" (it would print as 0x-1).
  if (!Number.isSafeInteger(address) || address < 0) {
    throw new ValidationError(`invalid address ${String(address)}: must be a non-negative integer`);
  }
  if (address % bytes !== 0) {
    throw new ValidationError(`address ${formatAddress(address)} is not aligned for a ${bytes * 8}-bit access`);
  }
}

export function checkCount(count: number, what = 'count'): void {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new ValidationError(`invalid ${what} ${String(count)}: must be a positive integer`);
  }
}
