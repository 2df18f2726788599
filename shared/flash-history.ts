// One row of the flash panel's history: what was programmed, when, and how it ended.
// Kept by main in the user-data folder; "Flash again" restages the image from it.
export interface FlashHistoryEntry {
  id: string;
  name: string;
  size: number;
  /** CRC32 (zlib / IEEE) of the file's bytes as they were flashed. */
  crc32: number;
  format: string;
  /** Load address of a raw .bin (other formats carry their own). */
  address?: number;
  /** A file chosen in the desktop dialog: read again from here (it may have been rebuilt). */
  path?: string;
  /** ISO time the job ended. */
  time: string;
  result: 'done' | 'failed' | 'cancelled';
  /** Reset and run after programming was on. */
  resetAfter: boolean;
}

/** How many flashes the history keeps. */
export const FLASH_HISTORY_MAX = 20;
