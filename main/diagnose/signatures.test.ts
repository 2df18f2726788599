// One example per signature rule, each an exact OpenOCD message (from the source file the
// rule cites), checked against the rule table and the engine's top finding.
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from './signatures/index';
import { matchRules, diagnose } from './engine';
import { toLines } from './normalize';
import type { DiagnosisCategory } from '../../shared/diagnose';

/** [rule id, category it belongs to, an OpenOCD line, expected top category of that line alone] */
const EXAMPLES: Array<[string, DiagnosisCategory, string, DiagnosisCategory]> = [
  ['cant-find-file', 'config-not-found', "embedded:startup.tcl:28: Error: Can't find interface/xyz.cfg", 'config-not-found'],
  ['cant-find-other', 'config-not-found', "Error: Can't find board/custom", 'config-not-found'],
  ['couldnt-open-file', 'config-not-found', "Error: couldn't open build/app.elf", 'config-not-found'],
  ['invalid-command-name', 'config-error', 'invalid command name "jtag_khz"', 'config-error'],
  ['unknown-command-010', 'config-error', 'Error: Unknown command: foo_bar', 'config-error'],
  ['no-adapter-driver', 'config-error', 'Error: Debug Adapter has to be specified, see "adapter driver" command', 'config-error'],
  ['no-transports', 'config-error', 'Error: Debug adapter does not support any transports? Check config file order.', 'config-error'],
  ['no-session-transport', 'config-error', "Error: unable to select a session transport. Can't continue.", 'config-error'],
  ['no-such-transport', 'config-error', "Error: Debug adapter doesn't support 'swd' transport", 'config-error'],
  ['interface-not-found', 'config-error', 'Error: The specified debug interface was not found (stlink_v4)', 'config-error'],
  ['command-wrong-phase', 'config-error', "Error: The 'transport select' command must be used before 'init'.", 'config-error'],
  ['target-requires-dap', 'config-error', 'target requires -dap parameter instead of -chain-position!', 'config-error'],
  ['bad-reset-config', 'config-error', 'Error: unknown reset_config flag (srst_nogate2)', 'config-error'],
  ['wrong-args', 'config-error', 'wrong # args: should be "adapter speed ?khz?"', 'config-error'],
  ['bind-in-use', 'port-in-use', "Error: couldn't bind tcl to socket on port 6666: Address already in use", 'port-in-use'],
  ['bind-in-use-win', 'port-in-use', "Error: couldn't bind gdb to socket on port 3333: Only one usage of each socket address (protocol/network address/port) is normally permitted.", 'port-in-use'],
  ['bind-other', 'port-in-use', "Error: couldn't bind telnet to socket on port 4444: Permission denied", 'port-in-use'],
  ['libusb-access', 'usb-permission', 'Error: libusb_open() failed with LIBUSB_ERROR_ACCESS', 'usb-permission'],
  ['libusb-not-supported', 'usb-permission', 'Error: libusb_open() failed with LIBUSB_ERROR_NOT_SUPPORTED', 'usb-permission'],
  ['permission-denied', 'usb-permission', 'Error: could not open /dev/hidraw3: Permission denied', 'usb-permission'],
  ['cmsis-hid-open', 'usb-permission', 'Error: unable to open CMSIS-DAP device 0xc251:0xf001', 'usb-permission'],
  ['cmsis-bulk-open', 'usb-permission', 'Error: could not open device 0x0d28:0x0204: Access denied (insufficient permissions)', 'usb-permission'],
  ['stlink-open-failed', 'adapter-not-found', 'Error: open failed', 'adapter-not-found'],
  ['stlink-none-detected', 'adapter-not-found', 'Error: no ST-LINK detected', 'adapter-not-found'],
  ['jlink-none', 'adapter-not-found', 'Error: No J-Link device found.', 'adapter-not-found'],
  ['cmsis-none', 'adapter-not-found', 'Error: unable to find a matching CMSIS-DAP device', 'adapter-not-found'],
  ['ftdi-none', 'adapter-not-found', "Error: unable to open ftdi device with vid 0403, pid 6010, description '*', serial '*' at bus location '*'", 'adapter-not-found'],
  ['mpsse-no-device', 'adapter-not-found', 'Error: no device found', 'adapter-not-found'],
  ['jlink-multiple', 'adapter-not-found', 'Error: Multiple devices found, specify the desired device', 'adapter-not-found'],
  ['bitbang-connect', 'adapter-not-found', "Error: Error on socket 'Failed to connect': errno==9, message: Bad file descriptor.", 'adapter-not-found'],
  ['ti-icdi-none', 'adapter-not-found', 'Error: could not find ICDI device', 'adapter-not-found'],
  ['libusb-busy', 'adapter-busy', 'Error: libusb_claim_interface() failed with LIBUSB_ERROR_BUSY', 'adapter-busy'],
  ['stlink-already-used', 'adapter-busy', 'Error: the selected device is already used', 'adapter-busy'],
  ['claim-interface', 'adapter-busy', 'Warn : could not claim interface: Resource busy', 'adapter-busy'],
  ['stlink-deprecated-hla', 'probe-firmware', 'Error: The firmware in the ST-Link adapter only supports deprecated HLA.', 'probe-firmware'],
  ['stlink-update-advice', 'probe-firmware', 'Error: Please consider updating the ST-Link firmware with a version', 'probe-firmware'],
  ['stlink-no-dapdirect', 'probe-firmware', 'Error: ST-Link version does not support DAP direct transport', 'probe-firmware'],
  ['stlink-banked-dp', 'probe-firmware', 'Error: Banked DP registers not supported in current STLink FW', 'probe-firmware'],
  ['stlink-mode-unsupported', 'probe-firmware', 'Error: mode (transport) not supported by device', 'probe-firmware'],
  ['jlink-empty-fw', 'probe-firmware', 'Warn : Device responds empty firmware version string', 'probe-firmware'],
  ['jlink-transport', 'probe-firmware', 'Error: Selected transport is not supported by the device', 'probe-firmware'],
  ['kitprog-old', 'probe-firmware', 'Warn : KitProg firmware versions below v2.14 do not support sending JTAG to SWD sequences. These sequences will be substituted with SWD line resets.', 'probe-firmware'],
  ['cmsis-no-swd', 'probe-firmware', 'Error: CMSIS-DAP: SWD not supported', 'probe-firmware'],
  ['untested-fw', 'probe-firmware', 'Warn : ARM-JTAG-EW firmware version 1.2 is untested with this version of OpenOCD.', 'probe-firmware'],
  ['partno-unrecognized', 'openocd-outdated', 'Error: [target.cpu] Cortex-M PARTNO 0xd22 is unrecognized', 'openocd-outdated'],
  ['no-such-transport', 'openocd-outdated', "Error: No transport named 'dapdirect_swd' is available.", 'openocd-outdated'],
  ['flash-driver-not-found', 'openocd-outdated', "Error: flash driver 'stm32u5x' not found", 'openocd-outdated'],
  ['target-type-unknown', 'openocd-outdated', 'Error: target type \'esp32s3\' not found', 'openocd-outdated'],
  ['cannot-identify', 'openocd-outdated', 'Error: Cannot identify target as a stm32x', 'wrong-target'],
  ['stlink-voltage-low', 'target-unpowered', 'Error: target voltage may be too low for reliable debugging', 'target-unpowered'],
  ['stlink-voltage-value', 'target-unpowered', 'Info : Target voltage: 0.023529', 'target-unpowered'],
  ['jlink-vtarget-value', 'target-unpowered', 'Info : VTarget = 0.000 V', 'target-unpowered'],
  ['scan-all-ones', 'target-unpowered', 'Error: JTAG scan chain interrogation failed: all ones', 'target-unpowered'],
  ['scan-all-zeroes', 'wiring', 'Error: JTAG scan chain interrogation failed: all zeroes', 'wiring'],
  ['swd-cannot-read-idr', 'wiring', 'Error: Error connecting DP: cannot read IDR', 'wiring'],
  ['stlink-init-mode-failed', 'wiring', 'Error: init mode failed (unable to connect to the target)', 'wiring'],
  ['debug-unpowered', 'target-unpowered', 'Error: Debug regions are unpowered, an unexpected reset might have happened', 'target-unpowered'],
  ['cmsis-connect-failed', 'wiring', 'Error: CMSIS-DAP failed to connect in mode (1)', 'wiring'],
  ['ir-capture-error', 'wiring', 'Error: stm32f1x.cpu: IR capture error; saw 0x02 not 0x01', 'wiring'],
  ['idcode-after-end', 'wiring', 'Warn : Unexpected idcode after end of chain: 21 0xfffff800', 'wiring'],
  ['double-check-jtag', 'wiring', 'Error: double-check your JTAG setup (interface, speed, ...)', 'wiring'],
  ['tap-no-valid-idcode', 'wiring', 'Info : TAP stm32f1x.cpu does not have valid IDCODE (idcode=0x0)', 'wiring'],
  ['invalid-ack', 'wiring', 'Error: Invalid ACK (7) in DAP response', 'wiring'],
  ['jtag-dp-sticky', 'wiring', 'Error: JTAG-DP STICKY ERROR', 'wiring'],
  ['dap-wait', 'wiring', 'Info : DAP transaction stalled (WAIT) - slowing down and resending', 'wiring'],
  ['dp-init-failed', 'wiring', 'Error: [stm32f1x.cpu] DP initialisation failed', 'wiring'],
  ['no-mem-ap', 'wiring', 'Error: [stm32f1x.cpu] Could not find MEM-AP to control the core', 'wiring'],
  ['ftdi-data-lost', 'wiring', 'Error: ftdi device did not accept all data: 0, tried 512', 'wiring'],
  ['polling-failed', 'needs-reset-hold', 'Polling target stm32f1x.cpu failed, trying to reexamine', 'needs-reset-hold'],
  ['hla-invalid-mode', 'needs-reset-hold', 'Error: jtag status contains invalid mode value - communication failure', 'needs-reset-hold'],
  ['examination-failed-poll', 'needs-reset-hold', 'Examination failed, GDB will be halted. Polling again in 100ms', 'needs-reset-hold'],
  ['stlink-reconnect', 'needs-reset-hold', 'Info : Previous state query failed, trying to reconnect', 'needs-reset-hold'],
  ['halt-timeout', 'needs-reset-hold', 'Error: timed out while waiting for target halted', 'needs-reset-hold'],
  ['lockup', 'needs-reset-hold', 'Error: [stm32f1x.cpu] clearing lockup after double fault', 'needs-reset-hold'],
  ['examination-failed', 'needs-reset-hold', 'Warn : target stm32f1x.cpu examination failed', 'needs-reset-hold'],
  ['not-examined', 'needs-reset-hold', 'Error: Target not examined yet', 'needs-reset-hold'],
  ['jtag-unexpected', 'wrong-target', 'Warn : JTAG tap: stm32f1x.cpu       UNEXPECTED: 0x4ba00477 (mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x4)', 'wrong-target'],
  ['hla-unexpected', 'wrong-target', 'Warn : UNEXPECTED idcode: 0x2ba01477', 'wrong-target'],
  ['cannot-identify-stm32', 'wrong-target', 'Warn : Cannot identify target as a STM32 family.', 'wrong-target'],
  ['flash-size-failed', 'wrong-target', 'Warn : STM32 flash size failed, probe inaccurate - assuming 128k flash', 'wrong-target'],
  ['unknown-device', 'wrong-target', 'Warn : Cannot identify target as a STM32L4 family.', 'wrong-target'],
  ['gdb-connect-failed', 'gdb-attach-not-halted', "Error: Connect failed. Consider setting up a gdb-attach event for the target to prepare target for GDB connect, or use 'gdb_memory_map disable'.", 'gdb-attach-not-halted'],
  ['gdb-rejected', 'gdb-attach-not-halted', "Error: attempted 'gdb' connection rejected", 'gdb-attach-not-halted'],
  ['auto-probe-failed', 'gdb-attach-not-halted', 'Error: auto_probe failed', 'gdb-attach-not-halted'],
  ['cannot-communicate', 'gdb-attach-not-halted', 'Warn : Cannot communicate... target not halted.', 'gdb-attach-not-halted'],
  ['gdb-not-halted', 'gdb-attach-not-halted', 'Warn : GDB connection 1 on target stm32f1x.cpu not halted', 'gdb-attach-not-halted'],
  ['target-not-halted', 'target-not-halted', 'Error: Target not halted', 'target-not-halted'],
  ['target-is-not-halted', 'target-not-halted', 'Warn : target stm32f1x.cpu is not halted (add breakpoint)', 'target-not-halted'],
  ['target-not-halted-bang', 'target-not-halted', 'Info : target not halted !!', 'target-not-halted'],
  ['stm32-device-protected', 'flash-protected', 'Error: stm32x device protected', 'flash-protected'],
  ['write-protected', 'flash-protected', 'Error: flash memory write protected', 'flash-protected'],
  ['rdp-on', 'flash-protected', 'read protection: on', 'flash-protected'],
  ['failed-erasing', 'flash-protected', 'Error: failed erasing sectors 0 to 15', 'flash-protected'],
  ['failed-protect', 'flash-protected', 'Error: failed setting protection for blocks 0 to 3', 'flash-protected'],
  ['secured', 'flash-protected', 'Warn : MCU is secured', 'flash-protected'],
  ['write-failed-before', 'flash-driver', 'Error: flash write failed just before address 0x08000400', 'flash-driver'],
  ['programming-failed-not-erased', 'flash-driver', 'Error: stm32x device programming failed / flash not erased', 'flash-driver'],
  ['timed-out-flash', 'flash-driver', 'Error: timed out waiting for flash', 'flash-driver'],
  ['algo-failed', 'flash-driver', 'Error: Failed to execute algorithm at 0x20000000: -302', 'flash-driver'],
  ['algo-timeout', 'flash-driver', 'Error: timeout waiting for algorithm, a target reset is recommended', 'flash-driver'],
  ['verify-failed-bank', 'flash-driver', 'Error: verify failed in bank at 0x08000000 starting at 0x00000000', 'flash-driver'],
  ['write-aborted', 'flash-driver', 'Error: Flash write aborted.', 'flash-driver'],
  ['no-flash-at', 'flash-driver', 'Error: No flash at address 0x00000000', 'flash-driver'],
  ['programming-failed', 'flash-driver', '** Programming Failed **', 'flash-driver'],
  ['verify-failed', 'flash-driver', '** Verify Failed **', 'flash-driver'],
  ['no-working-area', 'flash-driver', "Warn : no working area available, can't do block memory writes", 'flash-driver'],
  ['error-writing-flash', 'flash-driver', 'Error: error writing to flash at address 0x08000000 at offset 0x00000000', 'flash-driver'],
  // signal-integrity: each line alone is wiring's; combine.ts needs a good scan plus intermittent errors
  ['idcode-after-end', 'signal-integrity', 'Warn : Unexpected idcode after end of chain: 96 0xfffffffe', 'wiring'],
  ['invalid-ack', 'signal-integrity', 'Error: Invalid ACK (6) in DAP response', 'wiring'],
  ['jtag-dp-sticky', 'signal-integrity', 'Error: JTAG-DP STICKY ERROR', 'wiring'],
  ['ir-capture-error', 'signal-integrity', 'Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01', 'wiring'],
  ['memory-access-failed', 'signal-integrity', 'Error: Failed to read memory at 0xe0042008', 'unknown'],
];

function rulesMatching(line: string): Array<{ category: DiagnosisCategory; id: string }> {
  const out: Array<{ category: DiagnosisCategory; id: string }> = [];
  for (const [category, hits] of matchRules(toLines({ log: line }))) for (const h of hits) out.push({ category, id: h.rule.id });
  return out;
}

describe('signature tables', () => {
  it.each(EXAMPLES)('%s (%s) matches its OpenOCD message', (id, category, line) => {
    expect(rulesMatching(line)).toContainEqual({ category, id });
  });

  it.each(EXAMPLES.filter(([, , , top]) => top !== undefined))('%s: a log of that line alone is diagnosed as %s', (_id, _cat, line, top) => {
    expect(diagnose({ log: line })[0]?.category).toBe(top);
  });

  it('every rule has an example above and names its OpenOCD source file', () => {
    const covered = new Set(EXAMPLES.flatMap(([, , line]) => rulesMatching(line).map((r) => `${r.category}/${r.id}`)));
    for (const table of SIGNATURES)
      for (const rule of table.rules) {
        expect(covered, `${table.category}/${rule.id} lacks an example`).toContain(`${table.category}/${rule.id}`);
        expect(rule.source).toMatch(/src\/|jimtcl|libusb/);
      }
  });

  it('rule ids are unique within a category', () => {
    for (const table of SIGNATURES) {
      const ids = table.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('a good scan followed by changing DAP errors is signal-integrity, not wiring', () => {
    const log = [
      'Info : JTAG tap: stm32f1x.cpu tap/device found: 0x3ba00477 (mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x3)',
      'Error: Invalid ACK (6) in DAP response',
      'Error: Invalid ACK (3) in DAP response',
    ];
    const f = diagnose({ log });
    expect(f[0]?.category).toBe('signal-integrity');
    expect(f[0]?.steps.map((s) => s.action)).toContain('lower-adapter-speed');
    // The same ACK error after a chain of all ones is a dead line: wiring or power, never this.
    expect(diagnose({ log: ['Error: JTAG scan chain interrogation failed: all ones', 'Error: Invalid ACK (7) in DAP response'] }).map((x) => x.category)).not.toContain('signal-integrity');
  });

  it('the connect-under-reset check reorders "all ones": ok -> needs-reset-hold with its evidence; failed -> wiring first', () => {
    const log = ['Error: JTAG scan chain interrogation failed: all ones', 'Error: stm32f1x.cpu: IR capture error; saw 0x0f not 0x01'];
    expect(diagnose({ log })[0]?.category).toBe('target-unpowered');
    const ok = diagnose({ log, checks: [{ id: 'connect-under-reset', ok: true }] });
    expect(ok[0]?.category).toBe('needs-reset-hold');
    expect(ok[0]?.evidence).toContain('connected with connect_assert_srst after plain init failed');
    expect(ok[0]?.steps[0]?.args?.keep).toBe('true');
    const failed = diagnose({ log, checks: [{ id: 'connect-under-reset', ok: false }] });
    expect(failed.map((x) => x.category).slice(0, 2)).toEqual(['wiring', 'target-unpowered']);
    // A measured 0 V still makes it the power.
    expect(diagnose({ log, checks: [{ id: 'connect-under-reset', ok: false }], answers: { measuredVoltage: 0 } })[0]?.category).toBe('target-unpowered');
  });

  it('a healthy start-up gives no finding', () => {
    const ok = ['Open On-Chip Debugger 0.12.0', 'Info : clock speed 1000 kHz', 'Info : STLINK V2J37S7 (API v2) VID:PID 0483:3748', 'Info : Target voltage: 3.24', 'Info : [stm32f1x.cpu] Cortex-M3 r1p1 processor detected', 'Info : Listening on port 3333 for gdb connections'];
    expect(diagnose({ log: ok, exitCode: 0 })).toEqual([]);
  });
});
