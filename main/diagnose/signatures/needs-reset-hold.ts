// The chip is powered and wired, but the firmware running on it disables the debug
// port (pins remapped, low-power sleep, watchdog resets). Connecting while reset is
// held (connect_assert_srst) stops the firmware before it can do that.
import type { CategorySignatures } from '../types';

/** The banner of STMicroelectronics' OpenOCD fork (STM32CubeIDE ships it). */
export function stFork(lines: Array<{ text: string }>): boolean {
  return lines.some((l) => /Open On-Chip Debugger .*(STMicroelectronics|\[ST Internal\])/.test(l.text));
}

export const needsResetHold: CategorySignatures = {
  category: 'needs-reset-hold',
  rules: [
    // src/target/hla_target.c adapter_poll() (and 0.10 hla_target.c)
    { id: 'hla-invalid-mode', source: 'src/target/hla_target.c', match: /jtag status contains invalid mode value - communication failure/, weight: 0.7 },
    // src/target/target.c handle_target(): LOG_USER("Polling target %s failed, trying to reexamine")
    { id: 'polling-failed', source: 'src/target/target.c', match: /Polling target \S+ failed, trying to reexamine/, weight: 0.35 },
    // src/target/target.c: LOG_USER("Examination failed, GDB will be halted. Polling again in %dms")
    { id: 'examination-failed-poll', source: 'src/target/target.c', match: /Examination failed, GDB will be halted/, weight: 0.3 },
    // src/jtag/drivers/stlink_usb.c stlink_usb_state(): LOG_INFO("Previous state query failed, trying to reconnect")
    { id: 'stlink-reconnect', source: 'src/jtag/drivers/stlink_usb.c', match: /Previous state query failed, trying to reconnect/, weight: 0.3 },
    { id: 'stlink-init-mode-failed', source: 'src/jtag/drivers/stlink_usb.c', match: /init mode failed \(unable to connect to the target\)/, weight: 0.4 },
    { id: 'swd-cannot-read-idr', source: 'src/target/adi_v5_swd.c', match: /Error connecting DP: cannot read IDR/, weight: 0.35 },
    // src/target/riscv/riscv-013.c examine() / halt: the hart answers on the debug module but will not halt
    // (firmware in a low-power wait, a locked debug module, or one that needs a reset to stop)
    { id: 'riscv-hart-examine-halt', source: 'src/target/riscv/riscv-013.c', match: /Fatal: Hart \d+ failed to halt during examine/, weight: 0.55 },
    { id: 'riscv-unable-halt-hart', source: 'src/target/riscv/riscv-013.c', match: /unable to halt hart \d+/i, weight: 0.45 },
    // src/target/riscv/riscv-013.c: the debug module never came up / DMI stalls (firmware or clock gating)
    { id: 'riscv-dm-inactive', source: 'src/target/riscv/riscv-013.c', match: /Debug Module did not become active|DMI operation didn't complete in \d+ seconds/, weight: 0.4 },
    // src/server/gdb_server.c: GDB refused because the target never examined (the examine failure is the cause)
    { id: 'gdb-refused-not-examined', source: 'src/server/gdb_server.c', match: /Target \S+ not examined yet, refuse gdb connection/, weight: 0.25 },
    // src/target/target.c target_wait_state(): "timed out while waiting for target halted"
    { id: 'halt-timeout', source: 'src/target/target.c', match: /timed out while waiting for target halted/, weight: 0.5 },
    // src/target/cortex_m.c
    { id: 'lockup', source: 'src/target/cortex_m.c', match: /clearing lockup after double fault/, weight: 0.45 },
    { id: 'examination-failed', source: 'src/target/target.c', match: /target \S+ examination failed/, weight: 0.3 },
    { id: 'not-examined', source: 'src/target/target.c, src/server/gdb_server.c', match: /Target (\S+ )?not examined yet/, weight: 0.3 },
    { id: 'dp-init-failed', source: 'src/target/cortex_m.c', match: /DP initialisation failed/, weight: 0.35 },
    { id: 'no-mem-ap', source: 'src/target/cortex_m.c', match: /Could not find MEM-AP to control the core/, weight: 0.3 },
  ],
  describe(ctx) {
    const lost = ctx.hits.has('hla-invalid-mode') || ctx.hits.has('polling-failed') || ctx.hits.has('stlink-reconnect');
    // The app's automatic retry under reset connected: offer to keep that setting.
    const confirmed = (ctx.input.checks ?? []).some((c) => c.id === 'connect-under-reset' && c.ok);
    if (confirmed) {
      return {
        title: 'The chip must be held in reset to connect',
        explanation:
          'Plain init found nothing on the debug port, but the retry with reset held (connect_assert_srst) connected: the firmware takes or switches off the debug pins as soon as it runs. Connecting under reset stops it first.',
        steps: [
          { text: 'Keep connect-under-reset in this profile (reset_config srst_only srst_nogate connect_assert_srst).', action: 'retry-connect-under-reset', args: { keep: 'true' } },
          { text: 'Now that you are connected, erase the firmware so it stops taking the debug pins (this erases the whole flash).', action: 'mass-erase' },
          { text: 'Or reflash a firmware that leaves the debug pins (SWJ) enabled and does not sleep right after reset.' },
        ],
      };
    }
    return {
      title: lost ? 'The firmware on the chip cuts the debug connection' : 'The chip must be held in reset to connect',
      explanation: lost
        ? 'OpenOCD reached the chip, then lost it while polling. Firmware that sleeps (WFI/stop mode), reuses the SWD/JTAG pins as GPIO, or resets in a loop switches the debug port off shortly after start.'
        : `The chip does not answer on the debug port${(ctx.input.answers?.measuredVoltage ?? ctx.facts.targetVoltage) !== undefined ? ' although power is present' : ''}. Firmware that disables or sleeps the debug port does this; connecting while reset is held stops the firmware before it runs.`,
      steps: [
        { text: "Connect under reset: wire the adapter's NRST to the chip's reset and use reset_config srst_only srst_nogate connect_assert_srst.", action: 'retry-connect-under-reset' },
        { text: 'Without an NRST wire: hold the board\'s reset button, start the connection, release the button about a second later.' },
        { text: 'Once connected, erase or reflash the firmware so the debug port stays enabled.', action: 'mass-erase' },
        { text: 'For STM32: tie BOOT0 high while resetting so the ROM bootloader runs instead of your firmware.' },
        ...(ctx.hits.has('stlink-init-mode-failed') && stFork(ctx.lines)
          ? [{ text: "This is ST's own OpenOCD (STM32CubeIDE): it refuses clone or counterfeit chips (common on Blue Pill boards). If reset does not help, try the upstream OpenOCD with 'set CPUTAPID 0' to read the chip's real ID." }]
          : []),
      ],
    };
  },
};
