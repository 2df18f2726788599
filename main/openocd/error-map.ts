// OpenOCD error text → the library's error classes, by table. Each rule quotes
// the exact OpenOCD 0.12 message(s) it is for (source file in a comment), so a
// rule can be checked against /work/openocd-src. Rules are in priority order:
// the first rule that matches any of the texts wins (e.g. "Target not halted"
// beats the "failed erasing sectors" it causes, because halting is the fix).
import {
  BreakpointError,
  ConnectionError,
  FlashError,
  JTAGError,
  OpenOCDError,
  ProcessError,
  TargetError,
  TargetNotHaltedError,
  ValidationError,
  type ErrorDetails,
} from './errors';

type ErrorClass = new (message: string, details?: ErrorDetails) => OpenOCDError;

export interface ErrorRule {
  id: string;
  error: ErrorClass;
  pattern: RegExp;
  hint?: string;
}

const NOT_HALTED_HINT = 'Halt the target first (Halt button or `halt`), then retry.';
const JTAG_HINT = 'Check the wiring (TCK/TMS/TDI/TDO/GND), that the target is powered, and try a lower adapter speed.';
const PROTECTED_HINT = 'The flash is read- or write-protected. Remove the protection (for STM32F1: `stm32f1x unlock 0`, then power-cycle) — this erases the chip.';

export const ERROR_RULES: readonly ErrorRule[] = [
  // --- target not halted (target.c, armv7m.c, cortex_m.c, flash drivers, …) ---
  // "Target not halted", "target not halted", "target was not halted", "%s: target not halted",
  // "Cannot communicate... target not halted.", "Unable to erase, target is not halted",
  // "target %s is not halted (add breakpoint)", "target %s was not halted when resume was requested"
  { id: 'not-halted', error: TargetNotHaltedError, pattern: /\btarget (?:\S+ )?(?:is |was )?not halted\b/i, hint: NOT_HALTED_HINT },

  // --- flash (flash/nor/core.c, stm32f1x.c, stm32f2x.c, stm32l4x.c, flash/startup.tcl) ---
  { id: 'flash-protected', error: FlashError, pattern: /stm32x device protected|flash memory write protected/, hint: PROTECTED_HINT },
  { id: 'flash-timeout', error: FlashError, pattern: /timed out waiting for flash/, hint: 'The flash controller did not finish in time; check the supply voltage and retry.' },
  { id: 'flash-not-erased', error: FlashError, pattern: /stm32x device programming failed \/ flash not erased/, hint: 'Erase the sectors before writing.' },
  { id: 'flash-erase', error: FlashError, pattern: /failed erasing sectors \d+ to \d+/ },
  { id: 'flash-write', error: FlashError, pattern: /error writing to flash at address|flash write failed|error executing \S+ flash write algorithm|Flash write aborted\./ },
  { id: 'flash-verify', error: FlashError, pattern: /verify failed in bank at|\*\* Verify Failed \*\*|checksum mismatch/ },
  { id: 'flash-program', error: FlashError, pattern: /\*\* Programming Failed \*\*/ },
  { id: 'flash-unlock', error: FlashError, pattern: /(?:flash|options) not unlocked/ },
  { id: 'flash-probe', error: FlashError, pattern: /auto_probe failed|Cannot identify target as a stm32x|flash bank \d+ does not exist|No flash at address/ },

  // --- JTAG / DAP link (jtag/core.c, target/adi_v5_jtag.c, adi_v5_swd.c, arm_adi_v5.c) ---
  { id: 'jtag-chain-stuck', error: JTAGError, pattern: /JTAG scan chain interrogation failed: all (?:ones|zeroes)/, hint: JTAG_HINT },
  { id: 'jtag-ir-capture', error: JTAGError, pattern: /IR capture error/, hint: JTAG_HINT },
  { id: 'jtag-invalid-mode', error: JTAGError, pattern: /jtag status contains invalid mode value - communication failure/, hint: JTAG_HINT },
  { id: 'jtag-unexpected-id', error: JTAGError, pattern: /UNEXPECTED idcode|JTAG tap: \S+\s+UNEXPECTED|Unexpected idcode after end of chain/, hint: 'The IDCODE on the chain is not the one the target config expects: wrong target config, or TDI/TDO swapped.' },
  { id: 'jtag-setup', error: JTAGError, pattern: /double-check your JTAG setup/, hint: JTAG_HINT },
  { id: 'dap-ack', error: JTAGError, pattern: /Invalid ACK \(\w+\) in DAP response|Error connecting DP: cannot read IDR/, hint: JTAG_HINT },

  // --- memory and target state (arm_adi_v5.c, target.c, cortex_m.c) ---
  // A bus fault on a memory access shows as "JTAG-DP STICKY ERROR" followed by
  // "Failed to read memory at 0x…": a memory error, not a broken link, so the
  // memory rules come before the sticky-error rule.
  { id: 'mem-read', error: TargetError, pattern: /Failed to read memory at 0x[0-9a-fA-F]+|Failed to read memory and, additionally, failed to find out where|read_memory: failed to read memory/ },
  { id: 'mem-write', error: TargetError, pattern: /Failed to write memory at 0x[0-9a-fA-F]+|Failed to write memory and, additionally, failed to find out where|write_memory: failed to write memory/ },
  { id: 'dap-sticky', error: JTAGError, pattern: /JTAG-DP STICKY ERROR/, hint: JTAG_HINT },
  { id: 'register', error: TargetError, pattern: /Could not (?:read|write to) register '[^']*'/, hint: 'Registers can only be read and written while the target is halted.' },
  { id: 'not-examined', error: TargetError, pattern: /Target not examined yet/, hint: 'OpenOCD could not talk to the core at start-up; check power and wiring, then reconnect.' },
  { id: 'wait-timeout', error: TargetError, pattern: /timed out while waiting for target \S+/ },
  { id: 'no-mem-ap', error: TargetError, pattern: /Could not find MEM-AP to control the core|Debug regions are unpowered/ },
  { id: 'no-target', error: TargetError, pattern: /target '[^']*' not defined|no target selected/ },

  // --- breakpoints (breakpoints.c, cortex_m.c) ---
  { id: 'bp-resources', error: BreakpointError, pattern: /Can not find free FPB Comparator!|could not add breakpoint|can't add breakpoint: |can't add \S+ watchpoint at|Failure setting watchpoints|(?:Context|Hybrid) breakpoint not available/, hint: 'All hardware breakpoint units are in use; remove one first.' },

  // --- servers and adapters (server.c, adapter drivers): the process cannot start or serve ---
  { id: 'port-in-use', error: ConnectionError, pattern: /couldn't bind \S+ to socket on port \d+: Address already in use/, hint: 'Another program uses that port; pick another port or stop the other OpenOCD.' },
  { id: 'connection-rejected', error: ConnectionError, pattern: /attempted '\S+' connection rejected/ },
  { id: 'adapter-not-found', error: ProcessError, pattern: /No J-Link device found|unable to find a matching CMSIS-DAP device|unable to open ftdi device|open failed|LIBUSB_ERROR_ACCESS|LIBUSB_ERROR_NOT_FOUND/, hint: 'Is the debug adapter plugged in? On Linux also check the udev rules (permission to open the USB device).' },
  { id: 'cfg-missing', error: ProcessError, pattern: /Can't find \S+\.cfg/, hint: 'The config file does not exist in OpenOCD\'s scripts folder; pick one from the list.' },

  // --- the command itself (helper/command.c, helper/fileio.c, Jim) ---
  { id: 'file-open', error: ValidationError, pattern: /couldn't open \S+/, hint: 'Check the file path.' },
  { id: 'line-too-long', error: ValidationError, pattern: /^line too long$/m },
  { id: 'invalid-command', error: OpenOCDError, pattern: /invalid command name "[^"]*"/ },
];

export interface OpenOcdErrorInput {
  /** The failing TCL command, for the message when OpenOCD says nothing. */
  command?: string;
  /** The Tcl error result (may be empty: many OpenOCD commands fail with only log output). */
  message: string;
  /** Error and warning lines OpenOCD logged while the command ran ("Error: Failed to read memory at 0x…"), verbatim. */
  logLines?: readonly string[];
}

export function findRule(texts: readonly string[]): { rule: ErrorRule; text: string } | undefined {
  for (const rule of ERROR_RULES) {
    for (const text of texts) if (rule.pattern.test(text)) return { rule, text };
  }
  return undefined;
}

export function mapOpenOcdError(input: OpenOcdErrorInput): OpenOCDError {
  const message = input.message.trim();
  const logLines = (input.logLines ?? []).map((l) => l.trim()).filter(Boolean);
  const texts = message ? [message, ...logLines] : logLines;
  const hit = findRule(texts);
  const openocdText = texts.length ? texts.join('\n') : undefined;
  // The headline: the line a rule recognised; else OpenOCD's first "Error:" line
  // (the Tcl result of a failing command is often its regular output, e.g.
  // "auto erase enabled"); else the Tcl result; else the command.
  const firstError = logLines.find((l) => l.startsWith('Error:') || /^\S+:\d+: Error: /.test(l));
  const best = hit ? stripLevel(hit.text) : firstError ? stripLevel(firstError) : message;
  const text = best || (input.command ? `'${firstLine(input.command)}' failed` : 'OpenOCD command failed');
  const ErrorCtor = hit?.rule.error ?? OpenOCDError;
  return new ErrorCtor(text, { hint: hit?.rule.hint, openocdText });
}

function stripLevel(line: string): string {
  return line.replace(/^(?:Error|Warn |Info |Debug|User ): /, '');
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
