// Argument parsing shared by the target commands: a small declarative option parser
// (flags, options with values, repeatable options, `--opt=value`, `--` ends options)
// and number parsing for addresses, lengths and values. Every mistake is a UsageError
// (exit 2) whose message names the offending word.
import { formatAddress } from '../../shared/hex';
import { UsageError } from './command';

export type OptionKind = 'flag' | 'value' | 'list';

/** Option name (with dashes, e.g. "--format", "-o") -> how it takes values. */
export type OptionSpec = Readonly<Record<string, OptionKind>>;

export interface ParsedArgs {
  /** Flags that were given. */
  flags: Set<string>;
  /** Last value of each 'value' option; every value, in order, of each 'list' option. */
  values: Map<string, string[]>;
  positional: string[];
}

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), positional: [] };
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (optionsDone || !a.startsWith('-') || a === '-' || isNegativeNumber(a)) {
      out.positional.push(a);
      continue;
    }
    if (a === '--') {
      optionsDone = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option '${name}'`);
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
      out.flags.add(name);
      continue;
    }
    const v = inline ?? args[++i];
    if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
    const prev = kind === 'list' ? (out.values.get(name) ?? []) : [];
    out.values.set(name, [...prev, v]);
  }
  return out;
}

/**
 * `--help` or `-h` among a command's arguments (before a `--`): every command answers it
 * with its usage and exit 0, handled once by the dispatcher (main/cli.ts).
 */
export function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

function isNegativeNumber(s: string): boolean {
  return /^-\d/.test(s);
}

/** The single value of a 'value' option, if given. */
export function optionValue(p: ParsedArgs, name: string): string | undefined {
  const v = p.values.get(name);
  return v === undefined ? undefined : v[v.length - 1];
}

/**
 * An unsigned integer as users write them: decimal ("4096"), hex ("0x20000000", "20000000h"
 * is NOT accepted: ambiguous), binary ("0b1010"); underscores as digit separators
 * ("0x2000_0000"). Decimal with a leading zero ("08000000") is refused as ambiguous.
 * `what` names the thing in the message ("address", "length").
 */
export function parseNumber(text: string, what: string, opts: { max?: number; min?: number } = {}): number {
  const s = text.trim().replace(/_/g, '');
  let n: number;
  if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0b[01]+$/i.test(s)) n = parseInt(s.slice(2), 2);
  else if (/^0\d+$/.test(s)) throw new UsageError(ambiguousLeadingZero(what, text, s));
  else if (/^\d+$/.test(s)) n = Number(s);
  else throw new UsageError(`${what} '${text}' is not a number (write it as decimal, 0x hex or 0b binary)`);
  const min = opts.min ?? 0;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${what} '${text}' is out of range (${min}..${formatLimit(max)})`);
  }
  return n;
}

/**
 * "08000000" reads as decimal 8000000 (0x7a1200), but whoever typed it almost always meant
 * the hex address 0x08000000: a read there returns the wrong memory without a word. Refused,
 * with both spellings offered.
 */
export function ambiguousLeadingZero(what: string, text: string, digits: string): string {
  const dec = digits.replace(/^0+(?=\d)/, '');
  return `${what} '${text}' is ambiguous: write 0x${digits} for hex, or ${dec} for decimal`;
}

function formatLimit(max: number): string {
  return max >= 0x10000 ? '0x' + max.toString(16) : String(max);
}

/** A 32-bit target address. */
export function parseAddress(text: string, what = 'address'): number {
  return parseNumber(text, what, { max: 0xffff_ffff });
}

/** A byte count that, starting at `address`, stays inside the 32-bit address space. */
export function parseLength(text: string, address: number, what = 'length'): number {
  const n = parseNumber(text, what, { min: 1, max: 0x1_0000_0000 });
  const room = 0x1_0000_0000 - address;
  if (n > room) {
    throw new UsageError(`${what} ${text} from ${formatAddress(address)} runs past the end of the 32-bit address space (${room} byte${room === 1 ? '' : 's'} left there)`);
  }
  return n;
}

/** Exactly `count` positional arguments, named for the message. */
export function expectPositional(p: ParsedArgs, names: readonly string[], optional: readonly string[] = []): string[] {
  const { positional } = p;
  if (positional.length < names.length) throw new UsageError(`missing ${names.slice(positional.length).join(' ')}`);
  if (positional.length > names.length + optional.length) {
    throw new UsageError(`unexpected argument '${positional[names.length + optional.length] as string}'`);
  }
  return positional;
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(text: string, choices: readonly T[], what: string): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${what} must be one of ${choices.join(', ')}, not '${text}'`);
}
