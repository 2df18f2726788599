// OpenOCD log lines and console replies as terminal text: colour by level
// (error red, warning yellow, info default, debug dim).
import type { LogLevel, LogLine } from '../../shared/connection';

const RESET = '\x1b[0m';
const STYLE: Record<LogLevel, string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '',
  user: '',
  debug: '\x1b[2m',
};

/** Stray escape sequences from OpenOCD output must not restyle the terminal. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b/g, '␛').replace(/\r?\n/g, '\r\n');
}

export function formatLine(level: LogLevel, text: string): string {
  const style = STYLE[level];
  return style ? `${style}${clean(text)}${RESET}\r\n` : `${clean(text)}\r\n`;
}

export function formatBatch(lines: readonly LogLine[]): string {
  let out = '';
  for (const l of lines) out += formatLine(l.level, l.text);
  return out;
}

export function formatCommandEcho(tcl: string): string {
  return `\x1b[36m> ${clean(tcl)}${RESET}\r\n`;
}

export function formatReply(text: string, isError: boolean): string {
  const body = text.replace(/\s+$/, '');
  if (!body) return '';
  return isError ? `\x1b[31m${clean(body)}${RESET}\r\n` : `${clean(body)}\r\n`;
}
