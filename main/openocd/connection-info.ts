// ConnectionInfo from a freshly started OpenOCD: each fact is one TCL query
// whose reply we parse. A query that fails leaves its field out; the
// connection is still usable (e.g. no target configured yet).
import type { ConnectionInfo, TapInfo, TargetState } from '../../shared/connection';
import { versionFromBanner } from './binary';

export interface Querier {
  /** Runs a command; resolves undefined on any failure. */
  (tcl: string): Promise<string | undefined>;
}

// scan_chain rows (src/jtag/tcl.c, handle_scan_chain_command):
//   "%2d %-18s     %c     0x%08x %s %5d 0x%02x  0x%02x"  then one line per extra expected id.
// With `-ignore-version` the first digit of the expected id is printed as '*'.
const ROW = /^\s*\d+\s+(\S+)\s+([Yn])\s+0x([0-9a-fA-F]{8})\s+0x([0-9a-fA-F*]{8})\s+(\d+)\s+0x[0-9a-fA-F]+\s+0x[0-9a-fA-F]+\s*$/;
const EXTRA_ID = /^\s+0x([0-9a-fA-F*]{8})\s*$/;

export function parseScanChain(text: string): TapInfo[] {
  const taps: TapInfo[] = [];
  for (const line of text.split('\n')) {
    const row = ROW.exec(line);
    if (row) {
      const expected = hexId(row[4] as string);
      taps.push({
        name: row[1] as string,
        enabled: row[2] === 'Y',
        idcode: parseInt(row[3] as string, 16) >>> 0,
        // OpenOCD prints 0x00000000 when no -expected-id was given.
        expected: expected === 0 ? [] : [expected],
        irLength: Number(row[5]),
      });
      continue;
    }
    const extra = EXTRA_ID.exec(line);
    const last = taps[taps.length - 1];
    if (extra && last) last.expected.push(hexId(extra[1] as string));
  }
  return taps;
}

function hexId(s: string): number {
  return parseInt(s.replace('*', '0'), 16) >>> 0;
}

/** "adapter speed: 1000 kHz" → 1000 */
export function parseAdapterSpeed(text: string): number | undefined {
  const m = /(\d+)\s*kHz/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** target_state_name() values (target.c): unknown, running, halted, reset, debug-running. */
export function toTargetState(name: string | undefined): TargetState {
  switch (name?.trim()) {
    case 'running':
    case 'debug-running':
      return 'running';
    case 'halted':
      return 'halted';
    case 'reset':
      return 'reset';
    default:
      return 'unknown';
  }
}

/** What OpenOCD says at init for a driver without speed control (src/jtag/adapter.c, adapter_init). */
export const FIXED_SPEED_LINE = "This adapter doesn't support configurable speed";

export async function gatherConnectionInfo(
  query: Querier,
  opts: { speedConfigurable?: boolean } = {},
): Promise<{ info: ConnectionInfo; target: TargetState }> {
  // Sequential on purpose: the RPC connection runs one command at a time anyway.
  const version = await query('version');
  const adapter = await query('adapter name');
  const transport = await query('transport select');
  // Asking a fixed-speed adapter (remote_bitbang, ...) for its speed makes OpenOCD log two
  // "Translation ... not implemented" errors: alarming red lines for nothing.
  const speed = opts.speedConfigurable === false ? undefined : await query('adapter speed');
  const chain = await query('scan_chain');
  const targetName = (await query('target current'))?.trim();
  const state = targetName ? await query(`${targetName} curstate`) : undefined;
  const info: ConnectionInfo = { taps: chain ? parseScanChain(chain) : [] };
  const v = version ? (versionFromBanner(version) ?? version.trim()) : undefined;
  if (v) info.openocdVersion = v;
  if (adapter?.trim()) info.adapter = adapter.trim();
  if (transport?.trim()) info.transport = transport.trim();
  const khz = speed ? parseAdapterSpeed(speed) : undefined;
  if (khz !== undefined) info.adapterSpeedKhz = khz;
  if (targetName) info.targetName = targetName;
  return { info, target: toTargetState(state) };
}
