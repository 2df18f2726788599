// Builds the per-process services every Host shares: one OpenOCD controller,
// the profile store in the user-data folder, the scripts catalogue.
import type { ConfigCatalogue } from '../../shared/contract';
import { createController } from '../openocd/controller';
import type { ControllerOptions } from '../openocd/controller-api';
import { findOpenOcd } from '../openocd/binary';
import { findScriptsDir, listConfigs } from '../openocd/scripts';
import { createProfileStore } from '../profiles/store';
import type { HostServices } from './services';

export interface ServiceOptions {
  userDataDir: string;
  controller?: ControllerOptions;
}

export function createServices(opts: ServiceOptions): HostServices {
  const controller = createController(opts.controller ?? {});
  const profiles = createProfileStore(opts.userDataDir);
  let scriptsDir: Promise<string | undefined> | undefined;

  const findScripts = async (): Promise<string | undefined> => {
    if (opts.controller?.scriptsDir) return opts.controller.scriptsDir;
    let bin: string | undefined;
    try {
      bin = (await findOpenOcd({ setting: opts.controller?.openocdPath })).path;
    } catch {
      bin = undefined; // no OpenOCD: the standard folders may still exist
    }
    return findScriptsDir(bin);
  };

  return {
    controller,
    profiles,
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
}
