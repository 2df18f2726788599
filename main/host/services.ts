// What a Host needs: the one controller, the profile store and the scripts
// catalogue. Built once per process (main/host/create-services.ts) and shared
// by every window or socket.
import type { ConfigCatalogue } from '../../shared/contract';
import type { OpenOcdController } from '../openocd/controller-api';
import type { ProfileStore } from '../profiles/store';

export interface HostServices {
  controller: OpenOcdController;
  profiles: ProfileStore;
  listConfigs(): Promise<ConfigCatalogue>;
}
