// ipcMain registration, derived from the contract: one handler per invoke
// channel. Every message's sender is checked (our own window, its main frame,
// our own file:// page) before the host validates and runs it.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_NAMES, ipcInvokeChannel } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { Host } from '../main/host';

export interface IpcDeps {
  /** The host of one of our windows, or undefined for any other webContents. */
  hostFor(sender: WebContents): Host | undefined;
  /** The renderer page's file:// URL, without query or hash. */
  pageUrl: string;
}

const refused: Result<never> = {
  ok: false,
  error: { kind: 'ValidationError', message: 'sender: this message did not come from the workbench window' },
};

export function isTrustedSender(event: IpcMainInvokeEvent, deps: IpcDeps): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return `${url.protocol}//${url.host}${url.pathname}` === deps.pageUrl && deps.hostFor(event.sender) !== undefined;
}

export function registerIpc(deps: IpcDeps): () => void {
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(ipcInvokeChannel(name), async (event, request: unknown) => {
      if (!isTrustedSender(event, deps)) return refused;
      const host = deps.hostFor(event.sender);
      return host ? host.handle(name, request) : refused;
    });
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(ipcInvokeChannel(name));
  };
}
