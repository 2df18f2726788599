// Warnings worth passing on even when nothing failed: OpenOCD's own deprecation notices.
// tcl/interface/stlink-v2.cfg (and stlink-v1, stlink-v2-1, three TI boards) in 0.12:
//   echo "WARNING: interface/stlink-v2.cfg is deprecated, please switch to interface/stlink.cfg"
// src/jtag/startup.tcl, src/openocd.c: "DEPRECATED! use 'adapter speed' not 'adapter_khz'" style.
import type { DiagnoseLogLine } from './types';

export interface LogNote {
  /** What to tell the user. */
  text: string;
  /** The OpenOCD line it comes from, verbatim. */
  line: string;
}

const CFG_DEPRECATED = /WARNING: (\S+) is deprecated, please switch to (\S+)/;
const CMD_DEPRECATED = /DEPRECATED! use '([^']+)' not '([^']+)'/;

export function deprecationNotes(log: string | ReadonlyArray<string | DiagnoseLogLine>): LogNote[] {
  const lines = typeof log === 'string' ? log.split('\n') : log.map((l) => (typeof l === 'string' ? l : l.text));
  const out: LogNote[] = [];
  const seen = new Set<string>();
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').trim();
    let m: RegExpExecArray | null;
    let text: string | undefined;
    if ((m = CFG_DEPRECATED.exec(line))) text = `${m[1]} is deprecated: use ${m[2]} instead.`;
    else if ((m = CMD_DEPRECATED.exec(line))) text = `"${m[2]}" is deprecated: use "${m[1]}" instead.`;
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push({ text, line });
    }
  }
  return out;
}
