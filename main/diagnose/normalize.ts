// Turns whatever log the caller has into Line records. OpenOCD prefixes each message
// with its level ("Error: ", "Warn : ", "Info : ", "Debug: " + location with -d);
// rules match the message without that prefix so one regex serves every version.
import type { LogLevel } from '../../shared/connection';
import type { DiagnoseInput, Line } from './types';

const PREFIX = /^(?:\S+\.(?:tcl|cfg):\d+:\s+)?(Error|Warn|Info|Debug|User)\s*:\s?/;
// IDEs and wrappers put their own noise before OpenOCD's prefix: a timestamp, "[openocd]",
// "? " (ESP-IDF), the tail of a previous line ("none separate Error: ..." from PlatformIO),
// a cfg file and line. A level word followed by ": " after such a lead is OpenOCD's prefix.
const WRAPPED = /^.{0,80}?(?:^|[\s\]):>|])(?:\S+\.(?:tcl|cfg):\d+:\s+)?(Error|Warn|Info|Debug|User)\s*:\s/;
// With -d OpenOCD adds "<n> <ms> <file>:<line> <func>(): " after the level.
const DEBUG_LOCATION = /^\d+\s+\d+\s+\S+:\d+\s+\S+\(\):\s?/;
const LEVELS: Record<string, LogLevel> = { Error: 'error', Warn: 'warning', Info: 'info', Debug: 'debug', User: 'user' };

// Logs pasted into forums, blogs and issue trackers come back with the page's typography:
// curly quotes for ' and " (a forum's "in procedure ‘init’"), HTML entities left escaped
// (&quot;, &#39;), non-breaking spaces, and markdown bold around a line the reporter
// stressed. Rules match OpenOCD's own characters, so the text they see gets them back;
// `raw` (what a finding quotes) stays as pasted.
const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u2032\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u00A0\u2007\u202F]/g, ' '],
  [/&quot;/g, '"'],
  [/&(?:#39|#x27|apos);/g, "'"],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
  [/&amp;/g, '&'],
];

function plainText(line: string): string {
  let t = line;
  for (const [re, to] of TYPOGRAPHY) t = t.replace(re, to);
  // "**Error: ...**" (markdown bold): the stars are the reporter's, not OpenOCD's, whose own
  // "** Programming Failed **" has a space inside them.
  const bold = /^\*\*(\S(?:.*\S)?)\*\*$/.exec(t.trim());
  return bold ? (bold[1] ?? t) : t;
}

export function normalizeLine(raw: string, index: number, level?: LogLevel): Line {
  const trimmed = raw.replace(/\r$/, '').trimEnd();
  let text = plainText(trimmed).trim();
  let lvl = level;
  const m = PREFIX.exec(text) ?? WRAPPED.exec(text);
  if (m) {
    lvl = lvl ?? LEVELS[m[1] ?? ''];
    text = text.slice(m[0].length).replace(DEBUG_LOCATION, '');
  }
  return { raw: trimmed, text, level: lvl, index };
}

// A page that lost the log's line breaks (a blog's paragraph, a comment field) runs
// OpenOCD's lines together: "... using 950 kHz Info : clock speed 950 kHz Info : STLINK v2 ...".
// OpenOCD's own lines never hold a second level prefix, so two or more in one line are split there.
const LEVEL_IN_LINE = /(?:^|\s)(?:(?:Info|Warn) : |(?:Error|Debug): )/g;
const BEFORE_LEVEL = /\s+(?=(?:Info|Warn) : |(?:Error|Debug): )/;

function unrunLines(part: string): string[] {
  return (part.match(LEVEL_IN_LINE) ?? []).length >= 2 ? part.split(BEFORE_LEVEL) : [part];
}

export function toLines(input: DiagnoseInput): Line[] {
  const out: Line[] = [];
  const push = (raw: string, level?: LogLevel): void => {
    for (const part of raw.split('\n').flatMap(unrunLines)) {
      if (part.trim() === '') continue;
      out.push(normalizeLine(part, out.length, level));
    }
  };
  if (typeof input.log === 'string') push(input.log);
  else
    for (const l of input.log) {
      if (typeof l === 'string') push(l);
      else push(l.text, l.level);
    }
  // RPC errors never reach the log but carry the same OpenOCD messages.
  for (const e of input.rpcErrors ?? []) push(e, 'error');
  return out;
}
