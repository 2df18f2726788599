// Profiles that ship with the app and cannot be edited or deleted.
import { VBOARD_PROFILE_ID, type ConnectionProfile } from '../../shared/profile';

export const VBOARD_PROFILE: ConnectionProfile = Object.freeze({
  id: VBOARD_PROFILE_ID,
  name: 'Virtual board (STM32F103 Blue Pill)',
  kind: 'vboard',
  targetCfg: 'target/stm32f1x.cfg',
  // No transport or speed: vboard.cfg selects JTAG itself, and remote_bitbang has no
  // speed setting (OpenOCD would warn at every connect about either).
  // The board's remote_bitbang link drives SRST, like a probe with NRST wired.
  nrstWired: true,
  extraCommands: Object.freeze([]) as unknown as string[],
}) as ConnectionProfile;

export const BUILTIN_PROFILES: readonly ConnectionProfile[] = [VBOARD_PROFILE];

export function isBuiltinProfile(id: string): boolean {
  return BUILTIN_PROFILES.some((p) => p.id === id);
}
