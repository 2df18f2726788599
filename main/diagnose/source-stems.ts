// Checks a signature's example line against the OpenOCD source it cites: the line must be
// an instance of one of the file's message formats (its fixed text verbatim, each %s / %d /
// PRIx32 / Tcl $var standing for whatever OpenOCD filled in). Used by
// signatures-source.test.ts; pure functions, no fs.

/** OpenOCD's level prefix and LOG_TARGET_*'s "[target] " prefix are not in the format. */
const PREFIX = /^(?:\S+\.tcl:\d+:\s+)?(?:(?:Error|Warn|Info|Debug|User)\s*:\s?)?(?:\[[^\]]*\]\s)?/;

export function messageOf(line: string): string {
  return line.replace(PREFIX, '').trim();
}

/**
 * File paths a rule's `source` names: "src/flash/nor/stm32f1x.c, stm32f2x.c (0.10)" ->
 * [src/flash/nor/stm32f1x.c, src/flash/nor/stm32f2x.c]. A bare name takes the folder of
 * the path before it; parenthesised notes are dropped.
 */
export function citedFiles(source: string): string[] {
  const out: string[] = [];
  let dir = '';
  for (const part of source.replace(/\([^)]*\)/g, '').split(/[,+]/)) {
    const m = /([\w./-]+\.(?:c|h|tcl|cfg))\b/.exec(part);
    if (!m || !m[1]) continue;
    const p = m[1].includes('/') ? m[1] : `${dir}${m[1]}`;
    dir = p.slice(0, p.lastIndexOf('/') + 1);
    out.push(p);
  }
  return out;
}

const PRI_LETTER: Record<string, string> = { x: 'x', X: 'X', d: 'd', i: 'd', u: 'u', o: 'o' };

/** The string literals of a C or Tcl file, adjacent C literals joined, PRIx32 macros folded in. */
export function literalsOf(text: string): string[] {
  const pri = (_m: string, l: string): string => PRI_LETTER[l] ?? 'x';
  const joined = text
    .replace(/\bTARGET_ADDR_FMT\b/g, '"0x%8.8" TARGET_PRIxADDR')
    .replace(/\bTARGET_PRIxADDR\b/g, 'PRIx64')
    // "0x%08" PRIx32 " more" -> "0x%08x more"; a macro at a literal's end closes it.
    .replace(/"\s*PRI([xXdiuo])\w*\s*"/g, pri)
    .replace(/"\s*PRI([xXdiuo])\w*/g, (m, l: string) => `${pri(m, l)}"`)
    .replace(/"\s*\n\s*"/g, '');
  const out: string[] = [];
  for (const m of joined.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) out.push(m[1] ?? '');
  return out;
}

const RE_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** One message format (a literal) as a regex over a whole message, or undefined if too vague. */
export function formatRegex(literal: string): RegExp | undefined {
  const unescaped = literal.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1');
  // Tcl "echo "Error: ..."" and LOG text that repeat the level word.
  const body = unescaped.replace(/^(?:Error|Warn|Info|WARNING)\s*:\s?/, '').trim();
  let fixed = 0;
  let re = '';
  let last = 0;
  const holes = /%[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]|\$\{?\w+\}?|\[[^\]]*\]/g;
  for (const m of body.matchAll(holes)) {
    const lit = body.slice(last, m.index);
    fixed += lit.replace(/\s/g, '').length;
    re += lit.replace(RE_SPECIAL, '\\$&');
    re += m[0] === '%%' ? '%' : '.*?';
    last = (m.index ?? 0) + m[0].length;
  }
  const tail = body.slice(last);
  fixed += tail.replace(/\s/g, '').length;
  re += tail.replace(RE_SPECIAL, '\\$&');
  if (fixed < 5) return undefined;
  // Whitespace runs match any whitespace. A format ending in a space is continued by
  // appended text (e.g. "Unknown target type %s, try one of " + the list).
  const open = /\s$/.test(unescaped);
  return new RegExp(`^${re.trim().replace(/(\\s|\s)+/g, '\\s+')}${open ? '' : '$'}`, 's');
}

/** True when `message` is an instance of some message format in one of the sources. */
export function matchesSomeFormat(message: string, sources: string[]): boolean {
  for (const text of sources)
    for (const lit of literalsOf(text)) {
      const re = formatRegex(lit);
      if (re?.test(message)) return true;
      // A two-line LOG ("Unknown command:\n  %s") printed as one line per part.
      for (const part of lit.split('\\n')) {
        const r = part !== lit ? formatRegex(part) : undefined;
        if (r?.test(message)) return true;
      }
    }
  return false;
}
