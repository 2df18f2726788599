// Parses Tcl list text (what OpenOCD returns for get_reg, rtt channellist, drscan, and our
// own `list $rc $msg` wrappers) into its elements: braces, quotes and backslashes.
import { OpenOCDError } from '../openocd/errors';

const WS = new Set([' ', '\t', '\n', '\r']);

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };

export function parseTclList(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && WS.has(text[i] as string)) i++;
    if (i >= n) break;
    const c = text[i];
    if (c === '{') {
      let depth = 1;
      const start = ++i;
      while (i < n && depth > 0) {
        const ch = text[i];
        if (ch === '\\') i++;
        else if (ch === '{') depth++;
        else if (ch === '}') depth--;
        i++;
      }
      if (depth !== 0) throw new OpenOCDError(`unbalanced braces in Tcl list: ${text.slice(0, 200)}`);
      out.push(text.slice(start, i - 1));
    } else if (c === '"') {
      i++;
      let word = '';
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) {
          const e = text[i + 1] as string;
          word += ESCAPES[e] ?? e;
          i += 2;
        } else word += text[i++];
      }
      if (i >= n) throw new OpenOCDError(`unterminated quote in Tcl list: ${text.slice(0, 200)}`);
      i++;
      out.push(word);
    } else {
      let word = '';
      while (i < n && !WS.has(text[i] as string)) {
        if (text[i] === '\\' && i + 1 < n) {
          const e = text[i + 1] as string;
          word += ESCAPES[e] ?? e;
          i += 2;
        } else word += text[i++];
      }
      out.push(word);
    }
  }
  return out;
}

/** A Tcl dict (even-length list) as ordered [key, value] pairs. */
export function parseTclDict(text: string): Array<[string, string]> {
  const items = parseTclList(text);
  if (items.length % 2 !== 0) throw new OpenOCDError(`not a Tcl dict: ${text.slice(0, 200)}`);
  const pairs: Array<[string, string]> = [];
  for (let k = 0; k < items.length; k += 2) pairs.push([items[k] as string, items[k + 1] as string]);
  return pairs;
}
