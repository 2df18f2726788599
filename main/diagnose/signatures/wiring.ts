// Power is there but the debug signals are wrong: swapped/loose wires, missing GND,
// too long cables for the clock speed, a broken TAP chain.
import type { CategorySignatures } from '../types';
import { classifyVoltage, type FindingStep } from '../../../shared/diagnose';
import { voltageText } from './helpers';
import { discriminatingSteps, noAnswerKind, undecidedNoAnswer } from '../no-answer';
import { READS } from './target-unpowered';

export const wiring: CategorySignatures = {
  category: 'wiring',
  rules: [
    // src/jtag/core.c jtag_examine_chain_check()
    { id: 'scan-all-ones', source: 'src/jtag/core.c', match: /JTAG scan chain interrogation failed: all ones/, weight: 0.45 },
    { id: 'scan-all-zeroes', source: 'src/jtag/core.c', match: /JTAG scan chain interrogation failed: all zeroes/, weight: 0.6 },
    // src/jtag/core.c jtag_validate_ircapture()
    { id: 'ir-capture-error', source: 'src/jtag/core.c', match: /IR capture error/, weight: 0.7 },
    // src/jtag/core.c jtag_examine_chain_end()
    { id: 'idcode-after-end', source: 'src/jtag/core.c', match: /Unexpected idcode after end of chain/, weight: 0.55 },
    { id: 'double-check-jtag', source: 'src/jtag/core.c', match: /double-check your JTAG setup/, weight: 0.45 },
    // src/jtag/core.c jtag_examine_chain(): LOG_INFO("TAP %s does not have valid IDCODE (idcode=0x%x)")
    { id: 'tap-no-valid-idcode', source: 'src/jtag/core.c', match: /TAP \S+ does not have valid IDCODE/, weight: 0.2 },
    // src/target/adi_v5_swd.c swd_connect()
    { id: 'swd-cannot-read-idr', source: 'src/target/adi_v5_swd.c', match: /Error connecting DP: cannot read IDR/, weight: 0.55 },
    // src/jtag/drivers/stlink_usb.c stlink_open()
    { id: 'stlink-init-mode-failed', source: 'src/jtag/drivers/stlink_usb.c', match: /init mode failed \(unable to connect to the target\)/, weight: 0.55 },
    // src/target/adi_v5_jtag.c
    { id: 'invalid-ack', source: 'src/target/adi_v5_jtag.c', match: /Invalid ACK (\(\w+\) in DAP response|0x[0-9a-f]+ in JTAG-DP transaction)/, weight: 0.5 },
    { id: 'jtag-dp-sticky', source: 'src/target/adi_v5_jtag.c', match: /JTAG-DP STICKY ERROR/, weight: 0.35 },
    { id: 'dap-wait', source: 'src/target/adi_v5_jtag.c', match: /DAP transaction stalled \(WAIT\)/, weight: 0.25 },
    // src/target/cortex_m.c
    { id: 'dp-init-failed', source: 'src/target/cortex_m.c', match: /DP initialisation failed/, weight: 0.4 },
    { id: 'no-mem-ap', source: 'src/target/cortex_m.c', match: /Could not find MEM-AP to control the core/, weight: 0.4 },
    // src/target/adi_v5_swd.c swd_connect_multidrop() (RP2040's two cores on one SWD bus): nothing answered
    { id: 'swd-multidrop-failed', source: 'src/target/adi_v5_swd.c', match: /Failed to (connect|select) multidrop/, weight: 0.45 },
    // src/target/adi_v5_swd.c swd_multidrop_select_inner(): the DP acknowledged the multidrop select but DLPIDR read
    // back as something else (0 or CTRL/STAT): the chip is powered and clocked, the data on SWDIO is not right.
    // (The Raspberry Pi fork's rp2040 branch spells it "DLIPDR" and prints no "0x".)
    { id: 'swd-dlpidr-incorrect', source: 'src/target/adi_v5_swd.c', match: /Read incorrect (?:DLPIDR|DLIPDR) (?:0x)?[0-9a-f]{8} \(possibly CTRL\/STAT value\)/i, weight: 0.5 },
    // Raspberry Pi fork (rp2040 branch, 0.10.0+dev/0.11.0-g*) arm_dap.c: "DAP init failed" as the only message when the
    // DP gave no answer (picoprobe, Raspberry Pi GPIO SWD)
    { id: 'dap-init-failed', source: 'fork: raspberrypi/openocd rp2040 branch (src/target/arm_dap.c)', match: /^DAP init failed$/, weight: 0.35 },
    // src/target/riscv/riscv-011.c, riscv-013.c examine(): the RISC-V DTM reads 0 (TDO stuck low: no power or wiring)
    { id: 'riscv-dtmcontrol-0', source: 'src/target/riscv/riscv-013.c, riscv-011.c', match: /dtmcontrol is 0\. Check JTAG connectivity\/board power/, weight: 0.45 },
    // src/target/xtensa/xtensa.c (ESP32 family): the debug module is not online; DSR all ones = nothing answers
    { id: 'xtensa-ocd-id', source: 'src/target/xtensa/xtensa.c', match: /Unexpected OCD_ID = [0-9a-f]{8}|DSR \(FFFFFFFF\) indicates target still busy/i, weight: 0.5 },
    // src/target/riscv/riscv-013.c examine(): the DM version read back is not one that exists ("might be caused by
    // a JTAG signal issue. Try reducing the JTAG clock speed.")
    { id: 'riscv-dm-version', source: 'src/target/riscv/riscv-013.c', match: /OpenOCD only supports Debug Module version 2 \(0\.13\) and 3 \(1\.0\), not \d+/, weight: 0.5 },
    { id: 'riscv-dtm-version', source: 'src/target/riscv/riscv.c', match: /Unsupported DTM version:? \d+/, weight: 0.4 },
    // src/jtag/drivers/cmsis_dap.c
    { id: 'cmsis-connect-failed', source: 'src/jtag/drivers/cmsis_dap.c', match: /CMSIS-DAP failed to connect in mode/, weight: 0.5 },
    // src/jtag/drivers/mpsse.c: data lost on the USB side of an FTDI adapter
    { id: 'ftdi-data-lost', source: 'src/jtag/drivers/mpsse.c', match: /ftdi device did not (accept|return) all data/, weight: 0.35 },
    // src/target/target.c target_poll / handle_target(): connection lost after init
    { id: 'polling-failed', source: 'src/target/target.c', match: /Polling target \S+ failed/, weight: 0.2 },
    // src/jtag/drivers/xds110.c: the XDS110 got no answer from the target's debug port
    { id: 'xds110-connect', source: 'src/jtag/drivers/xds110.c', match: /XDS110: failed to connect/, weight: 0.4 },
    // src/jtag/drivers/stlink_usb.c: STM8 SWIM entry got no answer from the chip (the SWIM wire, NRST, power)
    { id: 'stlink-swim-enter', source: 'src/jtag/drivers/stlink_usb.c', match: /stlink_swim_enter_failed \(unable to connect to the target\)/, weight: 0.5 },
    // src/jtag/drivers/stlink_usb.c stlink_usb_error_check(): the DP stopped answering mid-session
    { id: 'stlink-ctrl-stat-failed', source: 'src/jtag/drivers/stlink_usb.c', match: /Fail reading CTRL\/STAT register\. Force reconnect/, weight: 0.3 },
    // src/target/riscv/riscv-013.c examine(): the DM answers but no hart is behind it
    { id: 'riscv-no-harts', source: 'src/target/riscv/riscv-013.c', match: /^No harts found!$/, weight: 0.3 },
  ],
  describe(ctx) {
    const speed = ctx.facts.clockKhz;
    const v = ctx.facts.targetVoltage;
    const jtag = [...ctx.hits].some((h) => /scan|ir-capture|idcode|jtag/.test(h)) || ctx.facts.foundIdcodes.length > 0;
    const steps: FindingStep[] = [
      {
        text: jtag
          ? 'Check each wire against the pinout: TCK, TMS, TDI, TDO, GND (and nTRST/nRESET if used). TDI and TDO are the usual swap.'
          : 'Check each wire against the pinout: SWCLK, SWDIO, GND (and NRST). SWCLK and SWDIO are the usual swap.',
        action: 'check-wiring',
      },
      { text: 'Use short wires (under 20 cm) and a common GND.' },
      { text: `Lower the adapter speed to 100 kHz${speed ? ` (now ${speed} kHz)` : ''} and try again.`, action: 'lower-adapter-speed', args: { khz: '100' } },
      { text: 'If the firmware may have turned the debug pins into GPIOs, connect with reset held.', action: 'retry-connect-under-reset' },
    ];
    // The adapter reads no voltage but nothing else failed yet (combine.ts combineVoltage): its
    // VTref sense may not be wired to the target's supply at all.
    if (v !== undefined && classifyVoltage(v) === 'unpowered' && ctx.input.answers?.measuredVoltage === undefined && ctx.hits.size === 0) {
      return {
        title: "The adapter's VTref may not be connected to the target's supply",
        explanation: `The adapter reads ${voltageText(v)}. If the target is powered, that is its voltage sense (VTref, pin 1 of most debug headers) not reaching the target's VDD: a missing wire, or on a NUCLEO/Discovery ST-LINK broken off or used for an external board, a sense resistor or solder bridge still wired to the on-board MCU.`,
        steps: [
          { text: 'Measure VDD to GND at the target\'s debug header with a meter: if it is there, the adapter is not sensing it.', action: 'measure-voltage' },
          { text: 'Wire the header\'s VTref/VDD pin to the target\'s supply (on an ST-LINK taken from a NUCLEO, move its VDD sense to the SWD connector\'s VDD pin, see the board\'s user manual).', action: 'check-wiring' },
        ],
      };
    }
    if (undecidedNoAnswer(ctx.input, ctx.facts, ctx.lines)) {
      return {
        title:
          noAnswerKind(ctx.lines, ctx.facts) === 'ones'
            ? 'The debug port does not answer: most likely a wire (or firmware holding the pins); power not yet ruled out'
            : 'The debug port does not answer: a wire, no power, or firmware holding the pins',
        explanation: `${READS[noAnswerKind(ctx.lines, ctx.facts) ?? 'ones']} The log alone cannot rule out the other causes, so the next step is the check that tells them apart.`,
        steps: discriminatingSteps(ctx.input),
      };
    }
    return {
      title: jtag ? 'JTAG signals do not reach the chip correctly' : 'No answer from the chip on the debug wires',
      explanation: `The adapter works${v !== undefined ? ` and sees ${voltageText(v)} from the target` : ''}, but what comes back on the data line is not what a healthy chip sends. That points to a wrong, loose or swapped wire, a missing GND, or a clock too fast for the wiring.`,
      steps,
    };
  },
};
