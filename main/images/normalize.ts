// Sort, merge and overlap-check segments. Text formats deliver many small records
// (16-32 bytes each); merging them into contiguous runs keeps chunk planning and
// verification simple and fast.
import { ValidationError } from '../openocd/errors';
import { hex32, type ImageSegment } from './types';

const ADDRESS_LIMIT = 0x1_0000_0000; // 32-bit targets only

/**
 * Returns segments sorted by address with touching segments merged. Two segments
 * that overlap are an error even when their bytes agree: a file that writes the
 * same address twice is almost always a broken build or a wrong merge.
 */
export function normalizeSegments(segments: readonly ImageSegment[], source: string): ImageSegment[] {
  const nonEmpty = segments.filter((s) => s.data.length > 0);
  for (const s of nonEmpty) {
    if (!Number.isInteger(s.address) || s.address < 0 || s.address + s.data.length > ADDRESS_LIMIT) {
      throw new ValidationError(
        `${source}: segment at ${hex32(s.address)} (${s.data.length} bytes) does not fit in the 32-bit address space`,
        { hint: 'Check the load address given for the image (for .bin files) or the image file itself.' },
      );
    }
  }
  const sorted = [...nonEmpty].sort((a, b) => a.address - b.address);
  const out: ImageSegment[] = [];
  // Runs of touching segments are collected first and copied once.
  let run: ImageSegment[] = [];
  let runEnd = 0;
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0]!;
    if (run.length === 1) {
      out.push(first);
    } else {
      const data = new Uint8Array(runEnd - first.address);
      for (const s of run) data.set(s.data, s.address - first.address);
      out.push({ address: first.address, data });
    }
    run = [];
  };
  for (const s of sorted) {
    if (run.length > 0 && s.address < runEnd) {
      const prev = run[run.length - 1]!;
      throw new ValidationError(
        `${source}: data at ${hex32(s.address)}..${hex32(s.address + s.data.length - 1)} overlaps data at ` +
          `${hex32(prev.address)}..${hex32(prev.address + prev.data.length - 1)}`,
        { hint: 'The image writes the same address twice. Rebuild it, or check how it was merged from several files.' },
      );
    }
    if (run.length > 0 && s.address !== runEnd) flush();
    run.push(s);
    runEnd = s.address + s.data.length;
  }
  flush();
  return out;
}

/**
 * Collects bytes written record by record (ihex/srec) into contiguous runs without
 * copying each record: consecutive records extend the current run.
 */
export class SegmentCollector {
  private readonly done: ImageSegment[] = [];
  private start = 0;
  private parts: Uint8Array[] = [];
  private length = 0;

  add(address: number, data: Uint8Array): void {
    if (data.length === 0) return;
    if (this.parts.length > 0 && address === this.start + this.length) {
      this.parts.push(data);
      this.length += data.length;
      return;
    }
    this.flush();
    this.start = address;
    this.parts = [data];
    this.length = data.length;
  }

  segments(): ImageSegment[] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const data = new Uint8Array(this.length);
    let off = 0;
    for (const p of this.parts) {
      data.set(p, off);
      off += p.length;
    }
    this.done.push({ address: this.start, data });
    this.parts = [];
    this.length = 0;
  }
}
