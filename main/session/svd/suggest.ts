// "Did you mean" for unknown names: typos (GPIOc, RCC_CR vs CR) are the usual cause,
// so candidates are ranked by case-insensitive edit distance, then by shared prefix.

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** Up to `max` names close to `wanted`; empty when nothing is reasonably close. */
export function suggest(wanted: string, names: Iterable<string>, max = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: { name: string; d: number; prefix: number }[] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    let d = editDistance(w, n);
    // A name that contains what was typed (or the reverse) is a strong hint: "ODR" -> "GPIOC_ODR".
    if (w.length >= 2 && n.length >= 2 && (n.includes(w) || w.includes(n))) d = Math.min(d, 1);
    if (d <= Math.max(2, Math.floor(w.length / 3))) scored.push({ name, d, prefix: commonPrefix(w, n) });
  }
  scored.sort((a, b) => a.d - b.d || b.prefix - a.prefix || a.name.localeCompare(b.name));
  return scored.slice(0, max).map((s) => s.name);
}

/** " Did you mean A, B or C?" or "" — ready to append to an error message. */
export function didYouMean(wanted: string, names: Iterable<string>): string {
  const s = suggest(wanted, names);
  if (s.length === 0) return '';
  const list = s.length === 1 ? s[0] : `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}`;
  return ` Did you mean ${list}?`;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
