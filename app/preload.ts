// The sandboxed preload: exposes `window.bringup`, a fixed object with one named
// method per contract channel and one `on<Event>` per event. No generic
// invoke(channel) and no ipcRenderer reach the page. Bundled to CJS by
// scripts/build.mjs (a sandboxed preload may only require 'electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, INVOKE_NAMES, eventMethodName, ipcEventChannel, ipcInvokeChannel } from '../shared/contract';

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
