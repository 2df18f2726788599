// The production station as the grid shows it (main/station): slots, rows of the record,
// the day's summary. Plain data, shared by main, the CLI and the renderer.
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

export type StationResult = 'pass' | 'fail' | 'interrupted';

export interface StationRow {
  time: string;
  station: string;
  job: string;
  imageSha256: string;
  imageCrc32: string;
  slot: string;
  probe: string;
  /** STM32 96-bit unique id, 24 hex digits ('' when it could not be read). */
  uid: string;
  serial: string;
  result: StationResult;
  phases: Array<{ phase: string; ms: number }>;
  errorCategory: string;
  errorMessage: string;
  durationMs: number;
}


/** What the station panel shows: the job, the slots, the lock, today's numbers, the last rows. */
export interface StationView {
  job?: { name: string; imageName: string; size: number; crc32: string; verify: boolean; after: string; readProtect: boolean; serial?: { address: number; format: string; source: string } };
  mode: 'vboards' | 'probes';
  slots: SlotState[];
  /** Technician mode: the job cannot be changed until unlocked. */
  locked: boolean;
  autoStart: boolean;
  summary: StationSummary;
  recent: StationRow[];
  recordPath: string;
  /** The next serial number the counter gives (when the job provisions counter serials). */
  nextSerial?: string;
}
