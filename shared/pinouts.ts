// Debug connector pinouts, as a technician probes them: pin numbers are those printed
// on the connector (pin 1 marked by a triangle/dot; odd pins on one row, even on the
// other, for every 2-row header here). Pure data: no node or react imports.
//
// Sources: ARM "Cortex Debug" 10-pin and 20-pin JTAG connector definitions (ARM DUI/
// Keil CoreSight connector pages), ST UM1075 table 4 (ST-LINK/V2 20-pin), ST UM2448
// (STLINK-V3 STDC14), ST UM1724 (Nucleo CN4 SWD header), SEGGER UM08001 (J-Link 20-pin),
// Tag-Connect TC2030-CTX and TC2050-IDC-NL datasheets (pads numbered odd/even like the IDC
// end of the cable; TC2050 pad N is ARM 10-pin pin N).
//
// Each connector also carries its geometry (`layout`): the troubleshooter draws every
// connector from this one table, so a drawing cannot disagree with the pin list.

export type ConnectorKind = 'stlink-20' | 'arm-10' | 'jtag-20' | 'jlink-20' | 'stdc14' | 'nucleo-swd-6' | 'tc2030' | 'tc2050';

export type PinRole =
  | 'vref' | 'gnd' | 'tck' | 'tms' | 'tdi' | 'tdo' | 'swdio' | 'swclk' | 'nrst' | 'ntrst' | 'swo'
  | 'rtck' | 'nc' | 'power' | 'uart' | 'other';

export interface Pin {
  number: number;
  /** The name as printed in the vendor's table. */
  name: string;
  /** What the pin carries in JTAG mode (or its only use). */
  role: PinRole;
  /** What the same pin carries in SWD mode, when that differs (TMS -> SWDIO, ...). */
  swdRole?: PinRole;
  description: string;
}

/**
 * Where the pins sit, as seen looking into the target's header (or at its pads).
 * 'dual': two rows, odd pins in one and even in the other, pin 2 beside pin 1 (every
 * 2-row header and Tag-Connect footprint here). 'single': one row, pin 1 at the end.
 */
export interface ConnectorLayout {
  rows: 'dual' | 'single';
  /** What the technician finds on the board: a shrouded box header, bare pins, or pogo-pin pads. */
  body: 'box-header' | 'pin-header' | 'pogo-pads';
  pitchMm: number;
  /** Positions with no pin (a key), drawn as an empty place. */
  keyPins?: readonly number[];
}

export interface Connector {
  kind: ConnectorKind;
  title: string;
  /** Header geometry, so the technician knows which plug to look for. */
  form: string;
  layout: ConnectorLayout;
  pins: readonly Pin[];
}

/** A pin's place in its connector: `row` 0 holds pin 1 (odd pins), row 1 the even pins; `index` counts from pin 1's end. */
export function pinPlace(layout: ConnectorLayout, pin: number): { row: 0 | 1; index: number } {
  if (layout.rows === 'single') return { row: 0, index: pin - 1 };
  return { row: pin % 2 === 1 ? 0 : 1, index: Math.floor((pin - 1) / 2) };
}

/** Number of pin positions along the connector. */
export function placesAlong(c: Connector): number {
  return c.layout.rows === 'single' ? c.pins.length : Math.ceil(c.pins.length / 2);
}

export type PinPurpose = 'voltage' | 'wiring-jtag' | 'wiring-swd' | 'reset';

const GND_DESC = 'Ground. Any of the GND pins is the reference for a measurement.';

/** The 20-pin 0.1" layout shared by the ARM JTAG, ST-LINK/V2 and J-Link connectors. */
function twentyPin(odd: Record<number, Omit<Pin, 'number'>>, evenGndFrom = 4): Pin[] {
  const pins: Pin[] = [];
  for (let n = 1; n <= 20; n++) {
    const spec = odd[n];
    if (spec) pins.push({ number: n, ...spec });
    else if (n % 2 === 0 && n >= evenGndFrom) pins.push({ number: n, name: 'GND', role: 'gnd', description: GND_DESC });
  }
  return pins;
}

const ARM_JTAG_20: Connector = {
  kind: 'jtag-20',
  title: 'ARM 20-pin JTAG (0.1")',
  form: '2x10, 2.54 mm pitch, keyed box header',
  layout: { rows: 'dual', body: 'box-header', pitchMm: 2.54 },
  pins: twentyPin({
    1: { name: 'VTref', role: 'vref', description: 'Target reference voltage, from the target VDD: the probe senses it (should read the target I/O voltage, e.g. 3.3 V).' },
    2: { name: 'Vsupply', role: 'power', description: 'Optional supply; not connected on most probes and targets.' },
    3: { name: 'nTRST', role: 'ntrst', swdRole: 'nc', description: 'JTAG TAP reset (active low). Optional; not used by SWD.' },
    5: { name: 'TDI', role: 'tdi', swdRole: 'nc', description: 'JTAG data into the target. Not used by SWD.' },
    7: { name: 'TMS', role: 'tms', swdRole: 'swdio', description: 'JTAG mode select; SWDIO (SWD data) in SWD mode.' },
    9: { name: 'TCK', role: 'tck', swdRole: 'swclk', description: 'JTAG clock; SWCLK in SWD mode.' },
    11: { name: 'RTCK', role: 'rtck', swdRole: 'nc', description: 'Returned clock for adaptive clocking. Optional: tie to GND on the target when unused.' },
    13: { name: 'TDO', role: 'tdo', swdRole: 'swo', description: 'JTAG data out of the target; SWO (trace) in SWD mode.' },
    15: { name: 'nSRST', role: 'nrst', description: 'System reset (active low), to the MCU reset pin (NRST).' },
    17: { name: 'DBGRQ', role: 'other', description: 'Debug request. Rarely used: leave unconnected.' },
    19: { name: 'DBGACK', role: 'other', description: 'Debug acknowledge. Rarely used: leave unconnected.' },
  }),
};

const JLINK_20: Connector = {
  kind: 'jlink-20',
  title: 'SEGGER J-Link 20-pin (ARM JTAG compatible)',
  form: '2x10, 2.54 mm pitch, keyed box header',
  layout: ARM_JTAG_20.layout,
  pins: ARM_JTAG_20.pins.map((p): Pin => {
    if (p.number === 2) return { ...p, name: 'NC', role: 'nc', description: 'Not connected in J-Link.' };
    if (p.number === 17) return { ...p, name: 'NC', role: 'nc', description: 'Not connected in J-Link (DBGRQ on the ARM standard).' };
    if (p.number === 19) return { ...p, name: '5V-Supply', role: 'power', description: 'J-Link 5 V target supply output (live only when enabled in the J-Link software). Do not short it to anything.' };
    if (p.number === 15) return { ...p, name: 'nRESET', description: 'Target reset (active low), to the MCU reset pin (NRST).' };
    return p;
  }),
};

const STLINK_20: Connector = {
  kind: 'stlink-20',
  title: 'ST-LINK/V2 20-pin JTAG/SWD (UM1075)',
  form: '2x10, 2.54 mm pitch, keyed box header (ribbon cable to the target)',
  layout: { rows: 'dual', body: 'box-header', pitchMm: 2.54 },
  pins: twentyPin({
    1: { name: 'VAPP', role: 'vref', description: 'Target VCC (MCU VDD): ST-LINK senses the target voltage here. Must read the target I/O voltage.' },
    2: { name: 'VAPP', role: 'vref', description: 'Target VCC (MCU VDD), same as pin 1.' },
    3: { name: 'TRST', role: 'ntrst', swdRole: 'gnd', description: 'JTAG nTRST. In SWD mode the target side ties it to GND (UM1075).' },
    5: { name: 'TDI', role: 'tdi', swdRole: 'gnd', description: 'JTAG TDI. In SWD mode the target side ties it to GND (UM1075).' },
    7: { name: 'TMS_SWDIO', role: 'tms', swdRole: 'swdio', description: 'JTAG TMS; SWDIO in SWD mode.' },
    9: { name: 'TCK_SWCLK', role: 'tck', swdRole: 'swclk', description: 'JTAG TCK; SWCLK in SWD mode.' },
    11: { name: 'NC', role: 'nc', description: 'Not connected (RTCK on the ARM standard; ST-LINK has no adaptive clocking).' },
    13: { name: 'TDO_SWO', role: 'tdo', swdRole: 'swo', description: 'JTAG TDO; SWO (trace output, optional) in SWD mode.' },
    15: { name: 'NRST', role: 'nrst', description: 'Target reset (active low), to the MCU NRST pin.' },
    17: { name: 'NC', role: 'nc', description: 'Not connected.' },
    19: { name: 'VDD', role: 'power', description: 'ST-LINK/V2 own 3.3 V. Not connected on the target side (UM1075): do not power the target from it.' },
  }),
};

const ARM_10: Connector = {
  kind: 'arm-10',
  title: 'ARM Cortex Debug 10-pin (0.05")',
  form: '2x5, 1.27 mm pitch (Samtec FTSH), pin 7 often removed as key',
  layout: { rows: 'dual', body: 'box-header', pitchMm: 1.27, keyPins: [7] },
  pins: [
    { number: 1, name: 'VTref', role: 'vref', description: 'Target reference voltage (target VDD), sensed by the probe.' },
    { number: 2, name: 'SWDIO/TMS', role: 'tms', swdRole: 'swdio', description: 'SWD data; JTAG TMS.' },
    { number: 3, name: 'GND', role: 'gnd', description: GND_DESC },
    { number: 4, name: 'SWCLK/TCK', role: 'tck', swdRole: 'swclk', description: 'SWD clock; JTAG TCK.' },
    { number: 5, name: 'GND', role: 'gnd', description: GND_DESC },
    { number: 6, name: 'SWO/TDO', role: 'tdo', swdRole: 'swo', description: 'SWO trace output (optional); JTAG TDO.' },
    { number: 7, name: 'KEY', role: 'nc', description: 'Key position: no pin, not connected.' },
    { number: 8, name: 'NC/TDI', role: 'tdi', swdRole: 'nc', description: 'JTAG TDI; not connected in SWD.' },
    { number: 9, name: 'GNDDetect', role: 'gnd', description: 'Ground on the target; the probe may use it to detect a connected target.' },
    { number: 10, name: 'nRESET', role: 'nrst', description: 'Target reset (active low), to the MCU reset pin.' },
  ],
};

const STDC14: Connector = {
  kind: 'stdc14',
  title: 'STLINK-V3 STDC14 (UM2448)',
  form: '2x7, 1.27 mm pitch; pins 3-12 match the ARM 10-pin Cortex Debug connector',
  layout: { rows: 'dual', body: 'box-header', pitchMm: 1.27 },
  pins: [
    { number: 1, name: 'NC', role: 'nc', description: 'Reserved: do not connect on the target.' },
    { number: 2, name: 'NC', role: 'nc', description: 'Reserved: do not connect on the target.' },
    { number: 3, name: 'T_VCC', role: 'vref', description: 'Target VCC, sensed by the STLINK-V3.' },
    { number: 4, name: 'T_JTMS/T_SWDIO', role: 'tms', swdRole: 'swdio', description: 'JTAG TMS; SWDIO in SWD mode.' },
    { number: 5, name: 'GND', role: 'gnd', description: GND_DESC },
    { number: 6, name: 'T_JCLK/T_SWCLK', role: 'tck', swdRole: 'swclk', description: 'JTAG TCK; SWCLK in SWD mode.' },
    { number: 7, name: 'GND', role: 'gnd', description: GND_DESC },
    { number: 8, name: 'T_JTDO/T_SWO', role: 'tdo', swdRole: 'swo', description: 'JTAG TDO; SWO (optional) in SWD mode.' },
    { number: 9, name: 'T_JRCLK/NC', role: 'rtck', swdRole: 'nc', description: 'JTAG returned clock (optional); not connected in SWD.' },
    { number: 10, name: 'T_JTDI/NC', role: 'tdi', swdRole: 'nc', description: 'JTAG TDI; not connected in SWD.' },
    { number: 11, name: 'GNDDetect', role: 'gnd', description: 'Ground detect: tie to GND on the target.' },
    { number: 12, name: 'T_NRST', role: 'nrst', description: 'Target reset (active low), to the MCU NRST pin.' },
    { number: 13, name: 'T_VCP_RX', role: 'uart', description: 'Virtual COM port: the target UART RX (STLINK transmits).' },
    { number: 14, name: 'T_VCP_TX', role: 'uart', description: 'Virtual COM port: the target UART TX (STLINK receives).' },
  ],
};

const NUCLEO_SWD_6: Connector = {
  kind: 'nucleo-swd-6',
  title: 'Nucleo/Discovery on-board ST-LINK SWD header (CN4, UM1724)',
  form: '1x6, 2.54 mm pitch; remove the two ST-LINK jumpers to debug an external board',
  layout: { rows: 'single', body: 'pin-header', pitchMm: 2.54 },
  pins: [
    { number: 1, name: 'VDD_TARGET', role: 'vref', description: 'VDD from the application board, sensed by the ST-LINK.' },
    { number: 2, name: 'SWCLK', role: 'swclk', description: 'SWD clock.' },
    { number: 3, name: 'GND', role: 'gnd', description: GND_DESC },
    { number: 4, name: 'SWDIO', role: 'swdio', description: 'SWD data.' },
    { number: 5, name: 'NRST', role: 'nrst', description: 'Target reset (active low).' },
    { number: 6, name: 'SWO', role: 'swo', description: 'SWO trace output (optional).' },
  ],
};

const TC2030: Connector = {
  kind: 'tc2030',
  title: 'Tag-Connect TC2030-CTX (6 pads, SWD)',
  form: '2x3 pogo-pin pads, 1.27 mm pitch, no header: pin 1 is at the end with the single alignment hole',
  layout: { rows: 'dual', body: 'pogo-pads', pitchMm: 1.27 },
  pins: [
    { number: 1, name: 'VCC', role: 'vref', description: 'Target VDD, sensed by the probe through the cable.' },
    { number: 2, name: 'SWDIO', role: 'swdio', description: 'SWD data.' },
    { number: 3, name: 'nRESET', role: 'nrst', description: 'Target reset (active low), to the MCU reset pin.' },
    { number: 4, name: 'SWCLK', role: 'swclk', description: 'SWD clock.' },
    { number: 5, name: 'GND', role: 'gnd', description: GND_DESC },
    { number: 6, name: 'SWO', role: 'swo', description: 'SWO trace output (optional).' },
  ],
};

const TC2050: Connector = {
  kind: 'tc2050',
  title: 'Tag-Connect TC2050-IDC-NL (10 pads, ARM Cortex 10-pin)',
  form: '2x5 pogo-pin pads, 1.27 mm pitch, no header; pad N is pin N of the ARM 10-pin Cortex Debug connector',
  layout: { rows: 'dual', body: 'pogo-pads', pitchMm: 1.27 },
  pins: ARM_10.pins.map((p): Pin => (p.number === 7 ? { ...p, name: 'NC', description: 'Not connected (the key position of the 10-pin header).' } : p)),
};

export const CONNECTORS: Readonly<Record<ConnectorKind, Connector>> = {
  'stlink-20': STLINK_20,
  'arm-10': ARM_10,
  'jtag-20': ARM_JTAG_20,
  'jlink-20': JLINK_20,
  stdc14: STDC14,
  'nucleo-swd-6': NUCLEO_SWD_6,
  tc2030: TC2030,
  tc2050: TC2050,
};

export function connector(kind: ConnectorKind): Connector {
  return CONNECTORS[kind];
}

/** The role a pin plays in the given protocol. */
export function roleIn(pin: Pin, protocol: 'jtag' | 'swd'): PinRole {
  return protocol === 'swd' ? (pin.swdRole ?? pin.role) : pin.role;
}

const SWD_WORD: Partial<Record<PinRole, string>> = { swdio: 'SWDIO', swclk: 'SWCLK', swo: 'SWO' };

/** The pin's printed name, with its SWD use added where the name only gives the JTAG one ("TMS (SWDIO)"). */
export function pinLabel(pin: Pin, protocol: 'jtag' | 'swd'): string {
  const word = protocol === 'swd' ? SWD_WORD[roleIn(pin, 'swd')] : undefined;
  if (word === undefined || pin.name.toUpperCase().includes(word)) return pin.name;
  return `${pin.name} (${word})`;
}

/** The protocol a check is about (voltage and reset checks read the pins' JTAG names). */
export function protocolOf(purpose: PinPurpose): 'jtag' | 'swd' {
  return SIGNALS[purpose].protocol;
}

const SIGNALS: Record<PinPurpose, { protocol: 'jtag' | 'swd'; roles: readonly PinRole[] }> = {
  voltage: { protocol: 'jtag', roles: ['vref'] },
  'wiring-jtag': { protocol: 'jtag', roles: ['vref', 'tck', 'tms', 'tdi', 'tdo'] },
  'wiring-swd': { protocol: 'swd', roles: ['vref', 'swclk', 'swdio'] },
  reset: { protocol: 'jtag', roles: ['nrst'] },
};

/**
 * Pin numbers to highlight for one check, ascending: the signal pins plus ONE ground
 * pin (the lowest-numbered GND), which is where the meter's black lead goes. Optional
 * signals (nTRST, RTCK, SWO) are left out. Empty when the connector cannot carry that
 * protocol at all (e.g. JTAG on the Nucleo SWD header).
 */
export function pinsFor(kind: ConnectorKind, purpose: PinPurpose): number[] {
  const { pins } = CONNECTORS[kind];
  const { protocol, roles } = SIGNALS[purpose];
  const signal = pins.filter((p) => roles.includes(roleIn(p, protocol))).map((p) => p.number);
  const needed = roles.filter((r) => r !== 'vref');
  const covered = needed.every((r) => pins.some((p) => roleIn(p, protocol) === r));
  if (!covered && purpose !== 'voltage') return [];
  const gnd = groundPins(kind)[0];
  return [...signal, ...(gnd === undefined ? [] : [gnd])].sort((a, b) => a - b);
}

/** Every pin that is ground in all modes (GND and GNDDetect). */
export function groundPins(kind: ConnectorKind): number[] {
  return CONNECTORS[kind].pins.filter((p) => p.role === 'gnd' && (p.swdRole ?? 'gnd') === 'gnd').map((p) => p.number);
}
