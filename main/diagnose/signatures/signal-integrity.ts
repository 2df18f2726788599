// The wires are right (the chain answered with the expected IDs) but bits get lost now
// and then: long or unshielded cables, a missing or thin GND, a clock too fast for the
// wiring, crosstalk. OpenOCD then reports errors that change from one access to the next.
// The rules here only count when combine.ts sees that pattern (a good scan plus
// intermittent errors); on their own these messages are wiring's.
import type { CategorySignatures } from '../types';

export const signalIntegrity: CategorySignatures = {
  category: 'signal-integrity',
  rules: [
    // src/jtag/core.c jtag_examine_chain_end(): a flipped bit after the last TAP's IDCODE
    { id: 'idcode-after-end', source: 'src/jtag/core.c', match: /Unexpected idcode after end of chain/, weight: 0.3 },
    // src/target/adi_v5_jtag.c jtagdp_transaction_endcheck() / adi_jtag_dp_scan_u32()
    { id: 'invalid-ack', source: 'src/target/adi_v5_jtag.c', match: /Invalid ACK (\(\w+\) in DAP response|0x[0-9a-f]+ in JTAG-DP transaction)/, weight: 0.2 },
    { id: 'jtag-dp-sticky', source: 'src/target/adi_v5_jtag.c', match: /JTAG-DP STICKY ERROR/, weight: 0.1 },
    // src/jtag/core.c jtag_validate_ircapture()
    { id: 'ir-capture-error', source: 'src/jtag/core.c', match: /IR capture error/, weight: 0.1 },
    // src/flash/startup.tcl program proc, src/flash/nor/core.c: a verify that differs
    { id: 'verify-failed', source: 'src/flash/startup.tcl, src/flash/nor/core.c', match: /\*\* Verify Failed \*\*|verify failed in bank at/, weight: 0.15 },
    // src/target/arm_adi_v5.c mem_ap_read(): memory accesses failing on a chip that examined fine
    // src/target/espressif/esp32.c, esp32s2.c, esp32s3.c: the chain answered but the core could not be halted
    // for the SoC reset (in the threads: poor or long JTAG lines between the boards)
    { id: 'esp-halt-before-reset', source: 'src/target/espressif/esp32s2.c, esp32.c, esp32s3.c', match: /Couldn't halt target before SoC reset/, weight: 0.55 },
    { id: 'memory-access-failed', source: 'src/target/arm_adi_v5.c', match: /Failed to (read|write) memory at 0x/, weight: 0.05 },
    // src/jtag/drivers/jlink.c, ftdi.c: SWD read data with a wrong parity bit: the wire delivered a flipped bit
    { id: 'swd-parity', source: 'src/jtag/drivers/jlink.c, ftdi.c', match: /SWD:? Read data parity mismatch/, weight: 0.6 },
    // src/jtag/drivers/cmsis_dap.c: replies that do not match what was sent (lost/garbled packets or SWD data)
    { id: 'cmsis-mismatch', source: 'src/jtag/drivers/cmsis_dap.c', match: /CMSIS-DAP transfer count mismatch|CMSIS-DAP command mismatch/, weight: 0.4 },
  ],
  describe(ctx) {
    const speed = ctx.facts.clockKhz;
    return {
      title: 'Unreliable debug link: bits are lost now and then',
      explanation:
        'The chip answered with the right IDs, so the wires go to the right pins, but later transfers fail at random (different errors each time). That is signal integrity: a long or loose cable, a thin or missing GND, or a clock too fast for the wiring.',
      steps: [
        { text: `Lower the adapter speed (e.g. 100 kHz${speed ? `, now ${speed} kHz` : ''}) and try again.`, action: 'lower-adapter-speed', args: { khz: '100' } },
        { text: 'Shorten the cable to under 10-20 cm; avoid flying leads and breadboards.' },
        { text: 'Add GND wires: at least one GND next to the clock line, and make sure adapter and board share ground.' },
        { text: 'Check the connector is fully seated and no pin is bent or loose.', action: 'check-wiring' },
      ],
    };
  },
};
