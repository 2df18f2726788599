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

export function normalizeLine(raw: string, index: number, level?: LogLevel): Line {
  const trimmed = raw.replace(/\r$/, '').trimEnd();
  let text = trimmed.trimStart();
  let lvl = level;
  const m = PREFIX.exec(text) ?? WRAPPED.exec(text);
  if (m) {
    lvl = lvl ?? LEVELS[m[1] ?? ''];
    text = text.slice(m[0].length).replace(DEBUG_LOCATION, '');
  }
  return { raw: trimmed, text, level: lvl, index };
}

export function toLines(input: DiagnoseInput): Line[] {
  const out: Line[] = [];
  const push = (raw: string, level?: LogLevel): void => {
    for (const part of raw.split('\n')) {
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
