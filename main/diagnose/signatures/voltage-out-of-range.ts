// The target's supply is above what a 3.3 V part tolerates (5 V on VDD or VTref):
// not "unpowered", and dangerous to keep connected. Thresholds: shared/diagnose.ts.
import type { CategorySignatures } from '../types';
import { classifyVoltage, VOLTAGE_THRESHOLDS } from '../../../shared/diagnose';
import { voltageText } from './helpers';

const tooHigh = (m: RegExpMatchArray): boolean => classifyVoltage(Number(m[1])) === 'too-high';

export const voltageOutOfRange: CategorySignatures = {
  category: 'voltage-out-of-range',
  rules: [
    // src/jtag/drivers/stlink_usb.c stlink_usb_check_voltage(): LOG_INFO("Target voltage: %f")
    { id: 'stlink-voltage-high', source: 'src/jtag/drivers/stlink_usb.c', match: /^Target voltage: (\d+(?:\.\d+)?)/i, weight: 0.7, when: tooHigh },
    // src/jtag/drivers/jlink.c jlink_init(): LOG_INFO("VTarget = %u.%03u V")
    { id: 'jlink-vtarget-high', source: 'src/jtag/drivers/jlink.c', match: /^VTarget = (\d+\.\d+) V/, weight: 0.7, when: tooHigh },
  ],
  describe(ctx) {
    const measured = ctx.input.answers?.measuredVoltage;
    const v = measured ?? ctx.facts.targetVoltage;
    // A little over 3.6 V as the adapter reads it (combine.ts: up to 4.0 V) may be its measuring error.
    if (measured === undefined && v !== undefined && v <= VOLTAGE_THRESHOLDS.absMax) {
      return {
        title: `Target voltage a little high (adapter reads ${voltageText(v)})`,
        explanation: `The adapter reads ${voltageText(v)} on VTref, above the ${VOLTAGE_THRESHOLDS.maxOperating} V most 3.3 V parts are rated for but under their ${VOLTAGE_THRESHOLDS.absMax} V absolute maximum. Adapters' readings are often a few percent off, so this may be a 3.3-3.6 V supply read high; it is not what stops the connection unless the supply really is that high.`,
        steps: [
          { text: `Measure VCC to GND at the debug header with a meter: ${VOLTAGE_THRESHOLDS.minOperating}-${VOLTAGE_THRESHOLDS.maxOperating} V is right.`, action: 'measure-voltage' },
          { text: 'If the meter agrees with the adapter, fix the regulator or supply before going on; otherwise follow the other findings.' },
        ],
      };
    }
    return {
      title: `Target voltage too high (${measured !== undefined ? 'measured' : 'adapter reads'} ${voltageText(v)})`,
      explanation: `The target supply reads ${voltageText(v)}, above the ${VOLTAGE_THRESHOLDS.maxOperating} V a 3.3 V microcontroller tolerates on its pins. Usually 5 V is wired to VDD or to the adapter's VTref. Keeping it connected can damage the chip and the adapter.`,
      steps: [
        { text: 'Disconnect the adapter and the supply now.' },
        { text: `Measure VCC to GND at the debug header: a 3.3 V part needs ${VOLTAGE_THRESHOLDS.minOperating}-${VOLTAGE_THRESHOLDS.maxOperating} V. Check that VTref is wired to 3.3 V, not 5 V.`, action: 'measure-voltage' },
        { text: 'Fix the supply, then connect again; if the chip got 5 V for long, expect it may be damaged.' },
      ],
    };
  },
};
