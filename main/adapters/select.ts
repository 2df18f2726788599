// How to make OpenOCD open one particular adapter when several could answer. OpenOCD
// opens the first device its interface script matches, so a second probe of the same
// kind makes the choice random until the config names one by serial (or USB location).
import type { AdapterFamily, DetectedAdapter } from '../../shared/adapters';
import { tclWord } from '../session/tcl';

export interface AdapterSelection {
  /** Interface script to load (-f), relative to the scripts folder; null when none fits on its own. */
  interfaceCfg: string | null;
  /** Config commands (-c) for OpenOCD 0.12+, empty when this adapter is the only candidate. */
  commands: string[];
  /** The same for OpenOCD before 0.12, where each driver had its own serial command. */
  legacyCommands: string[];
  /** Ready-made openocd arguments: -f <cfg> then -c <command> ... */
  openocdArgs: string[];
  /** Why the choice cannot be made reliably, when it cannot. */
  warning?: string;
}

const LEGACY_SERIAL_COMMAND: Partial<Record<AdapterFamily, string>> = {
  stlink: 'hla_serial',
  jlink: 'jlink serial',
  'cmsis-dap': 'cmsis_dap_serial',
  ftdi: 'ftdi_serial',
  xds110: 'xds110_serial',
};

/** Drivers that honour `adapter usb location` in OpenOCD 0.12 (libusb helper, ftdi, jlink). */
const LOCATION_FAMILIES: ReadonlySet<AdapterFamily> = new Set(['stlink', 'jlink', 'ftdi', 'ti-icdi', 'nulink']);

/**
 * Other attached adapters the same interface script would also open: any probe of the
 * family for drivers that scan by family (stlink.cfg lists every ST-LINK PID, cmsis-dap
 * takes any CMSIS-DAP, jlink any J-Link); the same VID:PID for FTDI-style scripts.
 */
export function rivalsOf(all: readonly DetectedAdapter[], chosen: DetectedAdapter): DetectedAdapter[] {
  return all.filter((a) => a !== chosen && a.family === chosen.family && (chosen.family !== 'ftdi' || (a.vid === chosen.vid && a.pid === chosen.pid)));
}

export function selectAdapter(all: readonly DetectedAdapter[], chosen: DetectedAdapter): AdapterSelection {
  const cfg = chosen.interfaceCfg;
  const sel: AdapterSelection = { interfaceCfg: cfg, commands: [], legacyCommands: [], openocdArgs: cfg ? ['-f', cfg] : [] };
  if (chosen.known?.openocd === 'no') sel.warning = `${chosen.name} is not driven by OpenOCD.`;
  else if (!cfg) sel.warning = chosen.known?.note ?? `No single interface script fits ${chosen.name}: pick the one for your probe.`;

  const rivals = rivalsOf(all, chosen);
  if (rivals.length === 0) return sel;

  const sn = chosen.openocdSerial;
  const serialUnique = sn !== null && !rivals.some((r) => r.openocdSerial === sn);
  if (serialUnique) {
    sel.commands.push(`adapter serial ${tclWord(sn)}`);
    const legacy = LEGACY_SERIAL_COMMAND[chosen.family];
    if (legacy) sel.legacyCommands.push(`${legacy} ${tclWord(sn)}`);
  } else if (chosen.usbLocation && LOCATION_FAMILIES.has(chosen.family)) {
    // Clones often share one serial (or have none): the USB port still tells them apart.
    sel.commands.push(`adapter usb location ${tclWord(chosen.usbLocation)}`);
    sel.legacyCommands.push(`adapter usb location ${tclWord(chosen.usbLocation)}`);
  } else {
    sel.warning = `${rivals.length + 1} ${chosen.family} adapters are attached and ${sn === null ? 'this one reports no serial number' : 'they share one serial number'}: unplug the others so OpenOCD opens the right one.`;
  }
  for (const c of sel.commands) sel.openocdArgs.push('-c', c);
  return sel;
}
