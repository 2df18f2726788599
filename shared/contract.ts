// THE list of IPC channels. Preload, ipcMain registration, the WebSocket host and
// the renderer client are all derived from the two objects below (they iterate
// their keys); no other file writes a channel string.
//
// To add a channel: add one entry to `invokeChannels` (request schema + response
// type) or `eventChannels` (payload type), then implement it in main/host.ts
// (the handler map there is typed by this file, so tsc points at what is missing).
import { z } from 'zod';
import type { ConnectionStatus, LogLine } from './connection';
import type { ConnectionProfile } from './profile';
import { connectionProfileSchema } from './profile-schema';
import type { Result } from './errors';

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

/** OpenOCD's scripts folder catalogue, paths relative to it (e.g. "interface/stlink.cfg"). */
export interface ConfigCatalogue {
  scriptsDir: string | null;
  interface: string[];
  target: string[];
  board: string[];
}

export interface TargetEventInfo {
  /** OpenOCD event name, e.g. "halted", "resumed", "reset-start". */
  name: string;
  targetName?: string;
}

const empty = z.object({}).strict();

export const invokeChannels = {
  /** The renderer has subscribed to events: main flushes what it held back. */
  appReady: invoke<null>()(empty),
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
  getLogHistory: invoke<LogLine[]>()(empty),
} as const;

export const eventChannels = {
  status: event<ConnectionStatus>(),
  /** A batch of log lines (about 16 ms or 200 KB each). */
  log: event<LogLine[]>(),
  targetEvent: event<TargetEventInfo>(),
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
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventMethodName<E>;
}

/** Electron IPC channel strings, derived from the names above. */
export const ipcInvokeChannel = (name: InvokeName): string => `bringup:invoke:${name}`;
export const ipcEventChannel = (name: EventName): string => `bringup:event:${name}`;

// ---- the WebSocket wire format (browser mode) ----

export const WS_PATH = '/ws';

export type ClientMessage = { t: 'invoke'; id: number; channel: InvokeName; request: unknown };
export type ServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown };

export const clientMessageSchema = z
  .object({
    t: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().refine(isInvokeName, 'unknown channel'),
    request: z.unknown(),
  })
  .strict();
