// The Session API: one entry point for the library's users (host.ts, the CLI, benches).
export { Session, toTargetEvent, type SessionConnectOptions, type SessionStartOptions } from './session';
export type { CommandOptions, CommandRunner } from './command-runner';
export { Target, type TargetState, type ResetMode, type TargetEvents, type TargetEventName } from './target';
export { Memory, type MemoryOptions } from './memory';
export type { Pattern, SearchOptions } from './memory-tools';
export { formatHexdump } from './hexdump';
export { Registers } from './registers';
export type { RegisterGroup, RegisterInfo } from './registers-parse';
export { Jtag, type DrField, type DrScanOptions, type NewTapOptions, type PlaybackResult, type ScanOptions, type SvfOptions, type XsvfOptions } from './jtag';
export type { Tap, TapState } from './jtag-parse';
export { Breakpoints, type Breakpoint, type BreakpointOptions, type Watchpoint, type WatchAccess, type WatchpointOptions } from './breakpoints';
export { Rtt, RttStream, type RttChannel, type RttChannels, type RttStartResult } from './rtt';
export { Transport } from './transport';
