// One zustand store, in slices. Components read it with useStore(selector);
// everything that changes it lives in ./actions and the *-actions modules.
import { create } from 'zustand';
import { createBoardSlice, type BoardSlice } from './board-slice';
import { createCheckSlice, type CheckSlice } from './check-slice';
import { createStationSlice, type StationSlice } from './station-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createConsoleSlice, type ConsoleSlice } from './console-slice';
import { createDiagnoseSlice, type DiagnoseSlice } from './diagnose-slice';
import { createFlashSlice, type FlashSlice } from './flash-slice';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';
import { createMemorySlice, type MemorySlice } from './memory-slice';
import { createProfilesSlice, type ProfilesSlice } from './profiles-slice';
import { createTargetSlice, type TargetSlice } from './target-slice';
import { createRttSlice, type RttSlice } from './rtt-slice';
import { createPeriphSlice, type PeriphSlice } from './periph-slice';
import { createDebugSlice, type DebugSlice } from './debug-slice';

export type AppState = ConnectionSlice &
  ConsoleSlice &
  ProfilesSlice &
  DiagnoseSlice & LayoutSlice & MemorySlice & TargetSlice & FlashSlice & BoardSlice & RttSlice & CheckSlice & StationSlice & PeriphSlice & DebugSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createConsoleSlice(...a),
  ...createProfilesSlice(...a),
  ...createDiagnoseSlice(...a),
  ...createLayoutSlice(...a),
  ...createMemorySlice(...a),
  ...createTargetSlice(...a),
  ...createFlashSlice(...a),
  ...createBoardSlice(...a),
  ...createRttSlice(...a),
  ...createCheckSlice(...a),
  ...createStationSlice(...a),
  ...createPeriphSlice(...a),
  ...createDebugSlice(...a),
}));
