// What the connection panel shows. Produced in main (main/openocd), rendered as is.
export const CONNECTION_STATES = ['idle', 'starting', 'connected', 'failed', 'stopped'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const TARGET_STATES = ['running', 'halted', 'reset', 'unknown'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export interface TapInfo {
  name: string;
  enabled: boolean;
  idcode: number;
  expected: number[];
  irLength: number;
}

export interface ConnectionInfo {
  openocdVersion?: string;
  adapter?: string;
  transport?: string;
  adapterSpeedKhz?: number;
  /** Volts, when the adapter reports it. */
  targetVoltage?: number;
  taps: TapInfo[];
  targetName?: string;
}

export interface ExitInfo {
  code: number | null;
  signal: string | null;
  /** The OpenOCD lines that explain the exit (errors first, then the tail of the log). */
  reasonLines: string[];
}

export interface ConnectionStatus {
  state: ConnectionState;
  target: TargetState;
  info: ConnectionInfo;
  exit?: ExitInfo;
  profileId?: string;
  /** While connected with GDB on: the 127.0.0.1 port GDB connects to (`target extended-remote 127.0.0.1:PORT`). */
  gdbPort?: number;
}

export type LogLevel = 'error' | 'warning' | 'info' | 'debug' | 'user';

export interface LogLine {
  /** Monotonic sequence number, so the renderer can de-duplicate after a reconnect. */
  seq: number;
  level: LogLevel;
  text: string;
  /** ms since epoch */
  time: number;
}
