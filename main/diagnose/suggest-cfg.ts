// "Did you mean": given a cfg OpenOCD could not find and the cfgs its scripts folder
// has, return the closest by name. Token overlap catches renames such as
// stlink-v2.cfg -> stlink.cfg (0.11) or stm32f1x_stlink.cfg -> stm32f1x.cfg;
// edit distance catches typos such as stm32f1.cfg -> stm32f1x.cfg.

export interface CfgSuggestion {
  path: string;
  score: number;
}

/** Renames OpenOCD made between versions, checked before any fuzzy matching. */
const KNOWN_RENAMES: Record<string, string> = {
  'interface/stlink-v1.cfg': 'interface/stlink.cfg',
  'interface/stlink-v2.cfg': 'interface/stlink.cfg',
  'interface/stlink-v2-1.cfg': 'interface/stlink.cfg',
  'interface/stlink-v3.cfg': 'interface/stlink.cfg',
  'target/stm32f1x_stlink.cfg': 'target/stm32f1x.cfg',
  'target/stm32f2x_stlink.cfg': 'target/stm32f2x.cfg',
  'target/stm32f3x_stlink.cfg': 'target/stm32f3x.cfg',
  'target/stm32f4x_stlink.cfg': 'target/stm32f4x.cfg',
  'target/stm32l1x_stlink.cfg': 'target/stm32l1.cfg',
  'interface/cmsis-dap-v1.cfg': 'interface/cmsis-dap.cfg',
};

function splitPath(p: string): { dir: string; base: string } {
  const clean = p.replace(/\\/g, '/').replace(/^.*?\/scripts\//, '').replace(/^\.\//, '');
  const i = clean.lastIndexOf('/');
  const dir = i >= 0 ? clean.slice(0, i) : '';
  const base = (i >= 0 ? clean.slice(i + 1) : clean).replace(/\.cfg$/i, '').toLowerCase();
  return { dir: dir.split('/').at(-1) ?? '', base };
}

function tokens(base: string): string[] {
  return base.split(/[-_.\s]+/).filter((t) => t.length > 0);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function similarity(missing: string, candidate: string): number {
  const a = splitPath(missing);
  const b = splitPath(candidate);
  const ta = new Set(tokens(a.base));
  const tb = new Set(tokens(b.base));
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  // Tokens of the candidate all present in the missing name: a shortened/renamed file.
  const overlap = shared / Math.max(1, Math.min(ta.size, tb.size));
  const jaccard = shared / Math.max(1, new Set([...ta, ...tb]).size);
  const edit = 1 - levenshtein(a.base, b.base) / Math.max(a.base.length, b.base.length, 1);
  // Chip names share their family prefix (stm32f103 ~ stm32f1x): reward a long common start.
  let common = 0;
  while (common < Math.min(a.base.length, b.base.length) && a.base[common] === b.base[common]) common++;
  const prefix = 0.2 * (common / Math.max(a.base.length, b.base.length, 1));
  const sameDir = a.dir !== '' && a.dir === b.dir ? 0.2 : a.dir === '' ? 0.1 : 0;
  return 0.35 * overlap + 0.2 * jaccard + 0.3 * edit + prefix + sameDir;
}

/**
 * Closest cfgs to `missing` among `available` (paths relative to the scripts folder),
 * best first. Empty when nothing is reasonably close.
 */
export function suggestCfg(missing: string, available: readonly string[], max = 3): CfgSuggestion[] {
  const key = missing.replace(/\\/g, '/').replace(/^.*?\/scripts\//, '');
  const renamed = KNOWN_RENAMES[key];
  const out: CfgSuggestion[] = [];
  if (renamed && (available.length === 0 || available.includes(renamed))) out.push({ path: renamed, score: 1 });
  // A missing interface/ cfg is replaced by another interface/ cfg, never a target/ one.
  const dir = key.includes('/') ? key.split('/')[0] : undefined;
  const scored = available
    .filter((p) => p !== renamed && p !== key && (dir === undefined || p.split('/')[0] === dir))
    .map((p) => ({ path: p, score: Math.round(similarity(key, p) * 1000) / 1000 }))
    .filter((s) => s.score >= 0.45)
    .sort((x, y) => y.score - x.score || x.path.localeCompare(y.path));
  return [...out, ...scored].slice(0, max);
}
