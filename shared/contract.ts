// THE list of IPC channels. Preload, ipcMain registration, the WebSocket host and
// the renderer client are all derived from the two objects below (they iterate
// their keys); no other file writes a channel string.
//
// To add a channel: add one entry to `invokeChannels` (request schema + response
// type) or `eventChannels` (payload type), then implement it in main/host.ts
// (the handler map there is typed by this file, so tsc points at what is missing).
import { z } from 'zod';
import { eventMethodNameOf, ipcEventChannelOf, ipcInvokeChannelOf } from './channel-naming';
import type { ConnectionStatus, LogLine } from './connection';
import type { DetectedAdapter } from './adapters';
import type { ConnectionProfile } from './profile';
import { connectionProfileSchema } from './profile-schema';
import type { Result } from './errors';
import { MEMORY_READ_ID_PATTERN, type MemoryReadProgress } from './memory-read';
import { MAX_SETTING_PATH, type SettingsState } from './settings';
import { FIX_ACTIONS } from './diagnose';
import { CHECK_STEPS, type BoardCheckReport, type CheckProgress } from './check';
import type { SlotState, StationRow, StationView } from './station';
import type { DiagnosisReport, FixResult, UndoResult } from './troubleshoot';
import type { PeriphModel, PeriphRead, PeriphWriteResult } from './peripherals';
import type { DebugPoints, HaltInfo } from './debug';
import type { GdbSwitchState } from './gdb';
import type { SymbolInfo } from './symbols';
import { MAX_DISASM_AFTER, MAX_DISASM_BEFORE, type DisasmView } from './disasm';
import type { FlashHistoryEntry } from './flash-history';
import type { DeviceInfo, OptionBytesResult } from './device';
import {
  MAX_IMAGE_BYTES,
  MAX_MEMORY_READ,
  MAX_MEMORY_WRITE_VALUES,
  UPLOAD_CHUNK_BYTES,
  type BoardState,
  type FlashJobEvent,
  type MemoryBlock,
  type RegistersSnapshot,
  type StagedImage,
  type UploadProgress,
} from './workbench';

/** Declares one request -> response channel: a zod request schema, the response as a type only. */
function invoke<Res>() {
  return <Req extends z.ZodType>(request: Req): InvokeDef<Req, Res> => ({ request });
}
/** Declares one main -> renderer event; the payload exists as a type only. */
function event<Payload>(): EventDef<Payload> {
  return {};
}

export interface InvokeDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: never set, carries the response type. */
  readonly __response?: Res;
}
export interface EventDef<Payload> {
  /** Phantom: never set, carries the payload type. */
  readonly __payload?: Payload;
}

// ---- payload types that only the contract needs ----

export interface ProfileList {
  profiles: ConnectionProfile[];
  /** The profile to preselect: the one last connected, else the virtual board. */
  selectedId: string;
}

/** A debug adapter on USB and the profile the app suggests for it. */
export interface AdapterOffer {
  adapter: DetectedAdapter;
  /** Interface cfg + `adapter serial` when several of its kind are attached; null when no cfg fits on its own. */
  profile: ConnectionProfile | null;
  warning?: string;
}

/** OpenOCD's scripts folder catalogue, paths relative to it (e.g. "interface/stlink.cfg"). */
export interface ConfigCatalogue {
  scriptsDir: string | null;
  interface: string[];
  target: string[];
  board: string[];
}

/** RTT channels as OpenOCD lists them (`rtt channels`). */
export interface RttChannelInfo {
  index: number;
  name: string;
  size: number;
  flags: number;
}
export interface RttInfo {
  /** Where the control block was found; undefined when none was found (yet). */
  controlBlock?: number;
  up: RttChannelInfo[];
  down: RttChannelInfo[];
}

export interface TargetEventInfo {
  /** OpenOCD event name, e.g. "halted", "resumed", "reset-start". */
  name: string;
  targetName?: string;
}

const empty = z.object({}).strict();
const u32 = (what: string) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} must not be negative`).max(0xffff_ffff, `${what} must fit in 32 bits`);
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `more than ${maxBytes} bytes`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
const imageId = z.string().regex(/^img-[0-9]+$/, 'unknown image id');
const profileIdSchema = z.string().min(1).max(128);
/** An SVD peripheral / register / field name or cluster path ("GPIOC", "ODR", "CH0.CR", "CCR[2]"). */
const svdName = z.string().regex(/^[A-Za-z0-9_.[\]%-]{1,96}$/, 'not an SVD name');
/** The largest SVD accepted for upload (STM32H7 files are about 4 MB). */
export const MAX_SVD_BYTES = 32 * 1024 * 1024;

export const invokeChannels = {
  /** The renderer has subscribed to events: main flushes what it held back. */
  appReady: invoke<null>()(empty),
  /** What this window may do: 'view' for a supervisor's view-only token (shared/access.ts), else 'operator'. */
  getAccess: invoke<{ access: 'operator' | 'view' }>()(empty),
  getStatus: invoke<ConnectionStatus>()(empty),
  /** Starts OpenOCD with a saved profile; resolves when connected or failed (never hangs). */
  connect: invoke<ConnectionStatus>()(z.object({ profileId: z.string().min(1).max(128) }).strict()),
  disconnect: invoke<ConnectionStatus>()(empty),
  /** One TCL command over RPC; the value is OpenOCD's reply text. */
  command: invoke<string>()(z.object({ tcl: z.string().trim().min(1, 'empty command').max(65_536) }).strict()),
  listProfiles: invoke<ProfileList>()(empty),
  saveProfile: invoke<ProfileList>()(z.object({ profile: connectionProfileSchema }).strict()),
  deleteProfile: invoke<ProfileList>()(z.object({ id: z.string().min(1).max(128) }).strict()),
  listConfigs: invoke<ConfigCatalogue>()(empty),
  /** The debug adapters on USB now (VID:PID, serial, suggested interface cfg and profile). */
  listAdapters: invoke<AdapterOffer[]>()(empty),
  getLogHistory: invoke<LogLine[]>()(empty),

  // ---- memory ----
  readMemory: invoke<MemoryBlock>()(
    z
      .object({
        address: u32('address'),
        length: z.number().int().min(1, 'length must be at least 1').max(MAX_MEMORY_READ, `length is limited to ${MAX_MEMORY_READ} bytes`),
        /** Ask for memoryReadProgress events and make the read cancellable (cancelMemoryRead). */
        readId: z.string().regex(MEMORY_READ_ID_PATTERN, 'invalid read id').optional(),
      })
      .strict()
      .refine((r) => r.address + r.length <= 0x1_0000_0000, { message: 'the range runs past 0xffffffff', path: ['length'] }),
  ),
  /** Stops a read started with that readId after the chunk in flight; its reply then holds the bytes read so far. */
  cancelMemoryRead: invoke<{ cancelled: boolean }>()(z.object({ readId: z.string().regex(MEMORY_READ_ID_PATTERN, 'invalid read id') }).strict()),
  /** Values of one width written from address upward (width 8 = bytes). */
  writeMemory: invoke<null>()(
    z
      .object({
        address: u32('address'),
        width: z.union([z.literal(8), z.literal(16), z.literal(32)]),
        values: z.array(u32('value')).min(1).max(MAX_MEMORY_WRITE_VALUES),
      })
      .strict()
      .refine((r) => r.values.every((v) => v < 2 ** r.width), { message: 'a value does not fit in the width', path: ['values'] })
      .refine((r) => r.address % (r.width / 8) === 0, { message: 'the address is not aligned to the width', path: ['address'] }),
  ),

  // ---- run control and registers ----
  targetControl: invoke<RegistersSnapshot['state']>()(
    z.object({ action: z.enum(['halt', 'resume', 'step', 'reset']), mode: z.enum(['run', 'halt', 'init']).optional() }).strict(),
  ),
  /** The core registers; an empty list (not an error) while the core runs. */
  readRegisters: invoke<RegistersSnapshot>()(empty),
  writeRegister: invoke<null>()(z.object({ name: z.string().regex(/^[A-Za-z0-9_.]{1,64}$/, 'invalid register name'), value: u32('value') }).strict()),

  // ---- peripherals from SVD (main/peripherals: parsed off the UI thread, a compact model here) ----
  /** The profile's SVD (opened for it, else the bundled one that fits); null when it has none. */
  svdModel: invoke<PeriphModel | null>()(z.object({ profileId: profileIdSchema }).strict()),
  /** Electron: pick a .svd file with the dialog (null: cancelled); a path: open that file. Remembered per profile. */
  svdOpen: invoke<PeriphModel | null>()(z.object({ profileId: profileIdSchema, path: z.string().min(1).max(4096).optional() }).strict()),
  /** Forget the opened SVD: back to the bundled one (or none). */
  svdForget: invoke<PeriphModel | null>()(z.object({ profileId: profileIdSchema }).strict()),
  /** Browser mode: an .svd file in order, in chunks; the last one answers with the model. */
  svdUpload: invoke<{ received: number; model?: PeriphModel }>()(
    z
      .object({
        profileId: profileIdSchema,
        name: z.string().min(1).max(255),
        offset: z.number().int().min(0).max(MAX_SVD_BYTES),
        total: z.number().int().min(1, 'the file is empty').max(MAX_SVD_BYTES, `an SVD file is limited to ${MAX_SVD_BYTES / (1024 * 1024)} MiB`),
        data: base64(UPLOAD_CHUNK_BYTES),
      })
      .strict(),
  ),
  /** Reads a peripheral's registers (side-effect reads only those named in `include`). */
  peripheralRead: invoke<PeriphRead>()(
    z.object({ profileId: profileIdSchema, peripheral: svdName, include: z.array(svdName).max(256).optional() }).strict(),
  ),
  /** Read-modify-write of one field (a number or an enum value name), then read back. */
  peripheralWriteField: invoke<PeriphWriteResult>()(
    z
      .object({
        profileId: profileIdSchema,
        peripheral: svdName,
        register: svdName,
        field: svdName,
        value: z.union([u32('value'), z.string().trim().min(1, 'empty value').max(64)]),
      })
      .strict(),
  ),
  peripheralWriteRegister: invoke<PeriphWriteResult>()(
    z.object({ profileId: profileIdSchema, peripheral: svdName, register: svdName, value: u32('value') }).strict(),
  ),

  // ---- breakpoints and watchpoints (main/debug) ----
  debugPoints: invoke<DebugPoints>()(empty),
  addBreakpoint: invoke<DebugPoints>()(
    z.object({ address: u32('address'), hardware: z.boolean().default(true), length: z.union([z.literal(2), z.literal(4)]).default(2) }).strict(),
  ),
  addWatchpoint: invoke<DebugPoints>()(
    z
      .object({ address: u32('address'), length: z.number().int().min(1).max(0x8000, 'a watchpoint covers at most 32 KiB'), access: z.enum(['r', 'w', 'a']) })
      .strict(),
  ),
  removeDebugPoint: invoke<DebugPoints>()(z.object({ kind: z.enum(['breakpoint', 'watchpoint']), address: u32('address') }).strict()),
  enableDebugPoint: invoke<DebugPoints>()(z.object({ kind: z.enum(['breakpoint', 'watchpoint']), address: u32('address'), enabled: z.boolean() }).strict()),
  /** A temporary hardware breakpoint at the address, then resume (removed at the next halt). */
  runTo: invoke<null>()(z.object({ address: u32('address') }).strict()),
  /** Step, or run over the call at PC. */
  stepOver: invoke<'step' | 'over'>()(empty),
  /** Target state, why it halted, PC (symbol+offset where known). */
  haltInfo: invoke<HaltInfo>()(empty),

  // ---- GDB beside the workbench, ELF symbols (main/gdb, main/symbols) ----
  /** The GDB switch for the next (or current) connection. */
  gdbState: invoke<GdbSwitchState>()(empty),
  /** Turns GDB on or off; while connected OpenOCD restarts (it fixes its ports at start). */
  setGdb: invoke<GdbSwitchState>()(z.object({ enabled: z.boolean(), port: z.number().int().min(1).max(65535).optional() }).strict()),
  /** The ELF whose symbols name addresses (the last .elf flashed or opened for symbols). */
  symbolInfo: invoke<SymbolInfo | null>()(empty),
  /** Take symbols from a staged .elf (an upload or a chosen file) without flashing it. */
  loadSymbols: invoke<SymbolInfo>()(z.object({ imageId: z.string().min(1).max(128) }).strict()),
  /** Names for addresses (`main+0x12`), and addresses for names. */
  lookupSymbols: invoke<{ names: (string | null)[]; addresses: (number | null)[] }>()(
    z.object({ addresses: z.array(u32('address')).max(256).default([]), names: z.array(z.string().min(1).max(256)).max(256).default([]) }).strict(),
  ),

  // ---- the Device panel (main/device) ----
  /** Device id and revision, flash size, UID, core, comparators, option bytes (stm32f1x). */
  deviceInfo: invoke<DeviceInfo>()(empty),
  /** Rewrite the stm32f1x option bytes (RDP, WRP blocks, user bits), reset, read back. Can mass-erase. */
  writeOptionBytes: invoke<OptionBytesResult>()(
    z
      .object({
        rdp: z.union([z.literal(0), z.literal(1)]).optional(),
        wrp: z.array(z.object({ index: z.number().int().min(0).max(31), protected: z.boolean() }).strict()).max(32).optional(),
        user: z.object({ wdgSw: z.boolean(), nRstStop: z.boolean(), nRstStdby: z.boolean() }).strict().optional(),
      })
      .strict(),
  ),

  // ---- disassembly around the PC (main/disasm) ----
  /** Thumb-2 instructions around `address` (default: the PC, which needs a halted core). */
  disassemble: invoke<DisasmView>()(
    z
      .object({
        address: u32('address').optional(),
        before: z.number().int().min(0).max(MAX_DISASM_BEFORE).default(8),
        after: z.number().int().min(0).max(MAX_DISASM_AFTER).default(16),
      })
      .strict(),
  ),

  // ---- memory tools (main/memtools) ----
  memorySearch: invoke<{ matches: number[]; truncated: boolean }>()(
    z
      .object({
        address: u32('address'),
        length: z.number().int().min(1).max(16 * 1024 * 1024, 'search at most 16 MiB at once'),
        pattern: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('hex'), bytes: z.string().regex(/^(\s*[0-9a-fA-F]{2})+\s*$/, 'hex bytes, e.g. "de ad be ef"').max(512) }).strict(),
          z.object({ kind: z.literal('text'), text: z.string().min(1).max(256) }).strict(),
        ]),
      })
      .strict()
      .refine((r) => r.address + r.length <= 0x1_0000_0000, { message: 'the range runs past 0xffffffff', path: ['length'] }),
  ),
  memoryFill: invoke<null>()(
    z
      .object({ address: u32('address'), length: z.number().int().min(1).max(16 * 1024 * 1024), value: z.number().int().min(0).max(255, 'a fill value is one byte') })
      .strict()
      .refine((r) => r.address + r.length <= 0x1_0000_0000, { message: 'the range runs past 0xffffffff', path: ['length'] }),
  ),
  /** The range as a file to save: raw .bin or Intel HEX, base64. */
  memoryExport: invoke<{ name: string; data: string }>()(
    z
      .object({ address: u32('address'), length: z.number().int().min(1).max(MAX_MEMORY_READ, `export at most ${MAX_MEMORY_READ} bytes`), format: z.enum(['bin', 'ihex']) })
      .strict()
      .refine((r) => r.address + r.length <= 0x1_0000_0000, { message: 'the range runs past 0xffffffff', path: ['length'] }),
  ),

  // ---- images and flash (long work: startFlash returns an id; flashProgress events; a final event always comes) ----
  /** Electron: the open-file dialog; null when cancelled. Not available in browser mode. */
  chooseImageFile: invoke<StagedImage | null>()(empty),
  /** Browser mode: announce an upload of `size` bytes, then send it with uploadImageChunk. */
  beginImageUpload: invoke<{ imageId: string }>()(
    z
      .object({
        name: z.string().min(1).max(255),
        size: z.number().int().min(1, 'the file is empty').max(MAX_IMAGE_BYTES, `the file is larger than the ${MAX_IMAGE_BYTES / (1024 * 1024)} MiB limit`),
      })
      .strict(),
  ),
  uploadImageChunk: invoke<UploadProgress>()(
    z.object({ imageId, offset: z.number().int().min(0).max(MAX_IMAGE_BYTES), data: base64(UPLOAD_CHUNK_BYTES) }).strict(),
  ),
  startFlash: invoke<{ jobId: string }>()(
    z
      .object({
        op: z.enum(['program', 'verify', 'erase-all', 'erase-range']),
        imageId: imageId.optional(),
        /** Load address for raw .bin images; the start of an erase-range. */
        address: u32('address').optional(),
        /** erase-range: bytes from `address` (both ends on sector boundaries). */
        length: z.number().int().min(1, 'the length must be at least 1 byte').max(0x1_0000_0000).optional(),
        verify: z.boolean().default(true),
        /** program: reset and run the target afterwards (a technician's default). */
        resetAfter: z.boolean().default(false),
      })
      .strict()
      .refine((r) => r.op === 'erase-all' || r.op === 'erase-range' || r.imageId !== undefined, { message: 'choose an image first', path: ['imageId'] })
      .refine((r) => r.op !== 'erase-range' || (r.address !== undefined && r.length !== undefined), { message: 'an erase range needs an address and a length', path: ['length'] }),
  ),
  cancelFlash: invoke<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) }).strict()),
  /** The last flashes (newest first), kept in the user-data folder. */
  flashHistory: invoke<FlashHistoryEntry[]>()(empty),
  /** Stage a history row's image again (kept bytes, or re-read from its path); refused when it is gone. */
  stageHistoryImage: invoke<{ image: StagedImage; address?: number }>()(z.object({ id: z.string().min(1).max(64) }).strict()),

  // ---- RTT (SEGGER Real-Time Transfer): find the control block, stream one up-channel ----
  /** `rtt setup` (default: 0x20000000, 20 KiB, "SEGGER RTT") + `rtt start`; the channels found. */
  rttStart: invoke<RttInfo>()(
    z
      .object({
        address: u32('address').optional(),
        size: z.number().int().min(16, 'size must be at least 16 bytes').max(16 * 1024 * 1024).optional(),
        id: z.string().min(1, 'empty ID').max(16, 'the ID is at most 16 characters').optional(),
      })
      .strict(),
  ),
  rttChannels: invoke<RttInfo>()(empty),
  /** Streams the up-channel to `rttData` events (one channel at a time). */
  rttOpen: invoke<null>()(z.object({ channel: z.number().int().min(0).max(63) }).strict()),
  /** UTF-8 text to the down-channel of the same number. */
  rttWrite: invoke<null>()(z.object({ channel: z.number().int().min(0).max(63), text: z.string().min(1).max(4096) }).strict()),
  /** Closes the stream and stops RTT polling. */
  rttClose: invoke<null>()(empty),

  // ---- the virtual board's fault switches ----
  getBoard: invoke<BoardState>()(empty),
  setBoardFaults: invoke<BoardState>()(z.object({ faults: z.array(z.string().min(1).max(64)).max(16) }).strict()),

  // ---- settings (settings.json in the user-data folder) ----
  /** The settings and which OpenOCD they lead to (path and version, or why none). */
  getSettings: invoke<SettingsState>()(empty),
  /** Saves the settings (an empty openocdPath clears it) and checks the OpenOCD they lead to. */
  saveSettings: invoke<SettingsState>()(
    z
      .object({
        settings: z.object({ openocdPath: z.string().max(MAX_SETTING_PATH, 'the path is too long').optional() }).strict(),
        /** Desktop app only: the user confirmed that a binary not named openocd is OpenOCD. */
        confirmed: z.boolean().optional(),
      })
      .strict(),
  ),

  // ---- troubleshooter ----
  /** Diagnoses the last connection attempt now (also runs by itself when a connect fails: `diagnosis` event). */
  diagnose: invoke<DiagnosisReport>()(
    z
      .object({
        answers: z
          .object({ measuredVoltage: z.number().min(-50).max(50).optional(), wiringChecked: z.boolean().optional(), resetHoldHelped: z.boolean().optional() })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  /** Applies one fix, then reconnects or checks; the result says whether it worked. */
  applyFix: invoke<FixResult>()(
    z
      .object({
        profileId: z.string().min(1).max(128).optional(),
        action: z.enum(FIX_ACTIONS),
        args: z.record(z.string().max(64), z.string().max(1024)).optional(),
      })
      .strict(),
  ),
  /** Puts back what a fix changed (the profile, or the chip's write protection) and reconnects or re-checks. */
  undoFix: invoke<UndoResult>()(z.object({ fixId: z.string().min(1).max(64) }).strict()),

  // ---- first power-on check (main/check): progress as checkProgress events, the report as the reply ----
  runCheck: invoke<BoardCheckReport>()(
    z
      .object({
        profileId: z.string().min(1).max(128),
        skip: z.array(z.enum(CHECK_STEPS)).max(CHECK_STEPS.length).optional(),
        from: z.enum(CHECK_STEPS).optional(),
        leaveErased: z.boolean().optional(),
      })
      .strict(),
  ),
  cancelCheck: invoke<{ cancelled: boolean }>()(empty),
  /** The last saved reports, newest first. */
  listCheckReports: invoke<BoardCheckReport[]>()(empty),

  // ---- production station (main/station): slot changes and record rows come as stationSlot / stationRow events ----
  stationView: invoke<StationView>()(empty),
  stationSetJob: invoke<StationView>()(
    z
      .object({
        name: z.string().trim().min(1, 'name the job').max(100),
        imageId,
        address: u32('address').optional(),
        verify: z.boolean(),
        after: z.enum(['reset-run', 'halt', 'none']),
        readProtect: z.boolean(),
        serial: z
          .object({
            address: u32('serial address'),
            format: z.string().min(1).max(64),
            start: z.number().int().min(0).max(1e12),
            source: z.enum(['counter', 'typed']),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  stationSetSlots: invoke<StationView>()(
    z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('vboards'), count: z.number().int().min(1, 'at least one board').max(8, 'at most 8 virtual boards'), faults: z.array(z.array(z.string().min(1).max(64)).max(8)).max(8).optional() }).strict(),
      z.object({ mode: z.literal('probes'), serials: z.array(z.string().min(1).max(128)).max(16) }).strict(),
    ]),
  ),
  stationStart: invoke<{ started: string[] }>()(z.object({ slotId: z.string().max(32).optional(), typedSerial: z.string().regex(/^[\x20-\x7e]{1,31}$/, 'a serial is 1 to 31 printable characters').optional() }).strict()),
  stationRerunFailed: invoke<{ started: string[] }>()(empty),
  stationStop: invoke<{ stopping: number }>()(empty),
  stationLock: invoke<boolean>()(z.object({ locked: z.boolean() }).strict()),
  stationSetAutoStart: invoke<boolean>()(z.object({ on: z.boolean() }).strict()),
  /** The record as CSV text, for a download. */
  stationExport: invoke<string>()(empty),
} as const;

export const eventChannels = {
  status: event<ConnectionStatus>(),
  /** A batch of log lines (about 16 ms or 200 KB each). */
  log: event<LogLine[]>(),
  targetEvent: event<TargetEventInfo>(),
  /** Progress and the final outcome of a flash job (to the window that started it). */
  flashProgress: event<FlashJobEvent>(),
  /** Bytes read so far by a readMemory call that carried a readId (after every chunk). */
  memoryReadProgress: event<MemoryReadProgress>(),
  /** Findings for a connect attempt that just failed. */
  diagnosis: event<DiagnosisReport>(),
  /** Text from an RTT up-channel, batched like the log (about 16 ms a batch). */
  rttData: event<{ channel: number; text: string }>(),
  /** Steps of a running power-on check as they start, progress and end. */
  checkProgress: event<CheckProgress>(),
  /** A station slot changed (phase, progress, result). */
  stationSlot: event<SlotState>(),
  /** A row was appended to the station's record. */
  stationRow: event<StationRow>(),
} as const;

// ---- derived types ----

export type InvokeChannels = typeof invokeChannels;
export type InvokeName = keyof InvokeChannels;
export type EventName = keyof typeof eventChannels;

export type RequestOf<K extends InvokeName> = z.input<InvokeChannels[K]['request']>;
/** The request after validation (defaults applied, strings trimmed). */
export type ParsedRequestOf<K extends InvokeName> = z.output<InvokeChannels[K]['request']>;
export type ResponseOf<K extends InvokeName> = InvokeChannels[K] extends InvokeDef<z.ZodType, infer R> ? R : never;
export type PayloadOf<E extends EventName> = (typeof eventChannels)[E] extends EventDef<infer P> ? P : never;

/** `onStatus`, `onLog`, ... */
export type EventMethodName<E extends EventName> = `on${Capitalize<E>}`;

type InvokeArgs<K extends InvokeName> = Record<never, never> extends RequestOf<K> ? [request?: RequestOf<K>] : [request: RequestOf<K>];

/** What the renderer sees: one named method per channel, one `on<Event>` per event. */
export type BringupApi = {
  [K in InvokeName]: (...args: InvokeArgs<K>) => Promise<Result<ResponseOf<K>>>;
} & {
  [E in EventName as EventMethodName<E>]: (listener: (payload: PayloadOf<E>) => void) => () => void;
};

export const INVOKE_NAMES = Object.keys(invokeChannels) as InvokeName[];
export const EVENT_NAMES = Object.keys(eventChannels) as EventName[];

export function isInvokeName(name: unknown): name is InvokeName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invokeChannels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventChannels, name);
}

export function eventMethodName<E extends EventName>(name: E): EventMethodName<E> {
  return eventMethodNameOf(name) as EventMethodName<E>;
}

/** Electron IPC channel strings, derived from the names above. */
export const ipcInvokeChannel = (name: InvokeName): string => ipcInvokeChannelOf(name);
export const ipcEventChannel = (name: EventName): string => ipcEventChannelOf(name);

// ---- the WebSocket wire format (browser mode) ----

// The paths live in channel-naming.ts (zod-free, for the page); re-exported for main.
export { TOKEN_CHECK_PATH, WS_PATH } from './channel-naming';

export type ClientMessage = { t: 'invoke'; id: number; channel: InvokeName; request: unknown };
export type ServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown }
  /** A message the server could not take and could not answer by id (not JSON, binary, no id). */
  | { t: 'error'; message: string };

/** The largest client message the server takes (an upload chunk is ~0.7 MB); a bigger one closes the socket with 1009 and a reason. */
export const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024 * 1024;

export const clientMessageSchema = z
  .object({
    t: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().refine(isInvokeName, 'unknown channel'),
    request: z.unknown(),
  })
  .strict();
