// What a Host needs: the one controller, the profile store and the scripts
// catalogue, plus the panels' shared state (the live session, staged images, the
// flash job, the board's fault switches). Built once per process
// (main/host/create-services.ts) and shared by every window or socket.
import type { DetectedAdapter } from '../../shared/adapters';
import type { ConfigCatalogue } from '../../shared/contract';
import type { OpenOcdControllerImpl } from '../openocd/controller';
import type { ProfileStore } from '../profiles/store';
import type { SettingsStore } from '../settings/store';
import type { BoardSwitches } from './board-switches';
import type { CheckRunner } from './check-runner';
import type { StationService } from './station-service';
import type { FlashJobs } from './flash-jobs';
import type { FlashHistoryStore } from '../flash-history/history-store';
import type { ImageStore } from './image-store';
import type { SessionHolder } from './session-holder';

export interface HostServices {
  controller: OpenOcdControllerImpl;
  /** The user-data folder (profiles, settings, check reports). */
  userDataDir: string;
  profiles: ProfileStore;
  /** The app's settings (settings.json); the controller reads the OpenOCD path from it at each start. */
  settings: SettingsStore;
  listConfigs(): Promise<ConfigCatalogue>;
  /** Debug adapters on USB now (main/adapters). */
  listAdapters(): Promise<DetectedAdapter[]>;
  sessions: SessionHolder;
  images: ImageStore;
  flashJobs: FlashJobs;
  /** The last flashes, for the panel's history and "Flash again". */
  flashHistory: FlashHistoryStore;
  board: BoardSwitches;
  /** The power-on check (one at a time for the process, like the flash job). */
  checks: CheckRunner;
  /** The production station (one per process, shared by every window). */
  station: StationService;
  /** The desktop app's open-file dialog; absent in browser mode. Resolves undefined when cancelled. */
  chooseFile?: (kind?: 'image' | 'svd') => Promise<string | undefined>;
}
