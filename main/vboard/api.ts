// What the rest of the app needs from the virtual board (main/vboard).
import type { EarlyListener } from './early-listener';
export interface VirtualBoardOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 3335. */
  port?: number;
  host?: string;
  /** Listen on this Unix-domain socket instead of TCP (OpenOCD: `remote_bitbang port 0`,
   *  `remote_bitbang host <path>`; vboard.cfg does this when VBOARD_SOCKET is set). Each
   *  round trip costs both sides fewer kernel cycles than loopback TCP. A stale socket file
   *  at the path is replaced. */
  socketPath?: string;
  /** A socket bound already (early-listener.ts); replaces port/host/socketPath. */
  listener?: EarlyListener;
  /** Fault switches, e.g. ["reset-hold"], ["noisy-link:0.001"]. */
  faults?: string[];
  /** Seed of the noisy-link fault's bit flips. Connection n (0, 1, ...) uses a seed derived
   *  from this and n, so each connection sees different errors (a retry can behave
   *  differently, as on a flaky cable) while a board started with the same seed repeats
   *  the same sequence (reproducible tests). Default 0x5eed. */
  noiseSeed?: number;
  /** Keeps the flash (and option bytes) across restarts; created if missing. */
  flashFile?: string;
  /** The chip's 96-bit unique id as 24 hex digits, as ST's tools print it (most significant word
   *  first). Default: derived from the port or the socket's file name, so N boards differ. */
  uid?: string;
}

export interface VirtualBoard {
  readonly host: string;
  /** The TCP port; 0 when listening on `socketPath`. */
  readonly port: number;
  readonly socketPath?: string;
  faults(): string[];
  /** The chip's unique id, 24 hex digits (as `uid` takes it). */
  readonly uid: string;
  /** Switch faults at run time (the app's board menu). Throws on an unknown fault name. */
  setFaults(faults: string[]): void;
  /** Counters for UIs and tests (e.g. to see programming under way). */
  stats(): VirtualBoardStats;
  close(): Promise<void>;
}

export interface VirtualBoardStats {
  /** remote_bitbang connections accepted since start. */
  connections: number;
  /** Half-words programmed into main flash since start. */
  flashHalfWordsProgrammed: number;
  /** Replies sent to the debugger: each is a round trip OpenOCD waited for. */
  roundTrips: number;
  /** Run state of the simulated core ('off' while the `unpowered` fault is on). */
  core: 'running' | 'halted' | 'reset' | 'lockup' | 'off';
  /** The PC13 LED (active low). */
  ledOn: boolean;
  /** PC13 level changes since the board started: rising while the firmware blinks. */
  ledToggles: number;
}

export const VBOARD_FAULTS = [
  'unpowered',
  'swapped-wires',
  'reset-hold',
  'read-protected',
  'write-protected',
  'noisy-link',
  'sram-stuck-bit',
  'sram-address-short',
  'flash-bad-sector',
  'wrong-part',
  'no-srst',
] as const;
