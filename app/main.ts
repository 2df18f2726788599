// Electron main process: lifecycle, the window, and wiring the host to IPC.
// No business logic here (that is main/); this is the only folder that imports electron.
import { app, BrowserWindow, dialog, session, type WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcEventChannel } from '../shared/contract';
import { createHost, type Host } from '../main/host';
import { createServices } from '../main/host/create-services';
import { killAll } from '../main/openocd/registry';
import { stopWork, type StoppedWork } from '../main/host/stop-work';
import type { HostServices } from '../main/host/services';
import { registerIpc } from './ipc';
import { QUIT_STOP_TIMEOUT_MS, stopWithin, workbenchWindowOptions } from './window-options';
import { electronUserDataDir } from '../main/profiles/user-data';

const RENDERER_INDEX = path.join(__dirname, '..', 'renderer', 'index.html');
const PAGE_URL = pathToFileURL(RENDERER_INDEX).href;
const PRELOAD = path.join(__dirname, 'preload.js');

// The same folder `bringup serve` and the CLI use (main/profiles/user-data.ts): named after the
// product, not package.json's name, whether packaged or run from the tree. Tests (and users who
// want a portable setup) move all app data with BRINGUP_USER_DATA.
app.setPath('userData', electronUserDataDir(app.getPath('appData')));
app.enableSandbox();

const hosts = new Map<number, Host>();
let services: HostServices | undefined;

function createWindow(svc: HostServices): BrowserWindow {
  // The hardening is written out here as well as in workbenchWindowOptions (which its unit test
  // holds): a scanner such as Electronegativity reads only the literal at `new BrowserWindow`.
  const { webPreferences, ...frame } = workbenchWindowOptions(PRELOAD);
  const win = new BrowserWindow({
    ...frame,
    webPreferences: { ...webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  const wc = win.webContents;
  const id = wc.id;
  const host = createHost(svc, (name, payload) => {
    if (!wc.isDestroyed()) wc.send(ipcEventChannel(name), payload);
  });
  hosts.set(id, host);
  // A reload: hold events until the new page says it is ready.
  wc.on('did-start-loading', () => host.pageReset());
  wc.on('render-process-gone', (_e, details) => {
    console.error(`renderer gone (${details.reason}); stopping OpenOCD`);
    void svc.controller.stop();
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    host.dispose();
    hosts.delete(id);
  });
  void win.loadFile(RENDERER_INDEX);
  return win;
}

/** Navigation, new windows, webviews and permission prompts: all refused. */
function lockDown(): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== PAGE_URL) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** The flash panel's "Choose…" (and the Peripherals panel's "Open SVD…"): a native open dialog over the focused window. */
async function chooseImageFile(kind: 'image' | 'svd' = 'image'): Promise<string | undefined> {
  const options: Electron.OpenDialogOptions =
    kind === 'svd'
      ? {
          title: "Open the chip's SVD file",
          properties: ['openFile'],
          filters: [
            { name: 'CMSIS-SVD files', extensions: ['svd', 'xml'] },
            { name: 'All files', extensions: ['*'] },
          ],
        }
      : {
          title: 'Choose a firmware image',
          properties: ['openFile'],
          filters: [
            { name: 'Firmware images', extensions: ['bin', 'hex', 'ihex', 'elf', 'axf', 'out', 's19', 'srec', 'mot'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
  const parent = BrowserWindow.getFocusedWindow();
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return r.canceled ? undefined : r.filePaths[0];
}

let quitting = false;
/** Stop OpenOCD politely (the controller kills it after a timeout), then leave; never stall the quit. */
async function shutdown(why: string, exitCode = 0): Promise<void> {
  if (quitting) return;
  quitting = true;
  try {
    const svc = services;
    // A flash in progress stops after the chunk in flight and says where (the window gets
    // its final event); a cut-off flash is a failure: exit 1 (issue 17).
    let work: StoppedWork = {};
    const stop = async (): Promise<void> => {
      if (svc) work = await stopWork(svc, why);
    };
    if (svc && !(await stopWithin(stop, QUIT_STOP_TIMEOUT_MS))) {
      console.error(`OpenOCD did not stop within ${QUIT_STOP_TIMEOUT_MS / 1000} s; killing it`);
    }
    if (work.flash !== undefined) {
      console.error(`bringup: ${work.flash}`);
      exitCode = 1;
    }
  } finally {
    killAll('SIGKILL'); // backstop: nothing outlives the app, whatever stop() ran into
    app.exit(exitCode);
  }
}

app.on('before-quit', (event) => {
  if (quitting) return;
  event.preventDefault();
  void shutdown('the app was closed');
});
app.on('window-all-closed', () => void shutdown('the window was closed'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void shutdown(sig));

void app.whenReady().then(() => {
  lockDown();
  services = createServices({ userDataDir: app.getPath('userData'), chooseFile: chooseImageFile });
  registerIpc({ hostFor: (wc) => hosts.get(wc.id), pageUrl: PAGE_URL });
  createWindow(services);
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) createWindow(services);
  });
});
