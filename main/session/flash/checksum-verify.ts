// Verification by checksum: OpenOCD's `verify_image` runs a CRC over each chunk ON THE
// TARGET (armv7m_checksum_memory, with the work area), so only a few words cross the
// link instead of the whole image; on a slow adapter that is several times faster than
// reading the flash back. Only a chunk whose CRC differs is read back and compared in
// JS, so a mismatch still reports the first differing address and both values.
import { formatAddress } from '../../../shared/hex';
import type { Memory } from '../memory';
import { runGuarded } from '../guarded';
import { hex, tclWord } from '../tcl';
import type { ChunkFiles } from './chunk-files';
import { joinChunks, Pacer, type ChunkGroup, type FlashPiece, type PaceOptions } from './pacer';
import { firstDifference } from './compare';
import { Cancelled, PhaseProgress } from './progress';
import { flashFailure, flashReadError } from './run';
import type { FlashProgressEvent, VerifyResult } from './types';


export interface ChecksumVerifyContext {
  runner: Parameters<typeof runGuarded>[0];
  memory: Memory;
  files: ChunkFiles;
}

/** Generous: the CRC runs at target speed, but a target without a work area makes OpenOCD read everything. */
function verifyTimeout(bytes: number): number {
  return 30_000 + bytes * 10;
}

export async function verifyByChecksum(
  ctx: ChecksumVerifyContext,
  chunks: readonly FlashPiece[],
  baseChunk: number,
  onEvent: ((e: FlashProgressEvent) => void) | undefined,
  signal: AbortSignal | undefined,
  pace?: PaceOptions,
): Promise<VerifyResult> {
  const total = chunks.reduce((a, c) => a + (c.imageBytes ?? c.data.length), 0);
  const progress = new PhaseProgress('verify', total, onEvent);
  progress.report();
  const pacer = new Pacer(baseChunk, pace);
  for (let i = 0, n = 0; i < chunks.length; n++) {
    const c = joinChunks(chunks, i, pacer.next());
    if (signal?.aborted) throw new Cancelled(progress);
    const path = await ctx.files.write(n, c.data, 'verify');
    const tcl = `verify_image ${tclWord(path)} ${hex(c.address)} bin`;
    const t0 = performance.now();
    const o = await runGuarded(ctx.runner, tcl, { timeoutMs: verifyTimeout(c.data.length) });
    pacer.record(c.data.length, performance.now() - t0);
    if (!o.ok) {
      // The CRC differs (or the checksum could not run): find out byte by byte.
      const mismatch = await readBackMismatch(ctx.memory, c);
      if (mismatch) return mismatch;
      throw flashFailure(`verify at ${formatAddress(c.address)} failed`, tcl, o.result, o.log, [o.log, o.result].join('\n').trim());
    }
    progress.advance(c.imageBytes);
    i += c.count;
  }
  return { ok: true, bytes: total };
}

async function readBackMismatch(memory: Memory, c: ChunkGroup): Promise<VerifyResult | undefined> {
  let actual: Uint8Array;
  try {
    actual = await memory.readBytes(c.address, c.data.length);
  } catch (e) {
    throw flashReadError(e, 'verify: reading the target failed');
  }
  const i = firstDifference(c.data, actual);
  return i < 0 ? undefined : { ok: false, firstMismatch: c.address + i, expected: c.data[i]!, actual: actual[i]! };
}
