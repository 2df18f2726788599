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
  close(): Promise<void>;
}

export const VBOARD_FAULTS = ['unpowered', 'swapped-wires', 'reset-hold', 'read-protected', 'write-protected', 'noisy-link'] as const;
