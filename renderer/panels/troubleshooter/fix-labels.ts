// Button labels for the fixes the app can apply; steps without one are instructions only.
import type { FindingStep, FixAction } from '../../../shared/diagnose';
import { SLOW_ADAPTER_KHZ } from '../../../shared/troubleshoot';

/** Actions that open a guided flow instead of calling main. */
export const FLOW_ACTIONS: Partial<Record<FixAction, 'voltage' | 'wiring' | 'udev'>> = {
  'measure-voltage': 'voltage',
  'check-wiring': 'wiring',
};

export function fixLabel(step: FindingStep): string | undefined {
  const a = step.action;
  const args = step.args ?? {};
  switch (a) {
    case 'retry-connect-under-reset': return args.keep ? 'Keep connect-under-reset in this profile' : 'Retry with connect-under-reset';
    case 'lower-adapter-speed': return args.keep ? 'Keep this speed in the profile' : `Retry at ${args.khz ?? SLOW_ADAPTER_KHZ} kHz`;
    case 'suggest-cfg':
    case 'suggest-target-for-idcode': return args.cfg ? `Use ${args.cfg}` : undefined;
    case 'set-cputapid': return args.cputapid ? `Set CPUTAPID ${args.cputapid}` : undefined;
    case 'add-gdb-attach-reset-init': return 'Add gdb-attach { reset init }';
    case 'unlock-flash': return 'Unlock (erases the flash)';
    case 'remove-write-protection': return 'Remove write protection';
    case 'mass-erase': return 'Mass erase (erases the whole flash)';
    case 'halt-target': return 'Reset and halt';
    case 'free-ports': return 'Reconnect on free ports';
    case 'udev-rule': return 'Show the udev rule';
    case 'measure-voltage': return 'Check the voltage';
    case 'check-wiring': return 'Check the wiring';
    default: return undefined;
  }
}
