// The target has no (or too low) supply, so nothing answers on the debug pins.
import type { CategorySignatures } from '../types';
import { voltageText } from './helpers';

const LOW_VOLTAGE = 1.5; // stlink_usb.c warns below 1.5 V; parts run from 1.65 V

export const targetUnpowered: CategorySignatures = {
  category: 'target-unpowered',
  rules: [
    // src/jtag/drivers/stlink_usb.c stlink_usb_init_mode(): below 1.5 V
    { id: 'stlink-voltage-low', source: 'src/jtag/drivers/stlink_usb.c', match: /target voltage may be too low for reliable debugging/i, weight: 0.8 },
    // src/jtag/drivers/stlink_usb.c stlink_usb_check_voltage(): LOG_INFO("Target voltage: %f")
    { id: 'stlink-voltage-value', source: 'src/jtag/drivers/stlink_usb.c', match: /^Target voltage: (-?\d+(?:\.\d+)?)/i, weight: 0.75, when: (m) => Number(m[1]) < LOW_VOLTAGE },
    // src/jtag/drivers/jlink.c jlink_init(): LOG_INFO("VTarget = %u.%03u V")
    { id: 'jlink-vtarget-value', source: 'src/jtag/drivers/jlink.c', match: /^VTarget = (\d+\.\d+) V/, weight: 0.75, when: (m) => Number(m[1]) < LOW_VOLTAGE },
    // src/jtag/core.c jtag_examine_chain_check(): all ones = nobody drives TDO (no target / no power)
    { id: 'scan-all-ones', source: 'src/jtag/core.c', match: /JTAG scan chain interrogation failed: all ones/, weight: 0.5 },
    { id: 'scan-all-zeroes', source: 'src/jtag/core.c', match: /JTAG scan chain interrogation failed: all zeroes/, weight: 0.25 },
    // src/target/adi_v5_swd.c swd_connect(): no answer on SWDIO
    { id: 'swd-cannot-read-idr', source: 'src/target/adi_v5_swd.c', match: /Error connecting DP: cannot read IDR/, weight: 0.3 },
    // src/jtag/drivers/stlink_usb.c stlink_open()
    { id: 'stlink-init-mode-failed', source: 'src/jtag/drivers/stlink_usb.c', match: /init mode failed \(unable to connect to the target\)/, weight: 0.25 },
    // src/target/adi_v5_jtag.c: "Debug regions are unpowered, an unexpected reset might have happened"
    { id: 'debug-unpowered', source: 'src/target/adi_v5_jtag.c', match: /Debug regions are unpowered/, weight: 0.3 },
    // src/jtag/drivers/cmsis_dap.c: "CMSIS-DAP failed to connect in mode (%d)"
    { id: 'cmsis-connect-failed', source: 'src/jtag/drivers/cmsis_dap.c', match: /CMSIS-DAP failed to connect in mode/, weight: 0.25 },
  ],
  describe(ctx) {
    const v = ctx.input.answers?.measuredVoltage ?? ctx.facts.targetVoltage;
    const measured = ctx.input.answers?.measuredVoltage !== undefined;
    return {
      title: v !== undefined && v < LOW_VOLTAGE ? `Target is not powered (${measured ? 'measured' : 'adapter reads'} ${voltageText(v)})` : 'Target may not be powered',
      explanation:
        v !== undefined && v < LOW_VOLTAGE
          ? `The adapter reads the target's supply on its VTref/VAPP pin and sees ${voltageText(v)}. Without power the chip cannot answer, so every scan returns nothing.`
          : 'Nothing answered on the debug pins. The most common reason is that the board has no power (or the adapter\'s reference pin is not connected to the target\'s VCC).',
      steps: [
        { text: 'Power the board (USB or its supply) and check its power LED.' },
        { text: "Measure VCC to GND at the debug header: expect 1.8-3.3 V. Connect the adapter's VTref/VAPP pin to the target's VCC.", action: 'measure-voltage' },
        { text: 'Connect GND between adapter and target.' },
        { text: 'Then connect again.' },
      ],
    };
  },
};
