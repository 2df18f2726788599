// One zustand store, in slices. Components read it with useStore(selector);
// everything that changes it lives in ./actions (module-level functions).
import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createConsoleSlice, type ConsoleSlice } from './console-slice';
import { createProfilesSlice, type ProfilesSlice } from './profiles-slice';

export type AppState = ConnectionSlice & ConsoleSlice & ProfilesSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createConsoleSlice(...a),
  ...createProfilesSlice(...a),
}));
