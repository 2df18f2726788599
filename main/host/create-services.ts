// Builds the per-process services every Host shares: one OpenOCD controller,
// the profile store in the user-data folder, the scripts catalogue.
import type { ConfigCatalogue } from '../../shared/contract';
import type { DetectedAdapter } from '../../shared/adapters';
import { listAdapters, type ListAdaptersOptions } from '../adapters/list';
import { createController } from '../openocd/controller';
import { resolveOpenOcdPath, type ControllerOptions } from '../openocd/controller-api';
import { createSettingsStore } from '../settings/store';
import { findOpenOcd } from '../openocd/binary';
import { findScriptsDir, listConfigs } from '../openocd/scripts';
import { createProfileStore } from '../profiles/store';
import { BoardSwitches } from './board-switches';
import { CheckRunner } from './check-runner';
import { StationService } from './station-service';
import { FlashJobs } from './flash-jobs';
import { FlashHistoryStore } from '../flash-history/history-store';
import { ImageStore } from './image-store';
import type { HostServices } from './services';
import { SessionHolder } from './session-holder';

export interface ServiceOptions {
  userDataDir: string;
  controller?: ControllerOptions;
  /** The desktop app's open-file dialog (app/main.ts passes Electron's). */
  chooseFile?: (kind?: 'image' | 'svd') => Promise<string | undefined>;
  /** Where to look for USB adapters (tests point it at a fake sysfs); BRINGUP_SYSFS_ROOT does the same. */
  adapters?: ListAdaptersOptions;
}

export function createServices(opts: ServiceOptions): HostServices {
  const settings = createSettingsStore(opts.userDataDir);
  // An explicit path (`bringup serve --openocd`) wins; otherwise the saved setting, read at each start.
  const controllerOpts: ControllerOptions = {
    // The app's virtual board stays on the bench between connects (its flash, fixes and switches persist).
    keepBoardBetweenRuns: true,
    ...opts.controller,
    openocdPath: opts.controller?.openocdPath ?? (async () => (await settings.get()).openocdPath),
  };
  const controller = createController(controllerOpts);
  const profiles = createProfileStore(opts.userDataDir);
  let scriptsDir: Promise<string | undefined> | undefined;

  const findScripts = async (): Promise<string | undefined> => {
    if (opts.controller?.scriptsDir) return opts.controller.scriptsDir;
    let bin: string | undefined;
    try {
      bin = (await findOpenOcd({ setting: await resolveOpenOcdPath(controllerOpts) })).path;
    } catch {
      bin = undefined; // no OpenOCD: the standard folders may still exist
    }
    return findScriptsDir(bin);
  };

  let scanning: Promise<DetectedAdapter[]> | undefined;
  const services: HostServices = {
    controller,
    userDataDir: opts.userDataDir,
    profiles,
    settings,
    sessions: new SessionHolder(controller),
    images: new ImageStore(),
    flashJobs: new FlashJobs(),
    flashHistory: new FlashHistoryStore(opts.userDataDir),
    board: new BoardSwitches(controller, (id) => profiles.get(id)),
    // The runner reads the other services when a check runs, so it can take the finished object.
    checks: new CheckRunner(() => services),
    station: new StationService(() => services),
    ...(opts.chooseFile ? { chooseFile: opts.chooseFile } : {}),
    // Callers at the same moment (the page's start-up asks for profiles, which preselect by
    // what is plugged in, and for the adapter list) share one USB scan; the next call scans anew.
    listAdapters: () => {
      scanning ??= (async () => {
        const sysfsRoot = opts.adapters?.sysfsRoot ?? process.env.BRINGUP_SYSFS_ROOT;
        return listAdapters({ ...opts.adapters, ...(sysfsRoot ? { sysfsRoot } : {}) });
      })().finally(() => (scanning = undefined));
      return scanning;
    },
    async listConfigs(): Promise<ConfigCatalogue> {
      scriptsDir ??= findScripts();
      const dir = await scriptsDir;
      if (!dir) {
        scriptsDir = undefined; // try again next time: OpenOCD may get installed meanwhile
        return { scriptsDir: null, interface: [], target: [], board: [] };
      }
      return { scriptsDir: dir, ...(await listConfigs(dir)) };
    },
  };
  return services;
}
