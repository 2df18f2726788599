// How much to write (or verify) per OpenOCD command. Each `flash write_image` /
// `verify_image` costs a fixed 20-40 ms (loader download, algorithm start, final polls:
// bench/flash.ts), so small chunks make programming slower, while one big command gives
// no progress at all. The pacer starts with one base chunk, so the first progress shows
// at once, then sizes each next group from the rate just seen, so a progress event comes
// about every INTERVAL_MS whatever the adapter's speed; cancel lands within one group.

const INTERVAL_MS = 500;
/** Bounds a group, so a fast adapter still reports and can be cancelled now and then. */
const MAX_GROUP = 256 * 1024;

/** How groups are sized (FlashOptions.pace); tests pin maxGroup to the chunk size for a fixed event count. */
export interface PaceOptions {
  /** Aim for one progress event about this often (default 500 ms). */
  intervalMs?: number;
  /** Upper bound of a group in bytes (default 256 KiB); the base chunk when smaller. */
  maxGroup?: number;
}

export class Pacer {
  private target: number;
  private readonly intervalMs: number;
  private readonly maxGroup: number;

  constructor(
    private readonly base: number,
    pace: PaceOptions = {},
  ) {
    this.target = base;
    this.intervalMs = pace.intervalMs ?? INTERVAL_MS;
    this.maxGroup = Math.max(base, pace.maxGroup ?? MAX_GROUP);
  }

  /** Bytes the next group should hold. */
  next(): number {
    return this.target;
  }

  /** A group of `bytes` took `ms`: aim the next one at the interval. */
  record(bytes: number, ms: number): void {
    const ideal = ms > 0 ? (bytes * this.intervalMs) / ms : this.maxGroup;
    const rounded = Math.floor(ideal / this.base) * this.base;
    this.target = Math.min(this.maxGroup, Math.max(this.base, rounded));
  }
}

/** A planned piece of flash: a write chunk, or a verify piece (imageBytes defaults to data.length). */
export interface FlashPiece {
  bank: number;
  address: number;
  data: Uint8Array;
  imageBytes?: number;
}

export interface ChunkGroup {
  bank: number;
  address: number;
  data: Uint8Array;
  /** Bytes of data that come from the image (progress counts these). */
  imageBytes: number;
  /** How many planned chunks it joins. */
  count: number;
}

/**
 * Joins chunks[from..] while they continue each other (same bank, next address) and the
 * total stays within maxBytes (always at least one chunk). Joining is safe: the plan
 * already keeps chunks on write-unit boundaries, so joined data is what would have been
 * written chunk by chunk.
 */
export function joinChunks(chunks: readonly FlashPiece[], from: number, maxBytes: number): ChunkGroup {
  const first = chunks[from];
  if (!first) throw new RangeError(`no chunk at ${from}`);
  let end = from + 1;
  let bytes = first.data.length;
  while (end < chunks.length) {
    const prev = chunks[end - 1]!;
    const c = chunks[end]!;
    if (c.bank !== first.bank || c.address !== prev.address + prev.data.length || bytes + c.data.length > maxBytes) break;
    bytes += c.data.length;
    end++;
  }
  if (end === from + 1) return { bank: first.bank, address: first.address, data: first.data, imageBytes: first.imageBytes ?? first.data.length, count: 1 };
  const data = new Uint8Array(bytes);
  let imageBytes = 0;
  let at = 0;
  for (let i = from; i < end; i++) {
    const c = chunks[i]!;
    data.set(c.data, at);
    at += c.data.length;
    imageBytes += c.imageBytes ?? c.data.length;
  }
  return { bank: first.bank, address: first.address, data, imageBytes, count: end - from };
}

/** A run of sectors erased by one command (plan.ts EraseGroup). */
export interface SectorRun {
  bank: number;
  first: number;
  last: number;
  bytes: number;
}

/** Joins erase groups from `from` on while their sectors continue each other within maxBytes (at least one group). */
export function joinSectorRuns(groups: readonly SectorRun[], from: number, maxBytes: number): SectorRun & { count: number } {
  const first = groups[from];
  if (!first) throw new RangeError(`no erase group at ${from}`);
  const run = { ...first, count: 1 };
  for (let i = from + 1; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.bank !== run.bank || g.first !== run.last + 1 || run.bytes + g.bytes > maxBytes) break;
    run.last = g.last;
    run.bytes += g.bytes;
    run.count++;
  }
  return run;
}
