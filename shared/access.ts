// Who may do what over `bringup serve`. The operator's token may use every channel; a
// supervisor's view-only token may open the UI, receive every event and call only the
// channels below (they read, never change the bench, the probe or the board). Anything
// not listed is refused for the view token, so a channel added later is safe by default:
// list it here only once it is known to change nothing.
import type { InvokeName } from './contract';

export type Access = 'operator' | 'view';

export const READ_ONLY_CHANNELS: ReadonlySet<InvokeName> = new Set<InvokeName>([
  'appReady',
  'getAccess',
  'getStatus',
  'listProfiles',
  'listConfigs',
  'listAdapters',
  'getLogHistory',
  'getBoard',
  'getSettings',
  'listCheckReports',
  'stationView',
  'stationExport',
  'gdbState',
  'symbolInfo',
  'lookupSymbols',
  // The workbench panels' views (issue 11): the SVD model, the breakpoint lists, why the core halted.
  'svdModel',
  'debugPoints',
  'haltInfo',
  // Disassembly (issue 12): reads memory around the PC, changes nothing.
  'disassemble',
  // The Device panel's read (issue 11): ids and option bytes; the option-bytes write is not listed.
  'deviceInfo',
  // The flash panel's history of recent flashes (issue 11).
  'flashHistory',
]);

export function allowedFor(access: Access, channel: InvokeName): boolean {
  return access === 'operator' || READ_ONLY_CHANNELS.has(channel);
}

/** The words a refused call carries (the renderer shows them as any error). */
export function viewOnlyRefusal(channel: InvokeName): { message: string; hint: string } {
  return {
    message: `view-only access: '${channel}' changes the bench and is refused for this token`,
    hint: 'This page was opened with the supervisor (view-only) address. Use the operator address that `bringup serve` printed to drive the station.',
  };
}
