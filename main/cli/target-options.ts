// Choosing the target, shared by every command that talks to a board:
//   --interface CFG --target CFG | --board CFG | --vboard [--fault NAME]... | --connect HOST:PORT
// plus what shapes the OpenOCD we start: --speed, --transport, --reset-config, -c CMD..., --openocd.
// Exactly one target choice; the OpenOCD settings make no sense with --connect (someone
// else's OpenOCD is already configured), so they are refused there rather than ignored.
import type { ConnectionProfile, TransportName } from '../../shared/profile';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { parseFaults } from '../vboard/faults';
import { optionValue, parseNumber, type OptionSpec, type ParsedArgs } from './args';
import { UsageError } from './command';

export const TARGET_OPTIONS: OptionSpec = {
  '--interface': 'value',
  '--target': 'value',
  '--board': 'value',
  '--vboard': 'flag',
  '--fault': 'list',
  '--connect': 'value',
  '--speed': 'value',
  '--transport': 'value',
  '--reset-config': 'value',
  '-c': 'list',
  '--openocd': 'value',
};

export const TARGET_USAGE = '(--interface CFG --target CFG | --board CFG | --vboard | --connect HOST:PORT)';
export const TARGET_CHOICES = 'choose the target with exactly one of: --interface CFG --target CFG, --board CFG, --vboard, --connect HOST:PORT';

const TRANSPORTS: readonly TransportName[] = ['jtag', 'swd', 'hla_swd', 'hla_jtag', 'dapdirect_swd', 'dapdirect_jtag', 'swim'];

/** Where the session comes from: an OpenOCD we start for a profile, or one already running. */
export type TargetChoice =
  | { kind: 'start'; profile: ConnectionProfile; openocdPath?: string }
  | { kind: 'connect'; host: string; port: number };

/** The target choice, or undefined when no target option was given (svd works offline). */
export function targetChoice(p: ParsedArgs): TargetChoice | undefined {
  const iface = optionValue(p, '--interface');
  const target = optionValue(p, '--target');
  const board = optionValue(p, '--board');
  const connect = optionValue(p, '--connect');
  const vboard = p.flags.has('--vboard');
  const chosen = [iface !== undefined || target !== undefined, board !== undefined, vboard, connect !== undefined].filter(Boolean).length;
  if (chosen === 0) {
    if (hasStartSettings(p) || p.values.has('--fault')) throw new UsageError(`OpenOCD settings given but no target: ${TARGET_CHOICES}`);
    return undefined;
  }
  if (chosen > 1) throw new UsageError(TARGET_CHOICES);
  if ((iface === undefined) !== (target === undefined)) {
    throw new UsageError(`${iface === undefined ? '--target' : '--interface'} needs ${iface === undefined ? '--interface' : '--target'} too (or use --board CFG)`);
  }
  const faults = p.values.get('--fault') ?? [];
  if (faults.length > 0 && !vboard) throw new UsageError('--fault only applies to the virtual board (--vboard)');

  if (connect !== undefined) {
    if (hasStartSettings(p)) {
      throw new UsageError('--speed, --transport, --reset-config, -c and --openocd configure an OpenOCD we start; with --connect it is already running');
    }
    return { kind: 'connect', ...parseHostPort(connect) };
  }

  const settings = startSettings(p);
  let profile: ConnectionProfile;
  if (vboard) {
    try {
      parseFaults(faults);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    profile = { ...VBOARD_PROFILE, ...settings, extraCommands: settings.extraCommands, id: 'cli-vboard' };
    if (faults.length > 0) profile.vboardFaults = faults;
  } else {
    profile = { id: 'cli', name: board ?? `${iface as string} + ${target as string}`, kind: 'configs', ...settings };
    if (board !== undefined) profile.boardCfg = board;
    else {
      profile.interfaceCfg = iface as string;
      profile.targetCfg = target as string;
    }
  }
  const openocd = optionValue(p, '--openocd');
  return openocd === undefined ? { kind: 'start', profile } : { kind: 'start', profile, openocdPath: openocd };
}

function hasStartSettings(p: ParsedArgs): boolean {
  return ['--speed', '--transport', '--reset-config', '-c', '--openocd'].some((o) => p.values.has(o));
}

/** The profile fields the OpenOCD settings options fill in (only those given). */
function startSettings(p: ParsedArgs): Pick<ConnectionProfile, 'adapterSpeedKhz' | 'transport' | 'resetConfig' | 'extraCommands'> {
  const out: Pick<ConnectionProfile, 'adapterSpeedKhz' | 'transport' | 'resetConfig' | 'extraCommands'> = {
    extraCommands: p.values.get('-c') ?? [],
  };
  const speed = optionValue(p, '--speed');
  if (speed !== undefined) out.adapterSpeedKhz = parseNumber(speed, '--speed (kHz)', { min: 1, max: 1_000_000 });
  const transport = optionValue(p, '--transport');
  if (transport !== undefined) {
    if (!(TRANSPORTS as readonly string[]).includes(transport)) throw new UsageError(`--transport must be one of ${TRANSPORTS.join(', ')}, not '${transport}'`);
    out.transport = transport as TransportName;
  }
  const reset = optionValue(p, '--reset-config');
  if (reset !== undefined) out.resetConfig = reset;
  return out;
}

/** "HOST:PORT", "PORT" (localhost) or "[::1]:PORT". */
export function parseHostPort(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]:|([^:]*):)?(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--connect needs HOST:PORT (OpenOCD's tcl port, e.g. 127.0.0.1:6666), not '${text}'`);
  const host = m[1] ?? (m[2] || '127.0.0.1');
  return { host, port: parseNumber(m[3] as string, '--connect port', { min: 1, max: 65535 }) };
}
