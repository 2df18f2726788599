// Known debug adapters by USB VID:PID, and the shape of a detected adapter. Pure data.
//
// The VID:PID list follows OpenOCD 0.12's contrib/60-openocd.rules (installed by
// Debian as /usr/lib/udev/rules.d/60-openocd.rules) and the vid_pid lines of its
// interface/*.cfg scripts; entries OpenOCD 0.12 cannot drive say so in `openocd`.
import type { ConnectorKind } from './pinouts';

export type AdapterFamily =
  | 'stlink' | 'jlink' | 'cmsis-dap' | 'ftdi' | 'xds110' | 'ti-icdi' | 'nulink' | 'usb-blaster'
  | 'kitprog' | 'arm-jtag-ew' | 'esp-usb-jtag' | 'blackmagic';

export type DebugTransport = 'swd' | 'jtag';

/** 'yes': OpenOCD 0.12 drives it; 'newer': only OpenOCD releases after 0.12; 'no': not an OpenOCD probe. */
export type OpenOcdSupport = 'yes' | 'newer' | 'no';

export interface KnownAdapter {
  /** Four lower-case hex digits. */
  vid: string;
  pid: string;
  name: string;
  family: AdapterFamily;
  /** OpenOCD interface script relative to the scripts folder; null when it depends on the board wiring. */
  interfaceCfg: string | null;
  /** Whether OpenOCD prints the target voltage it measures (ST-LINK v2+, J-Link, KitProg). */
  reportsTargetVoltage: boolean;
  transports: readonly DebugTransport[];
  /** What OpenOCD uses unless the config runs `transport select`. */
  defaultTransport: DebugTransport;
  /** Connectors this probe may have, the most likely first; empty when none is standard. */
  connectors: readonly ConnectorKind[];
  openocd: OpenOcdSupport;
  note?: string;
}

/** One adapter found on the USB bus. */
export interface DetectedAdapter {
  vid: string;
  pid: string;
  /** The table's name, or the USB product string for a probe recognised by its product string. */
  name: string;
  family: AdapterFamily;
  known: KnownAdapter | null;
  /** USB serial as the OS reports it (may hold raw bytes on old ST-LINK/V2 firmware). */
  serial: string | null;
  /** The serial as OpenOCD's `adapter serial` expects it. */
  openocdSerial: string | null;
  product: string | null;
  manufacturer: string | null;
  /** OpenOCD `adapter usb location` form, e.g. "1-1.4" (Linux sysfs name); null elsewhere. */
  usbLocation: string | null;
  /** Linux usbfs node (/dev/bus/usb/BBB/DDD); null elsewhere. */
  devicePath: string | null;
  /** Read/write access to the device node; null when the OS gives no such check (macOS, Windows). */
  permissionOk: boolean | null;
  /** Windows: the driver service bound to the device (WinUSB, FTDIBUS, ...). */
  driver: string | null;
  interfaceCfg: string | null;
}

const STLINK_V2_CONN: ConnectorKind[] = ['stlink-20', 'nucleo-swd-6'];

function stlink(pid: string, name: string, connectors: ConnectorKind[], extra: Partial<KnownAdapter> = {}): KnownAdapter {
  return {
    vid: '0483', pid, name, family: 'stlink', interfaceCfg: 'interface/stlink.cfg', reportsTargetVoltage: true,
    transports: ['swd', 'jtag'], defaultTransport: 'swd', connectors, openocd: 'yes', ...extra,
  };
}

function jlink(pid: string): KnownAdapter {
  return {
    vid: '1366', pid, name: 'SEGGER J-Link', family: 'jlink', interfaceCfg: 'interface/jlink.cfg', reportsTargetVoltage: true,
    transports: ['jtag', 'swd'], defaultTransport: 'jtag', connectors: ['jlink-20'], openocd: 'yes',
  };
}

function cmsisDap(vid: string, pid: string, name: string, connectors: ConnectorKind[], note?: string): KnownAdapter {
  return {
    vid, pid, name, family: 'cmsis-dap', interfaceCfg: 'interface/cmsis-dap.cfg', reportsTargetVoltage: false,
    transports: ['swd', 'jtag'], defaultTransport: 'swd', connectors, openocd: 'yes', ...(note ? { note } : {}),
  };
}

function ftdi(vid: string, pid: string, name: string, cfg: string | null, connectors: ConnectorKind[], note?: string): KnownAdapter {
  return {
    vid, pid, name, family: 'ftdi', interfaceCfg: cfg, reportsTargetVoltage: false,
    transports: ['jtag'], defaultTransport: 'jtag', connectors, openocd: 'yes', ...(note ? { note } : {}),
  };
}

const GENERIC_FTDI = 'A bare FTDI chip: the right interface/ftdi/*.cfg depends on how the board wires it (the probe\'s documentation names it).';

export const KNOWN_ADAPTERS: readonly KnownAdapter[] = [
  stlink('3744', 'ST-LINK/V1', ['stlink-20'], { reportsTargetVoltage: false, note: 'ST-LINK/V1 is SWD-limited and slow; OpenOCD supports it but upgrade if you can.' }),
  stlink('3748', 'ST-LINK/V2', STLINK_V2_CONN, { note: 'Also the on-board ST-LINK of older Discovery boards, and most clone dongles (whose 10-pin header pinout is printed on the case).' }),
  stlink('374b', 'ST-LINK/V2-1', ['nucleo-swd-6']),
  stlink('3752', 'ST-LINK/V2-1 (no mass storage)', ['nucleo-swd-6']),
  stlink('374d', 'STLINK-V3 (bootloader)', ['stdc14'], { note: 'The probe is in its firmware-update loader: unplug and replug it, or finish the ST firmware upgrade.' }),
  stlink('374e', 'STLINK-V3E', ['stdc14', 'nucleo-swd-6']),
  stlink('374f', 'STLINK-V3SET/V3MINI', ['stdc14', 'stlink-20']),
  stlink('3753', 'STLINK-V3 (dual VCP)', ['stdc14', 'stlink-20']),
  stlink('3754', 'STLINK-V3 (no mass storage)', ['stdc14', 'nucleo-swd-6']),
  stlink('3757', 'STLINK-V3PWR', ['stdc14'], { openocd: 'newer', note: 'OpenOCD 0.12.0 does not know this PID; it needs a later OpenOCD.' }),

  ...['0101', '0102', '0103', '0104', '0105', '0107', '0108', '1010', '1011', '1012', '1013', '1014', '1015', '1016', '1017', '1018', '1020', '1051', '1055', '1061'].map(jlink),

  cmsisDap('0d28', '0204', 'Arm DAPLink (mbed CMSIS-DAP)', ['arm-10']),
  cmsisDap('2e8a', '000c', 'Raspberry Pi Debug Probe (CMSIS-DAP)', [], 'Its "D" port is a 3-pin JST-SH: SWCLK, GND, SWDIO (no target-voltage pin).'),
  cmsisDap('1fc9', '0090', 'NXP LPC-Link2 (CMSIS-DAP firmware)', ['arm-10']),
  cmsisDap('1fc9', '0143', 'NXP MCU-Link (CMSIS-DAP)', ['arm-10']),
  cmsisDap('03eb', '2141', 'Microchip Atmel-ICE (CMSIS-DAP)', ['arm-10'], 'Use the SAM port (ARM 10-pin Cortex Debug pinout).'),
  cmsisDap('03eb', '2111', 'Microchip EDBG (Xplained Pro on-board, CMSIS-DAP)', []),
  cmsisDap('04b4', 'f138', 'Cypress KitProg (CMSIS-DAP mode)', []),

  ftdi('0403', '6010', 'FTDI FT2232 based probe', null, [], GENERIC_FTDI),
  ftdi('0403', '6011', 'FTDI FT4232 based probe', null, [], GENERIC_FTDI),
  ftdi('0403', '6014', 'FTDI FT232H based probe', null, [], GENERIC_FTDI),
  ftdi('0403', 'cff8', 'Amontec JTAGkey', 'interface/ftdi/jtagkey.cfg', ['jtag-20']),
  ftdi('0403', '8a98', 'TIAO TUMPA', 'interface/ftdi/tumpa.cfg', ['jtag-20']),
  ftdi('0403', '8a99', 'TIAO TUMPA Lite', 'interface/ftdi/tumpa-lite.cfg', ['jtag-20']),
  ftdi('0403', 'bbe2', 'Kristech KT-Link', 'interface/ftdi/kt-link.cfg', ['jtag-20']),
  ftdi('0403', 'a6d0', 'TI XDS100v2', 'interface/ftdi/xds100v2.cfg', []),
  ftdi('0403', 'a6d1', 'TI XDS100v3', 'interface/ftdi/xds100v3.cfg', []),
  ftdi('15ba', '0003', 'Olimex ARM-USB-OCD', 'interface/ftdi/olimex-arm-usb-ocd.cfg', ['jtag-20']),
  ftdi('15ba', '0004', 'Olimex ARM-USB-TINY', 'interface/ftdi/olimex-jtag-tiny.cfg', ['jtag-20']),
  ftdi('15ba', '002a', 'Olimex ARM-USB-TINY-H', 'interface/ftdi/olimex-arm-usb-tiny-h.cfg', ['jtag-20'], 'For SWD add interface/ftdi/olimex-arm-jtag-swd.cfg (needs the ARM-JTAG-SWD adapter board).'),
  ftdi('15ba', '002b', 'Olimex ARM-USB-OCD-H', 'interface/ftdi/olimex-arm-usb-ocd-h.cfg', ['jtag-20'], 'For SWD add interface/ftdi/olimex-arm-jtag-swd.cfg (needs the ARM-JTAG-SWD adapter board).'),
  ftdi('058b', '0043', 'Infineon DAP miniWiggler v3', 'interface/ftdi/miniwiggler.cfg', []),

  { vid: '15ba', pid: '001e', name: 'Olimex ARM-JTAG-EW', family: 'arm-jtag-ew', interfaceCfg: 'interface/arm-jtag-ew.cfg', reportsTargetVoltage: false, transports: ['jtag'], defaultTransport: 'jtag', connectors: ['jtag-20'], openocd: 'yes' },
  ...['bef3', 'bef4'].map((pid): KnownAdapter => ({ vid: '0451', pid, name: 'TI XDS110', family: 'xds110', interfaceCfg: 'interface/xds110.cfg', reportsTargetVoltage: false, transports: ['jtag', 'swd'], defaultTransport: 'jtag', connectors: [], openocd: 'yes' })),
  { vid: '1cbe', pid: '02a5', name: 'TI XDS110 (Tiva based)', family: 'xds110', interfaceCfg: 'interface/xds110.cfg', reportsTargetVoltage: false, transports: ['jtag', 'swd'], defaultTransport: 'jtag', connectors: [], openocd: 'yes' },
  { vid: '1cbe', pid: '00fd', name: 'TI Stellaris/Tiva ICDI', family: 'ti-icdi', interfaceCfg: 'interface/ti-icdi.cfg', reportsTargetVoltage: false, transports: ['swd'], defaultTransport: 'swd', connectors: [], openocd: 'yes' },
  ...['511b', '511c', '511d', '5200', '5201'].map((pid): KnownAdapter => ({ vid: '0416', pid, name: 'Nuvoton Nu-Link', family: 'nulink', interfaceCfg: 'interface/nulink.cfg', reportsTargetVoltage: false, transports: ['swd'], defaultTransport: 'swd', connectors: [], openocd: 'yes' })),
  { vid: '09fb', pid: '6001', name: 'Altera USB-Blaster', family: 'usb-blaster', interfaceCfg: 'interface/altera-usb-blaster.cfg', reportsTargetVoltage: false, transports: ['jtag'], defaultTransport: 'jtag', connectors: [], openocd: 'yes' },
  ...['6010', '6810'].map((pid): KnownAdapter => ({ vid: '09fb', pid, name: 'Altera USB-Blaster II', family: 'usb-blaster', interfaceCfg: 'interface/altera-usb-blaster2.cfg', reportsTargetVoltage: false, transports: ['jtag'], defaultTransport: 'jtag', connectors: [], openocd: 'yes' })),
  { vid: '04b4', pid: 'f139', name: 'Cypress KitProg', family: 'kitprog', interfaceCfg: 'interface/kitprog.cfg', reportsTargetVoltage: true, transports: ['swd'], defaultTransport: 'swd', connectors: [], openocd: 'yes' },
  { vid: '303a', pid: '1002', name: 'Espressif USB bridge (ESP-Prog-2)', family: 'esp-usb-jtag', interfaceCfg: 'interface/esp_usb_bridge.cfg', reportsTargetVoltage: false, transports: ['jtag'], defaultTransport: 'jtag', connectors: [], openocd: 'yes' },
  {
    vid: '1d50', pid: '6018', name: 'Black Magic Probe', family: 'blackmagic', interfaceCfg: null, reportsTargetVoltage: true,
    transports: ['swd', 'jtag'], defaultTransport: 'swd', connectors: ['arm-10'], openocd: 'no',
    note: 'Not an OpenOCD adapter: it runs its own GDB server. Connect GDB to its first serial port (target extended-remote /dev/ttyACM0, then monitor swdp_scan).',
  },
];

const BY_ID = new Map(KNOWN_ADAPTERS.map((a) => [`${a.vid}:${a.pid}`, a]));

/** Normalises "0x0483", "483", "0483" (any case) to "0483". */
export function hex4(v: string | number): string {
  const n = typeof v === 'number' ? v : parseInt(v.replace(/^0x/i, ''), 16);
  return Number.isFinite(n) ? n.toString(16).padStart(4, '0').slice(-4) : '';
}

export function findKnownAdapter(vid: string | number, pid: string | number): KnownAdapter | null {
  return BY_ID.get(`${hex4(vid)}:${hex4(pid)}`) ?? null;
}

/**
 * What a USB device is as a debug adapter, or null when it is none. Beyond the table:
 * any product string containing "CMSIS-DAP" is a CMSIS-DAP probe (OpenOCD's own test),
 * and an unlisted SEGGER PID is still a J-Link (libjaylink matches by vendor).
 */
export function classifyUsbDevice(vid: string | number, pid: string | number, product: string | null): { family: AdapterFamily; name: string; known: KnownAdapter | null } | null {
  const known = findKnownAdapter(vid, pid);
  if (known) return { family: known.family, name: known.name, known };
  if (product && product.includes('CMSIS-DAP')) return { family: 'cmsis-dap', name: product.trim(), known: null };
  if (hex4(vid) === '1366') return { family: 'jlink', name: `SEGGER J-Link (PID ${hex4(pid)})`, known: null };
  return null;
}

/** The interface script for a family when the exact PID is unknown. */
export const FAMILY_CFG: Readonly<Record<AdapterFamily, string | null>> = {
  stlink: 'interface/stlink.cfg',
  jlink: 'interface/jlink.cfg',
  'cmsis-dap': 'interface/cmsis-dap.cfg',
  ftdi: null,
  xds110: 'interface/xds110.cfg',
  'ti-icdi': 'interface/ti-icdi.cfg',
  nulink: 'interface/nulink.cfg',
  'usb-blaster': 'interface/altera-usb-blaster.cfg',
  kitprog: 'interface/kitprog.cfg',
  'arm-jtag-ew': 'interface/arm-jtag-ew.cfg',
  'esp-usb-jtag': 'interface/esp_usb_bridge.cfg',
  blackmagic: null,
};
