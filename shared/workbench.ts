// Shapes the workbench panels (memory, registers, flash, board menu) exchange with
// main. Plain data only: byte arrays cross as base64 so a 1 MiB read is one compact
// JSON string instead of a million-element number array.
import type { ErrorValue } from './errors';
import type { MemoryReadStopped } from './memory-read';

/** Largest single memory read the panel may ask for. */
export const MAX_MEMORY_READ = 1024 * 1024;
/** Largest number of values one writeMemory call may carry. */
export const MAX_MEMORY_WRITE_VALUES = 4096;
/** Largest image file the browser may upload (the Electron dialog has no limit of its own). */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
/** Raw bytes per upload chunk (base64 makes it 4/3 larger on the wire, well under the socket's cap). */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

export interface MemoryBlock {
  address: number;
  /** The bytes read, base64. */
  data: string;
  /** Present when fewer bytes came back than were asked for (shared/memory-read.ts). */
  stopped?: MemoryReadStopped;
}

export type CoreState = 'unknown' | 'running' | 'halted' | 'reset' | 'debug-running';

export interface RegisterValue {
  name: string;
  bits: number;
  value: number;
  /** For pc and lr: the function and offset from the last .elf flashed or opened (`main+0x12`). */
  symbol?: string;
  /** For pc and lr: the source file and line there, where the .elf has DWARF line info. */
  source?: string;
}

export interface RegistersSnapshot {
  state: CoreState;
  /** Empty unless the core is halted: a running core's registers cannot be read. */
  registers: RegisterValue[];
  /** Halted in HardFault (IPSR 3): the fault status registers and what they say. */
  fault?: { cfsr: number; hfsr: number; bfar?: number; mmfar?: number; reasons: string[] };
}

export type TargetAction = 'halt' | 'resume' | 'step' | 'reset';
export type ResetMode = 'run' | 'halt' | 'init';

export type ImageFormatName = 'bin' | 'ihex' | 'srec' | 'elf';

/** An image held in main, ready to program: uploaded bytes or a file path (re-read at each use). */
export interface StagedImage {
  imageId: string;
  name: string;
  size: number;
  format: ImageFormatName;
  /** Set when the image came from the file dialog (Electron). */
  path?: string;
}

export interface UploadProgress {
  received: number;
  /** Present once the last chunk is in. */
  image?: StagedImage;
}

export type FlashOp = 'program' | 'verify' | 'erase-all' | 'erase-range';
export type FlashPhaseName = 'erase' | 'program' | 'verify' | 'read';

export type FlashVerifyResult = { ok: true; bytes: number } | { ok: false; firstMismatch: number; expected: number; actual: number };

/** One event of a flash job; every job ends with exactly one done, failed or cancelled. */
export type FlashJobEvent = { jobId: string; op: FlashOp } & (
  | { type: 'progress'; phase: FlashPhaseName; done: number; total: number; bytesPerSecond: number }
  | { type: 'done'; bytes: number; seconds: number; bytesPerSecond: number; verify?: FlashVerifyResult }
  | { type: 'cancelled'; phase: FlashPhaseName; done: number; total: number; message: string }
  | { type: 'failed'; error: ErrorValue }
);

export interface BoardState {
  /** The virtual board is running (connected with the virtual board profile). */
  running: boolean;
  /** Faults switched on now (running) or for the next connect (not running). */
  faults: string[];
  /** Every fault name the board knows. */
  known: string[];
  /** The LED on PC13 (active low), while the board runs: what a user sees on the bench. */
  led?: 'on' | 'off';
  /** PC13 level changes so far (rising while the firmware blinks), while the board runs. */
  ledToggles?: number;
  /** The simulated core's run state, read from the board itself (not from what was last asked of OpenOCD). */
  core?: 'running' | 'halted' | 'reset' | 'lockup' | 'off';
}
