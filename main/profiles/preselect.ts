// Which profile the app opens with: the one last connected, except that with no debug
// adapter on USB a hardware profile cannot connect, so the virtual board is preselected.
import type { DetectedAdapter } from '../../shared/adapters';
import type { ProfileList } from '../../shared/contract';
import { VBOARD_PROFILE_ID } from '../../shared/profile';

/** `adapters` undefined = the scan failed: keep the last used profile. */
export function preselectProfile(list: ProfileList, adapters: readonly DetectedAdapter[] | undefined): ProfileList {
  if (adapters === undefined || adapters.length > 0) return list;
  const selected = list.profiles.find((p) => p.id === list.selectedId);
  if (selected?.kind !== 'configs') return list;
  return { ...list, selectedId: VBOARD_PROFILE_ID };
}
