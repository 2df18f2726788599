// The sender check every IPC message passes before it reaches the host: our own
// window's main frame, showing our own page, and a webContents we know.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Host } from '../main/host';

const handlers = new Map<string, (event: IpcMainInvokeEvent, request: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: IpcMainInvokeEvent, request: unknown) => Promise<unknown>) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { isTrustedSender, registerIpc } = await import('./ipc');
const { ipcInvokeChannel } = await import('../shared/contract');

const PAGE = 'file:///opt/bringup/resources/app.asar/dist/renderer/index.html';

function makeEvent(opts: { url?: string; subframe?: boolean; wc?: WebContents } = {}): IpcMainInvokeEvent {
  const mainFrame = { url: opts.url ?? PAGE };
  const wc = opts.wc ?? ({ id: 1, mainFrame } as unknown as WebContents);
  const senderFrame = opts.subframe ? { url: opts.url ?? PAGE } : (wc as unknown as { mainFrame: unknown }).mainFrame;
  return { sender: wc, senderFrame } as unknown as IpcMainInvokeEvent;
}

const host = { handle: vi.fn(async () => ({ ok: true, value: 'ran' })) } as unknown as Host;
const known = makeEvent().sender;
const deps = { pageUrl: PAGE, hostFor: (wc: WebContents) => (wc === known ? host : undefined) };

describe('isTrustedSender', () => {
  it('accepts our window, its main frame, our page (query and hash aside)', () => {
    expect(isTrustedSender(makeEvent({ wc: known }), deps)).toBe(true);
    const withQuery = { id: 1, mainFrame: { url: `${PAGE}?x=1#top` } } as unknown as WebContents;
    expect(isTrustedSender(makeEvent({ wc: withQuery }), { ...deps, hostFor: () => host })).toBe(true);
  });
  it('refuses a subframe', () => {
    expect(isTrustedSender(makeEvent({ wc: known, subframe: true }), deps)).toBe(false);
  });
  it('refuses another URL', () => {
    const other = { id: 1, mainFrame: { url: 'https://evil.example/index.html' } } as unknown as WebContents;
    expect(isTrustedSender(makeEvent({ wc: other }), { ...deps, hostFor: () => host })).toBe(false);
    const otherFile = { id: 1, mainFrame: { url: 'file:///tmp/index.html' } } as unknown as WebContents;
    expect(isTrustedSender(makeEvent({ wc: otherFile }), { ...deps, hostFor: () => host })).toBe(false);
  });
  it('refuses an unknown webContents', () => {
    expect(isTrustedSender(makeEvent(), deps)).toBe(false);
  });
  it('refuses a sender without a frame (destroyed)', () => {
    expect(isTrustedSender({ sender: known, senderFrame: null } as unknown as IpcMainInvokeEvent, deps)).toBe(false);
  });
});

describe('registerIpc', () => {
  beforeEach(() => {
    handlers.clear();
    vi.mocked(host.handle).mockClear();
  });
  it('runs a trusted request on the host and refuses others as a value, without reaching the host', async () => {
    const off = registerIpc(deps);
    const status = handlers.get(ipcInvokeChannel('getStatus'));
    expect(status).toBeDefined();
    await expect(status?.(makeEvent({ wc: known }), {})).resolves.toEqual({ ok: true, value: 'ran' });
    const refused = await status?.(makeEvent({ wc: known, subframe: true }), {});
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ValidationError', message: expect.stringContaining('sender') } });
    expect(host.handle).toHaveBeenCalledTimes(1);
    off();
    expect(handlers.size).toBe(0);
  });
});
