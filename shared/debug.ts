// Breakpoints and watchpoints as the Breakpoints panel sees them, and what a halt
// looks like (reason, PC, symbol when one is known). Pure types.

export type WatchKind = 'r' | 'w' | 'a';

export interface BreakpointView {
  address: number;
  length: number;
  hardware: boolean;
  /** Disabled ones are kept here but not on the target (OpenOCD has no "disable"). */
  enabled: boolean;
  /** symbol+offset when an ELF's symbols are known. */
  symbol?: string;
}

export interface WatchpointView {
  address: number;
  length: number;
  access: WatchKind;
  enabled: boolean;
}

export interface DebugPoints {
  breakpoints: BreakpointView[];
  watchpoints: WatchpointView[];
  /** Comparators the core has (FPB code comparators, DWT comparators); null when unknown. */
  hwBreakpointsTotal: number | null;
  watchpointsTotal: number | null;
  /** Comparators not in use (total minus the enabled hardware ones). */
  hwBreakpointsFree: number | null;
  watchpointsFree: number | null;
}

export interface HaltInfo {
  state: string;
  /** "breakpoint", "watchpoint", "single-step", "debug-request", ... from OpenOCD's log. */
  reason?: string;
  pc?: number;
  symbol?: string;
}
