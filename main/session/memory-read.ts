// Bounded memory reads: a big range is read in chunks, each chunk one read_memory
// command, so the caller sees progress after every chunk, can cancel between chunks,
// and keeps what was read before a cancel or a failure (the partial result). A 1 MiB
// read through one Promise.all of 16 commands gave none of that: no progress, no way
// out, and a failure at the 17th chunk threw away the 16 good ones.
import { formatAddress } from '../../shared/hex';
import { TargetError } from '../openocd/errors';

/** What readBytes needs; Memory implements it. */
export interface ByteReader {
  readBytes(address: number, length: number): Promise<Uint8Array>;
}

export interface ReadProgress {
  /** Bytes read so far (from the start of the range, contiguous). */
  done: number;
  total: number;
  bytesPerSecond: number;
}

export interface BoundedReadOptions {
  /** Bytes per chunk, fixed (a multiple of 4). Default: adaptive, see nextChunk. */
  chunkBytes?: number;
  /** Abort between chunks; the chunk in flight completes and is kept. */
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
}

export type BoundedRead =
  | { complete: true; bytes: Uint8Array }
  /** `bytes` holds the `done` bytes read from the start before the read stopped. */
  | { complete: false; bytes: Uint8Array; reason: 'cancelled' }
  | { complete: false; bytes: Uint8Array; reason: 'failed'; error: unknown };

/** The first chunk; later ones follow the measured rate (nextChunk). */
export const DEFAULT_READ_CHUNK = 16 * 1024;
const MIN_CHUNK = 4 * 1024;
/** OpenOCD answers one read_memory of 16K words with ~180 KB of text; more per command gains nothing. */
const MAX_CHUNK = 64 * 1024;
/** Aim for a chunk (a progress step, the longest wait for a cancel) about this long. */
const CHUNK_SECONDS = 0.25;

/**
 * Each read_memory command has a fixed cost in OpenOCD (MEM-AP setup, a queue flush),
 * so on a fast link small chunks cost speed; on a slow adapter (10 KB/s) a 64 KiB chunk
 * would mean six seconds without progress or a way to cancel. So: about CHUNK_SECONDS of
 * the rate seen so far, in whole KiB, within MIN_CHUNK..MAX_CHUNK.
 */
export function nextChunk(bytesPerSecond: number): number {
  const want = Math.floor((bytesPerSecond * CHUNK_SECONDS) / 1024) * 1024;
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, want));
}

/**
 * Reads [address, address+length) chunk by chunk. Two chunks are in flight at a time:
 * the RPC client sends the second as soon as the first reply is in, so OpenOCD never
 * waits on our own await between chunks (chunking costs no speed), and a cancel stops
 * within one chunk. Never throws for a target failure: it resolves with what was read.
 */
export async function readBounded(reader: ByteReader, address: number, length: number, opts: BoundedReadOptions = {}): Promise<BoundedRead> {
  const fixed = opts.chunkBytes === undefined ? undefined : Math.max(4, opts.chunkBytes & ~3);
  let chunk = fixed ?? DEFAULT_READ_CHUNK;
  const out = new Uint8Array(length);
  const started = performance.now();
  let done = 0;
  let next = 0;
  const issue = (): Promise<Uint8Array> | undefined => {
    if (next >= length || opts.signal?.aborted) return undefined;
    // Chunk edges on chunk-size boundaries of the address, so an unaligned start costs
    // byte reads only at the very edges (Memory reads the aligned middle by words).
    const at = address + next;
    const n = Math.min(length - next, chunk - (at % MIN_CHUNK));
    next += n;
    return reader.readBytes(at, n);
  };
  const inFlight: Array<Promise<Uint8Array>> = [];
  for (let i = 0; i < 2; i++) {
    const p = issue();
    if (p) inFlight.push(p);
  }
  // A rejected chunk behind a failed one must not surface as an unhandled rejection.
  for (const p of inFlight) p.catch(() => undefined);
  while (inFlight.length > 0) {
    const p = inFlight.shift() as Promise<Uint8Array>;
    let bytes: Uint8Array;
    try {
      bytes = await p;
    } catch (error) {
      for (const rest of inFlight) rest.catch(() => undefined);
      // The chunk may end where memory does (flash is 64 KiB, the read asked for 1 MiB):
      // keep its readable head, found in small steps, so the result stops at the edge.
      const head = await readableHead(reader, address + done, Math.min(chunk, length - done), out, done);
      done += head.bytes;
      return { complete: false, bytes: out.subarray(0, done), reason: 'failed', error: head.error ?? error };
    }
    out.set(bytes, done);
    done += bytes.length;
    const secs = (performance.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    if (fixed === undefined && rate > 0) chunk = nextChunk(rate);
    const more = issue();
    if (more) {
      more.catch(() => undefined);
      inFlight.push(more);
    }
    opts.onProgress?.({ done, total: length, bytesPerSecond: rate });
  }
  if (done < length) return { complete: false, bytes: out.subarray(0, done), reason: 'cancelled' };
  return { complete: true, bytes: out };
}

const STEP = 1024;

/** Reads [at, at+n) in STEP pieces into out[offset..] until one fails; how many bytes were good and that failure. */
async function readableHead(reader: ByteReader, at: number, n: number, out: Uint8Array, offset: number): Promise<{ bytes: number; error?: unknown }> {
  let got = 0;
  while (got < n) {
    const size = Math.min(n - got, STEP - ((at + got) % STEP));
    try {
      out.set(await reader.readBytes(at + got, size), offset + got);
    } catch (error) {
      return { bytes: got, error };
    }
    got += size;
  }
  return { bytes: got };
}

/** The outcome as an error to throw when only a complete read will do (keeps the partial count in the message). */
export function incompleteReadError(r: Extract<BoundedRead, { complete: false }>, address: number, total: number): unknown {
  if (r.reason === 'failed') return r.error;
  return new TargetError(`memory read at ${formatAddress(address)} cancelled after ${r.bytes.length} of ${total} bytes`);
}
