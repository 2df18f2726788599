// The sandboxed preload: exposes `window.bringup`, a fixed object with one named
// method per contract channel and one `on<Event>` per event. No generic
// invoke(channel) and no ipcRenderer reach the page. Bundled to CJS by
// scripts/build.mjs (a sandboxed preload may only require 'electron'), which also
// bakes in the contract's channel names: the preload stays a few KB, without zod.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventMethodNameOf as eventMethodName, ipcEventChannelOf as ipcEventChannel, ipcInvokeChannelOf as ipcInvokeChannel } from '../shared/channel-naming';

/** Replaced at build time with the names from shared/contract.ts. */
declare const __BRINGUP_CHANNELS__: { invoke: readonly string[]; events: readonly string[] };
const INVOKE_NAMES = __BRINGUP_CHANNELS__.invoke;
const EVENT_NAMES = __BRINGUP_CHANNELS__.events;

const api: Record<string, unknown> = {};

for (const name of INVOKE_NAMES) {
  const channel = ipcInvokeChannel(name);
  api[name] = (request?: unknown): Promise<unknown> => ipcRenderer.invoke(channel, request ?? {});
}

for (const name of EVENT_NAMES) {
  const channel = ipcEventChannel(name);
  api[eventMethodName(name)] = (listener: (payload: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${eventMethodName(name)} needs a function`);
    // The IpcRendererEvent stays here: the page only ever sees the payload.
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  };
}

contextBridge.exposeInMainWorld('bringup', Object.freeze(api));
