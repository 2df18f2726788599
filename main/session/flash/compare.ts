// Read-back verification: read the target in chunks and compare in JS, so a mismatch
// reports the first differing address and both values (verify_image only says "differ").
import type { Memory } from '../memory';
import type { BankPiece } from './plan';
import { Cancelled, PhaseProgress } from './progress';
import { flashReadError } from './run';
import type { FlashProgressEvent, VerifyResult } from './types';

export async function compareWithTarget(
  memory: Memory,
  pieces: readonly BankPiece[],
  onEvent: ((e: FlashProgressEvent) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<VerifyResult> {
  const total = pieces.reduce((a, p) => a + p.data.length, 0);
  const progress = new PhaseProgress('verify', total, onEvent);
  progress.report();
  for (const p of pieces) {
    if (signal?.aborted) throw new Cancelled(progress);
    let actual: Uint8Array;
    try {
      actual = await memory.readBytes(p.address, p.data.length);
    } catch (e) {
      throw flashReadError(e, 'verify: reading the target failed');
    }
    const i = firstDifference(p.data, actual);
    if (i >= 0) return { ok: false, firstMismatch: p.address + i, expected: p.data[i]!, actual: actual[i]! };
    progress.advance(p.data.length);
  }
  return { ok: true, bytes: total };
}

export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
