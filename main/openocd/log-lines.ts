// OpenOCD log text → LogLine pieces: a line splitter that never cuts a UTF-8
// sequence in two (StringDecoder keeps partial bytes between chunks), the level
// parser for OpenOCD's fixed-width prefixes, and a bounded ring of recent lines.
import { StringDecoder } from 'node:string_decoder';
import type { LogLevel, LogLine } from '../../shared/connection';

// log.c: log_strings[] = "User : ", "Error: ", "Warn : ", "Info : ", "Debug: ".
// LOG_USER lines are printed bare unless debug_level >= DEBUG.
const PREFIXES: ReadonlyArray<readonly [string, LogLevel]> = [
  ['Error: ', 'error'],
  ['Warn : ', 'warning'],
  ['Info : ', 'info'],
  ['Debug: ', 'debug'],
  ['User : ', 'user'],
];

// A Tcl error while reading config is printed bare with its location in front:
// "embedded:startup.tcl:28: Error: Can't find interface/xyz.cfg". It is an error
// to the user, so we classify it as one.
const LOCATED_ERROR = /^\S+:\d+: Error: /;

export function parseLogLevel(line: string): LogLevel {
  for (const [prefix, level] of PREFIXES) if (line.startsWith(prefix)) return level;
  if (LOCATED_ERROR.test(line)) return 'error';
  return 'user';
}

/** The longest line kept whole: text without a newline beyond this is cut into lines of this size. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * Splits a byte stream into lines ("\n" or "\r\n"), decoding UTF-8 across chunk borders.
 * A stream that never sends a newline (a binary dump, a runaway script) must not grow one
 * string without bound: the unterminated part is cut every MAX_LINE_CHARS characters.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly maxLine = MAX_LINE_CHARS) {}

  push(chunk: Buffer | string): string[] {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const parts = text.split('\n');
    let rest = parts.pop() ?? '';
    const lines = parts.map(stripCr);
    while (rest.length > this.maxLine) {
      let cut = this.maxLine;
      // Never cut a UTF-16 surrogate pair in two.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    this.partial = rest;
    return lines;
  }

  /** The unterminated last line, if any (call at end of stream). */
  flush(): string[] {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    return rest.length > 0 ? [stripCr(rest)] : [];
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

/** Fixed-capacity ring of log lines; oldest dropped first. */
export class LogRing {
  private readonly buf: LogLine[] = [];
  private start = 0;
  constructor(readonly capacity: number) {
    if (capacity < 1) throw new RangeError('LogRing capacity must be >= 1');
  }
  push(line: LogLine): void {
    if (this.buf.length < this.capacity) this.buf.push(line);
    else {
      this.buf[this.start] = line;
      this.start = (this.start + 1) % this.capacity;
    }
  }
  toArray(): LogLine[] {
    return [...this.buf.slice(this.start), ...this.buf.slice(0, this.start)];
  }
  get size(): number {
    return this.buf.length;
  }
  clear(): void {
    this.buf.length = 0;
    this.start = 0;
  }
}

/**
 * The lines that explain why OpenOCD stopped: every error line first (in order,
 * at most `maxErrors`), then the last `tail` lines not already listed.
 */
export function reasonLines(lines: readonly LogLine[], tail = 10, maxErrors = 20): string[] {
  const errors = lines.filter((l) => l.level === 'error').slice(-maxErrors);
  const seen = new Set(errors.map((l) => l.seq));
  const last = lines.slice(-tail).filter((l) => !seen.has(l.seq) && l.text.trim() !== '');
  return [...errors, ...last].map((l) => l.text);
}

/** Volts reported by the adapter, from the driver's log line (stlink_usb.c, jlink.c, kitprog.c). */
export function parseTargetVoltage(line: string): number | undefined {
  // "Info : Target voltage: 3.236292" (ST-Link), "Info : VTarget = 3.300 V" (J-Link),
  // "Info : VTARG = 3.300 V" (KitProg).
  const m = /(?:Target voltage:|VTarget =|VTARG =)\s*([0-9]+(?:\.[0-9]+)?)/.exec(line);
  if (!m?.[1]) return undefined;
  const v = Number(m[1]);
  return Number.isFinite(v) ? v : undefined;
}
