// Programming failed inside the flash driver: algorithm timeouts, verify mismatches,
// write errors not caused by protection.
import type { CategorySignatures } from '../types';

/** The SPI flash drivers' warning before they fail on a flash above 16 MB (see openocd-outdated's spi-no-4byte). */
const SPI_NO_4BYTE = /device needs paging or 4-byte addresses - not implemented/;

export const flashDriver: CategorySignatures = {
  category: 'flash-driver',
  rules: [
    // src/flash/nor/stm32f1x.c
    { id: 'write-failed-before', source: 'src/flash/nor/stm32f1x.c', match: /flash write failed (just before|at) address/, weight: 0.65 },
    { id: 'programming-failed-not-erased', source: 'src/flash/nor/stm32f1x.c', match: /device programming failed \/ flash not erased/, weight: 0.6 },
    { id: 'timed-out-flash', source: 'src/flash/nor/stm32f1x.c', match: /timed out waiting for flash/, weight: 0.55 },
    { id: 'algo-failed', source: 'src/flash/nor/stm32f1x.c', match: /Failed to execute algorithm at 0x/, weight: 0.55 },
    // src/target/target.c: "timeout waiting for algorithm, a target reset is recommended"
    { id: 'algo-timeout', source: 'src/target/target.c', match: /timeout waiting for algorithm/, weight: 0.55 },
    // src/flash/nor/stm32f2x.c, stm32l4x.c: FLASH_SR error bits after the write algorithm; WRPERR (bit 4) is
    // printed as "flash memory write protected" (flash-protected), the other bits are a programming error
    { id: 'stm32-sr-error', source: 'src/flash/nor/stm32f2x.c, stm32l4x.c', match: /flash write failed = (?:0x)?([0-9a-f]{8})\b/i, weight: 0.55, when: (m) => (parseInt(m[1] ?? '0', 16) & 0x10) === 0 },
    { id: 'stm32-write-algorithm-failed', source: 'src/flash/nor/stm32f2x.c, stm32l4x.c', match: /error executing stm32x flash write algorithm/, weight: 0.4 },
    // src/flash/nor/fespi.c, stmsmi.c probe(): no controller base on the flash bank line, and the target's
    // device ID is not in the driver's table of known ones
    { id: 'spi-unknown-device', source: 'src/flash/nor/fespi.c, stmsmi.c', match: /Device ID 0x[0-9a-f]+ is not known as (FESPI|SMI) capable/i, weight: 0.8 },
    // src/flash/nor/core.c
    { id: 'failed-erasing', source: 'src/flash/nor/core.c', match: /failed erasing sectors \d+ to \d+/, weight: 0.35 },
    { id: 'verify-failed-bank', source: 'src/flash/nor/core.c', match: /verify failed in bank at/, weight: 0.55 },
    { id: 'write-aborted', source: 'src/flash/nor/core.c', match: /Flash write aborted/, weight: 0.5 },
    { id: 'no-flash-at', source: 'src/flash/nor/core.c', match: /No flash at address 0x/, weight: 0.45 },
    // src/flash/startup.tcl program proc
    { id: 'programming-failed', source: 'src/flash/startup.tcl', match: /\*\* Programming Failed \*\*/, weight: 0.45 },
    { id: 'verify-failed', source: 'src/flash/startup.tcl', match: /\*\* Verify Failed \*\*/, weight: 0.55 },
    // src/flash/nor/stm32f1x.c / stm32f2x.c: slow path when no RAM work area
    { id: 'no-working-area', source: 'src/flash/nor/stm32f1x.c', match: /no (large enough )?working area available, can't do block memory writes/, weight: 0.15 },
    { id: 'error-writing-flash', source: 'src/flash/nor/core.c', match: /error writing to flash at address/i, weight: 0.5 },
    // src/flash/nor/rp2040.c, fespi.c, stmsmi.c, ...: the external SPI flash's JEDEC ID is not in the table
    { id: 'spi-flash-unknown', source: 'src/flash/nor/rp2040.c, fespi.c, stmsmi.c, lpcspifi.c, sh_qspi.c, ath79.c', match: /Unknown flash device \(ID 0x[0-9a-f]+\)/i, weight: 0.6 },
    // src/flash/nor/nrf5.c nrf5_write(): the NVMC write itself failed (protection is reported separately)
    { id: 'nrf5-write-failed', source: 'src/flash/nor/nrf5.c', match: /Failed to write to nrf5 flash/, weight: 0.45 },
    // src/flash/nor/at91samd.c samd_check_error(): NVM controller errors while programming (lock errors are flash-protected)
    { id: 'samd-nvm-error', source: 'src/flash/nor/at91samd.c', match: /SAMD: NVM (programming error|programming timed out|Error)\b/, weight: 0.5 },
    // src/flash/nor/rp2040.c: the boot ROM's flash routines could not be run (QSPI flash not reachable, or the core not usable)
    { id: 'rp2040-rom-flash', source: 'src/flash/nor/rp2040.c', match: /Failed to connect internal flash|Failed to invoke flash programming code on target|Failed to exit flash XIP mode|Failed to invoke ROM function @0x/, weight: 0.45 },
    // src/flash/nor/stm32h7x.c, stm32l4x.c: erase failures reported by the flash controller
    { id: 'stm32-erase-failed', source: 'src/flash/nor/stm32h7x.c, stm32l4x.c', match: /erase time-out or operation error sector \d+|stm32(h7|l4)x mass erase failed/, weight: 0.45 },
    // src/target/riscv/riscv.c riscv_run_algorithm(): the flash algorithm on a RISC-V core did not finish
    { id: 'riscv-algo-timeout', source: 'src/target/riscv/riscv.c', match: /Algorithm timed out after \d+ ms/, weight: 0.4 },
  ],
  describe(ctx) {
    const verify = ctx.hits.has('verify-failed') || ctx.hits.has('verify-failed-bank');
    if (ctx.hits.has('spi-unknown-device')) {
      const fespi = ctx.lines.some((l) => /FESPI capable/i.test(l.text));
      return {
        title: `The ${fespi ? 'FESPI' : 'SMI'} flash driver does not know where this chip's SPI controller is`,
        explanation:
          'The flash bank line gives no address for the SPI controller, so the driver looks the target\'s device ID up in its table of known chips; this core\'s ID is not in it (a newer or self-built core), so the bank cannot be probed or programmed.',
        steps: [
          {
            text: fespi
              ? 'Give the controller\'s register base as the last argument of the flash bank line, e.g. `flash bank spi0 fespi 0x20000000 0 0 0 $_TARGETNAME 0x10014000` (the base is in the SoC\'s memory map).'
              : 'Give the SMI controller\'s register base on the flash bank line (see the stmsmi section of the OpenOCD manual).',
          },
          { text: 'Or use a board cfg made for this core (freedom-e-sdk / the vendor\'s OpenOCD), which has the right base.', action: 'suggest-cfg' },
        ],
      };
    }
    // The driver said why before it failed: it cannot address a flash this large (openocd-outdated's rule).
    if (ctx.lines.some((l) => SPI_NO_4BYTE.test(l.text)))
      return {
        title: 'The SPI flash driver cannot program a flash this large',
        explanation:
          'The driver found a flash above 16 MB and said it has no 4-byte addressing ("device needs paging or 4-byte addresses"); the write then failed. OpenOCD 0.12 (and current riscv-openocd) gave jtagspi and fespi 4-byte addresses.',
        steps: [
          { text: 'Install a newer OpenOCD (for RISC-V boards, a current riscv-openocd) whose SPI driver addresses large flashes.', action: 'update-openocd' },
          { text: 'Until then, keep the image within the first 16 MB, or use the vendor\'s flasher.' },
        ],
      };
    return {
      title: verify ? 'Flash contents differ from the image after programming' : 'The flash driver failed while programming',
      explanation: verify
        ? 'Programming finished but reading back gave different bytes. Usually the pages were not erased first, the image is larger than the flash, or the link is unreliable at this speed.'
        : 'OpenOCD reached the chip, but the flash algorithm failed or timed out. Common causes: the core was not halted/reset before programming, a wrong flash size for a clone chip, an unreliable link, or an unstable supply.',
      steps: [
        { text: 'Run "reset halt" and program again (program <file> verify reset).', action: 'halt-target' },
        { text: 'Erase first (flash erase_sector / mass erase), then program.', action: 'mass-erase' },
        { text: 'Lower the adapter speed and retry.', action: 'lower-adapter-speed', args: { khz: '500' } },
        { text: 'On clones, set the real FLASH_SIZE and check the image fits.' },
      ],
    };
  },
};
