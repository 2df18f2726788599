// What `bringup adapters` prints: one block per adapter (name, VID:PID, serial, access,
// suggested interface script, how to pick it when several are attached), then how to fix
// access. The JSON form carries the same facts for scripts.
import type { DetectedAdapter } from '../../shared/adapters';
import { CONNECTORS } from '../../shared/pinouts';
import { selectAdapter, type AdapterSelection } from './select';
import { udevInstallScript, windowsDriverHint } from './udev';

export const NO_ADAPTER_MESSAGE =
  'No debug adapter found.\n' +
  'Plug one in (and check the cable carries data), or try the virtual board: bringup serve --demo\n';

export interface AdapterReportOptions {
  platform?: NodeJS.Platform;
}

function accessText(a: DetectedAdapter): string {
  if (a.permissionOk === true) return 'access ok';
  if (a.permissionOk === false) return 'NO ACCESS (udev rule needed)';
  if (a.devicePath) return 'access unknown (no device node)';
  return a.driver ? `driver ${a.driver}` : 'access not checked';
}

function describe(a: DetectedAdapter, sel: AdapterSelection): string[] {
  const lines = [`${a.name}  ${a.vid}:${a.pid}  serial ${a.openocdSerial ?? '(none)'}  ${accessText(a)}`];
  if (a.product && a.product !== a.name) lines.push(`  USB product: ${a.product}${a.manufacturer ? ` (${a.manufacturer})` : ''}`);
  if (a.usbLocation) lines.push(`  USB location: ${a.usbLocation}${a.devicePath ? `  (${a.devicePath})` : ''}`);
  if (a.openocdSerial !== null && a.serial !== a.openocdSerial) lines.push(`  (the probe reports a raw-byte serial; OpenOCD knows it as ${a.openocdSerial})`);
  if (a.interfaceCfg) lines.push(`  OpenOCD: -f ${a.interfaceCfg}`);
  const k = a.known;
  if (k) {
    lines.push(`  transport: ${k.defaultTransport}${k.transports.length > 1 ? ` (also ${k.transports.filter((t) => t !== k.defaultTransport).join(', ')})` : ''}` +
      `   target voltage reported: ${k.reportsTargetVoltage ? 'yes' : 'no'}`);
    const conn = k.connectors[0];
    if (conn) lines.push(`  connector: ${CONNECTORS[conn].title}`);
    if (k.note) lines.push(`  note: ${k.note}`);
  }
  if (sel.commands.length > 0) lines.push(`  several attached, pick this one with: ${sel.commands.map((c) => `-c "${c}"`).join(' ')}`);
  if (sel.legacyCommands.length > 0 && sel.legacyCommands.join() !== sel.commands.join()) lines.push(`  (OpenOCD before 0.12: ${sel.legacyCommands.map((c) => `-c "${c}"`).join(' ')})`);
  if (sel.warning && sel.warning !== k?.note) lines.push(`  warning: ${sel.warning}`);
  return lines;
}

export function formatAdapters(adapters: readonly DetectedAdapter[], opts: AdapterReportOptions = {}): string {
  if (adapters.length === 0) return NO_ADAPTER_MESSAGE;
  const platform = opts.platform ?? process.platform;
  const out: string[] = [`${adapters.length} debug adapter${adapters.length === 1 ? '' : 's'} found:`, ''];
  for (const a of adapters) out.push(...describe(a, selectAdapter(adapters, a)), '');

  const denied = adapters.filter((a) => a.permissionOk === false);
  if (denied.length > 0) {
    out.push('You cannot open ' + (denied.length === 1 ? 'this adapter' : 'these adapters') + ' (OpenOCD would fail with LIBUSB_ERROR_ACCESS). Install a udev rule:', '');
    out.push(udevInstallScript(denied).trimEnd(), 'Then unplug and replug the adapter.', '');
  }
  if (platform === 'win32') {
    for (const a of adapters) out.push(`${a.name}: ${windowsDriverHint(a.family, a.driver)}`);
    out.push('');
  }
  return out.join('\n');
}

/** The JSON form: every detected field plus the selection advice. */
export function adaptersToJson(adapters: readonly DetectedAdapter[]): { adapters: (DetectedAdapter & { selection: AdapterSelection })[] } {
  return { adapters: adapters.map((a) => ({ ...a, selection: selectAdapter(adapters, a) })) };
}
