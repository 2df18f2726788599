// The target has no (or too low) supply, so nothing answers on the debug pins.
import type { CategorySignatures } from '../types';
import { classifyVoltage, VOLTAGE_THRESHOLDS } from '../../../shared/diagnose';
import { voltageText } from './helpers';
import { discriminatingSteps, noAnswerKind, undecidedNoAnswer, type NoAnswerKind } from '../no-answer';

/** What the dead port's reading says, in words (shared with wiring.ts). */
export const READS: Record<NoAnswerKind, string> = {
  zeroes: 'The debug port reads all zeroes: TDO is held low. That is what an unpowered chip does (its pins clamp to its 0 V supply), or a TDO shorted to GND, so no power is the more likely cause.',
  ones: 'The debug port reads all ones: nothing drives TDO and the adapter\'s pull-up reads 1. That is typical of a wire that is off or swapped, or of firmware that took the JTAG pins; an unpowered chip more often reads all zeroes.',
  swd: 'The SWD connect got no answer at all from the chip.',
};

/** Unpowered or too low to run (thresholds shared with the UI in shared/diagnose.ts). */
const low = (v: number): boolean => ['unpowered', 'too-low'].includes(classifyVoltage(v));

export const targetUnpowered: CategorySignatures = {
  category: 'target-unpowered',
  rules: [
    // src/jtag/drivers/stlink_usb.c stlink_usb_init_mode(): below 1.5 V
    { id: 'stlink-voltage-low', source: 'src/jtag/drivers/stlink_usb.c', match: /target voltage may be too low for reliable debugging/i, weight: 0.8 },
    // src/jtag/drivers/stlink_usb.c stlink_usb_check_voltage(): LOG_INFO("Target voltage: %f")
    { id: 'stlink-voltage-value', source: 'src/jtag/drivers/stlink_usb.c', match: /^Target voltage: (-?\d+(?:\.\d+)?)/i, weight: 0.75, when: (m) => low(Number(m[1])) },
    // src/jtag/drivers/arm-jtag-ew.c (and jlink.c up to 0.9): the adapter reads (almost) nothing on VTref
    { id: 'vref-too-low', source: 'src/jtag/drivers/arm-jtag-ew.c', match: /Vref too low\. Check Target Power/, weight: 0.8 },
    // src/jtag/drivers/jlink.c jlink_init(): LOG_INFO("VTarget = %u.%03u V")
    { id: 'jlink-vtarget-value', source: 'src/jtag/drivers/jlink.c', match: /^VTarget = (\d+\.\d+) V/, weight: 0.75, when: (m) => low(Number(m[1])) },
    // src/jtag/core.c jtag_examine_chain_check(): all ones = nobody drives TDO (no target / no power)
    { id: 'scan-all-ones', source: 'src/jtag/core.c', match: /JTAG scan chain interrogation failed: all ones/, weight: 0.5 },
    { id: 'scan-all-zeroes', source: 'src/jtag/core.c', match: /JTAG scan chain interrogation failed: all zeroes/, weight: 0.25 },
    // src/target/adi_v5_swd.c swd_connect(): no answer on SWDIO
    { id: 'swd-cannot-read-idr', source: 'src/target/adi_v5_swd.c', match: /Error connecting DP: cannot read IDR/, weight: 0.3 },
    // src/jtag/drivers/stlink_usb.c stlink_open()
    { id: 'stlink-init-mode-failed', source: 'src/jtag/drivers/stlink_usb.c', match: /init mode failed \(unable to connect to the target\)/, weight: 0.25 },
    // src/target/adi_v5_jtag.c: "Debug regions are unpowered, an unexpected reset might have happened"
    { id: 'debug-unpowered', source: 'src/target/adi_v5_jtag.c', match: /Debug regions are unpowered/, weight: 0.3 },
    // src/target/adi_v5_swd.c swd_connect_multidrop() (RP2040's two cores on one SWD bus): nothing answered
    { id: 'swd-multidrop-failed', source: 'src/target/adi_v5_swd.c', match: /Failed to (connect|select) multidrop/, weight: 0.45 },
    // src/target/riscv/riscv-011.c, riscv-013.c examine(): the RISC-V DTM reads 0 (TDO stuck low: no power or wiring)
    { id: 'riscv-dtmcontrol-0', source: 'src/target/riscv/riscv-013.c, riscv-011.c', match: /dtmcontrol is 0\. Check JTAG connectivity\/board power/, weight: 0.45 },
    // src/jtag/drivers/cmsis_dap.c: "CMSIS-DAP failed to connect in mode (%d)"
    { id: 'cmsis-connect-failed', source: 'src/jtag/drivers/cmsis_dap.c', match: /CMSIS-DAP failed to connect in mode/, weight: 0.25 },
  ],
  describe(ctx) {
    const v = ctx.input.answers?.measuredVoltage ?? ctx.facts.targetVoltage;
    const measured = ctx.input.answers?.measuredVoltage !== undefined;
    if (undecidedNoAnswer(ctx.input, ctx.facts, ctx.lines)) {
      return {
        title: 'The debug port does not answer: no power, a wiring fault, or firmware holding the pins',
        explanation: `${READS[noAnswerKind(ctx.lines, ctx.facts) ?? 'ones']} An unpowered chip, a broken or swapped wire and firmware that takes the debug pins can all look like this in the log, so the next step is the check that tells them apart.`,
        steps: discriminatingSteps(ctx.input),
      };
    }
    const tooLow = v !== undefined && low(v);
    return {
      title: tooLow
        ? `${classifyVoltage(v) === 'unpowered' ? 'Target is not powered' : 'Target voltage too low'} (${measured ? 'measured' : 'adapter reads'} ${voltageText(v)})`
        : 'Target may not be powered',
      explanation:
        tooLow
          ? `The adapter reads the target's supply on its VTref/VAPP pin and sees ${voltageText(v)}. Without power the chip cannot answer, so every scan returns nothing.`
          : 'Nothing answered on the debug pins. The most common reason is that the board has no power (or the adapter\'s reference pin is not connected to the target\'s VCC).',
      steps: [
        { text: 'Power the board (USB or its supply) and check its power LED.' },
        { text: `Measure VCC to GND at the debug header: expect ${VOLTAGE_THRESHOLDS.minOperating}-${VOLTAGE_THRESHOLDS.maxOperating} V. Connect the adapter's VTref/VAPP pin to the target's VCC.`, action: 'measure-voltage' },
        { text: 'Connect GND between adapter and target.' },
        { text: 'Then connect again.' },
      ],
    };
  },
};
