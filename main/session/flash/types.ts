// Shapes the Flash subsystem hands to its users (host.ts, the CLI, the renderer via IPC).
import type { ErrorValue } from '../../../shared/errors';

/** One line of `flash banks`. size is 0 until the bank is probed (stm32f1x autodetects it). */
export interface FlashBank {
  index: number;
  name: string;
  driver: string;
  base: number;
  size: number;
  busWidth: number;
  chipWidth: number;
}

export interface FlashSector {
  index: number;
  /** Offset from the bank base. */
  offset: number;
  /** Absolute address (base + offset). */
  address: number;
  size: number;
  /** true/false as OpenOCD reports it; null when the driver cannot tell. */
  protected: boolean | null;
}

/** `flash info N`: the bank, its sectors and (where the driver has them) protection blocks. */
export interface FlashBankInfo {
  index: number;
  driver: string;
  base: number;
  size: number;
  busWidth: number;
  chipWidth: number;
  sectors: FlashSector[];
  /**
   * Units that protection applies to. On stm32f1x one block is 4 pages; on drivers
   * without blocks these are the sectors themselves.
   */
  protectionBlocks: FlashSector[];
  /** The driver's own line(s), e.g. "STM32F10x (Medium Density) - Rev: A". */
  driverInfo: string;
}

export type FlashPhase = 'erase' | 'program' | 'verify' | 'read';

export interface FlashProgressEvent {
  type: 'progress';
  phase: FlashPhase;
  /** Bytes done in this phase (erase: bytes of sectors erased). */
  done: number;
  total: number;
  /** Average over the phase so far. */
  bytesPerSecond: number;
}

export type VerifyResult =
  | { ok: true; bytes: number }
  | { ok: false; firstMismatch: number; expected: number; actual: number };

export interface ProgramDone {
  type: 'done';
  /** Image bytes written (gaps and alignment padding excluded). */
  bytes: number;
  erasedSectors: number;
  seconds: number;
  bytesPerSecond: number;
  /** Present when verification ran; a mismatch is reported here, not thrown. */
  verify?: VerifyResult;
}

export interface ProgramCancelled {
  type: 'cancelled';
  phase: FlashPhase;
  done: number;
  total: number;
  /** Says what state the flash is left in (partly erased / partly written). */
  message: string;
}

export interface ProgramFailed {
  type: 'failed';
  error: ErrorValue;
}

export type ProgramResult = ProgramDone | ProgramCancelled;
export type FlashEvent = FlashProgressEvent | ProgramDone | ProgramCancelled | ProgramFailed;

export interface ProgramOptions {
  /** Read back and compare after writing (default true). */
  verify?: boolean;
  /** Erase the sectors the image touches first (default true). */
  erase?: boolean;
  /** What to do before programming: `reset init` like OpenOCD's `program` (default), `halt`, or nothing. */
  prepare?: 'reset-init' | 'halt' | 'none';
  /** `reset run` after a successful (and verified, if asked) programming. */
  reset?: boolean;
  /** Checked between chunks; the chunk in flight always completes. */
  signal?: AbortSignal;
  onEvent?: (e: FlashEvent) => void;
}

export interface ReadOptions {
  /** Also write the bytes to this file (created or replaced). */
  file?: string;
  signal?: AbortSignal;
  onEvent?: (e: FlashProgressEvent) => void;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onEvent?: (e: FlashProgressEvent) => void;
}

export interface Stm32f1xOptions {
  optionByte: number;
  writeProtection: number;
  readProtection: boolean;
  watchdog: 'software' | 'hardware';
  resetOnStop: boolean;
  resetOnStandby: boolean;
  userData: number;
  complementError: boolean;
  raw: string;
}
