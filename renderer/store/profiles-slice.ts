import type { StateCreator } from 'zustand';
import type { ConnectionProfile } from '../../shared/profile';
import type { ConfigCatalogue } from '../../shared/contract';
import type { ErrorValue } from '../../shared/errors';

export interface ProfilesSlice {
  profiles: ConnectionProfile[];
  selectedId?: string;
  catalogue?: ConfigCatalogue;
  /** The profile being edited (a copy), or undefined when the editor is closed. */
  editing?: ConnectionProfile;
  editorError?: ErrorValue;
}

export const createProfilesSlice: StateCreator<ProfilesSlice, [], [], ProfilesSlice> = () => ({
  profiles: [],
});
