// Whether a failed connect never reached the debug port: the signatures after which
// connecting under reset is worth one automatic retry (firmware that takes or sleeps
// the debug pins gives exactly these, as do power and wiring faults).
import type { ConnectionProfile } from '../../shared/profile';
import type { DiagnoseLogLine } from './types';

const CANNOT_REACH: readonly RegExp[] = [
  /JTAG scan chain interrogation failed: all (ones|zeroes)/, // src/jtag/core.c
  /IR capture error/, // src/jtag/core.c
  /init mode failed \(unable to connect to the target\)/, // src/jtag/drivers/stlink_usb.c
  /Error connecting DP/, // src/target/adi_v5_swd.c
  /CMSIS-DAP failed to connect in mode/, // src/jtag/drivers/cmsis_dap.c
  /DP initialisation failed/, // src/target/cortex_m.c
  /jtag status contains invalid mode value/, // src/target/hla_target.c
  /target \S+ examination failed/, // src/target/target.c
];

export function cannotReachDebugPort(log: ReadonlyArray<string | DiagnoseLogLine>): boolean {
  return log.some((l) => {
    const text = typeof l === 'string' ? l : l.text;
    return CANNOT_REACH.some((re) => re.test(text));
  });
}

/** Retry under reset only where it can help and was not already the setting. */
export function shouldRetryUnderReset(profile: ConnectionProfile | undefined, log: ReadonlyArray<string | DiagnoseLogLine>): boolean {
  if (!profile?.nrstWired) return false;
  if (/connect_assert_srst/.test(profile.resetConfig ?? '') || profile.extraCommands.some((c) => /connect_assert_srst/.test(c))) return false;
  return cannotReachDebugPort(log);
}
