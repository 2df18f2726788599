// The honest split of the real-thread corpus, fixed before any tuning: a log is held out
// when the FNV-1a hash of its thread's address falls in 2 of 5 buckets (about 40 %). The
// hash is of the thread, not the file, so two logs of one thread land in the same set.
// The engine never reads this (nor any corpus label); only the tests and the bench do.
// FNV-1a is written out here (a few lines) because the split must never change with a
// library's version.

export type CorpusSet = 'tuning' | 'held-out';

/** Lower-case, no #fragment, no trailing slash: one thread, one key. */
export function normaliseSource(source: string): string {
  return source.trim().toLowerCase().replace(/#.*$/, '').replace(/\/+$/, '');
}

/** 32-bit FNV-1a over the UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Held out when fnv1a32(normalised source) % 5 < 2. */
export function splitOf(source: string): CorpusSet {
  return fnv1a32(normaliseSource(source)) % 5 < 2 ? 'held-out' : 'tuning';
}
