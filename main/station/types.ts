// What the station shows per slot (the grid's tiles, the CLI's lines): shared by the
// station, its CLI and the app host. Plain data, JSON-safe.
export type SlotPhase = 'idle' | 'waiting' | 'connect' | 'identify' | 'erase' | 'program' | 'verify' | 'serial' | 'after' | 'done';

export interface SlotFinding {
  category: string;
  title: string;
  /** The first thing to do about it. */
  fix: string;
}

export interface SlotState {
  id: string;
  label: string;
  /** Probe serial, or "vboard N". */
  probe: string;
  phase: SlotPhase;
  /** 0..1 within the current phase. */
  progress: number;
  bytesPerSecond: number;
  uid?: string;
  serial?: string;
  result?: 'pass' | 'fail' | 'interrupted';
  error?: string;
  finding?: SlotFinding;
  durationMs?: number;
}

export interface StationSummary {
  total: number;
  passed: number;
  failed: number;
  interrupted: number;
  /** passed / (passed + failed), 0..1; undefined before the first board. */
  yield?: number;
  failuresByCategory: Record<string, number>;
}
