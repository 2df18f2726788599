// The readMemory channel's reads, one Host's worth: each read goes chunk by chunk
// (session/memory-read.ts); a read with a readId sends progress events and can be
// cancelled by that id. The reply always comes and holds what was read: a cancelled
// read, or one that failed part-way (a range running off the end of flash), answers
// with its good bytes and `stopped`; only a read that got nothing is an error.
import type { MemoryReadProgress } from '../../shared/memory-read';
import type { MemoryBlock } from '../../shared/workbench';
import { toErrorValue, ValidationError } from '../openocd/errors';
import { readBounded, type ByteReader } from '../session/memory-read';

export interface MemoryReadRequest {
  address: number;
  length: number;
  readId?: string | undefined;
}

export class MemoryReads {
  private readonly active = new Map<string, AbortController>();

  async read(memory: ByteReader, req: MemoryReadRequest, emit: (p: MemoryReadProgress) => void): Promise<MemoryBlock> {
    const { address, length, readId } = req;
    const abort = new AbortController();
    if (readId !== undefined) {
      if (this.active.has(readId)) throw new ValidationError(`readId: a read '${readId}' is still running`);
      this.active.set(readId, abort);
    }
    try {
      const r = await readBounded(memory, address, length, {
        signal: abort.signal,
        ...(readId !== undefined ? { onProgress: (p: Omit<MemoryReadProgress, 'readId'>) => emit({ readId, ...p }) } : {}),
      });
      if (!r.complete && r.reason === 'failed' && r.bytes.length === 0) throw r.error;
      const block: MemoryBlock = { address, data: base64(r.bytes) };
      if (!r.complete) {
        block.stopped = r.reason === 'failed' ? { reason: 'failed', requested: length, error: toErrorValue(r.error) } : { reason: 'cancelled', requested: length };
      }
      return block;
    } finally {
      if (readId !== undefined && this.active.get(readId) === abort) this.active.delete(readId);
    }
  }

  /** False when no read with that id is running (it may have just ended). */
  cancel(readId: string): { cancelled: boolean } {
    const a = this.active.get(readId);
    if (!a) return { cancelled: false };
    a.abort();
    return { cancelled: true };
  }

  /** The window went away: its reads stop after their chunk in flight. */
  dispose(): void {
    for (const a of this.active.values()) a.abort();
    this.active.clear();
  }
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
