// Bounded memory reads over the contract: a read may carry a readId; main then sends
// memoryReadProgress events for it after every chunk, cancelMemoryRead stops it
// between chunks, and the reply (which always comes) holds what was read, with
// `stopped` set when that is less than asked for (cancelled, or failed part-way).
import type { ErrorValue } from './errors';

/** Ids the renderer picks for its reads ("read-12"). */
export const MEMORY_READ_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface MemoryReadProgress {
  readId: string;
  /** Bytes read so far, from the start of the range. */
  done: number;
  total: number;
  bytesPerSecond: number;
}

/** Why a read returned fewer bytes than asked for. */
export interface MemoryReadStopped {
  reason: 'cancelled' | 'failed';
  /** The length that was asked for. */
  requested: number;
  /** Set when reason is 'failed': what stopped it (the bytes before it are good). */
  error?: ErrorValue;
}
