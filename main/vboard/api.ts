// What the rest of the app needs from the virtual board (main/vboard).
export interface VirtualBoardOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 3335. */
  port?: number;
  host?: string;
  /** Fault switches, e.g. ["reset-hold"], ["noisy-link:0.001"]. */
  faults?: string[];
  /** Keeps the flash (and option bytes) across restarts; created if missing. */
  flashFile?: string;
}

export interface VirtualBoard {
  readonly host: string;
  readonly port: number;
  faults(): string[];
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
  /** Run state of the simulated core. */
  core: 'running' | 'halted' | 'reset' | 'lockup';
  /** The PC13 LED (active low). */
  ledOn: boolean;
}

export const VBOARD_FAULTS = ['unpowered', 'swapped-wires', 'reset-hold', 'read-protected', 'write-protected', 'noisy-link'] as const;
