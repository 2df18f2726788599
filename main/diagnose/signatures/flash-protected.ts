// Flash refuses erase/write because of read-out protection (RDP) or write protection (WRP).
import type { CategorySignatures } from '../types';

/**
 * The log is about a Nordic nRF51/52/53/91 target: its tap, cfg or flash bank name, the
 * nrf5/nrf51 flash driver, or the chip name that driver prints (e.g. "nRF51822-QFAA(build code: G0)").
 */
export function nordic(lines: Array<{ text: string }>): boolean {
  return lines.some((l) =>
    /\bnrf(5[123]|91)\w*\.(cpu|dap|tap|flash|uicr)\b|target\/nrf(5[123]|91)\w*\.cfg|\((nrf5|nrf51)\) at 0x|\bnRF5[123]\d{3}(-[A-Z]{4})?\b/i.test(l.text),
  );
}

/** An erase or sector write the generic flash layer (and nrf51.c) reports failed, no reason given. */
export const NRF_ERASE_REFUSED = /failed erasing sectors|Failed to write sector @|failed to erase sector/i;

/** src/target/cortex_m.c "%s: hardware has %d breakpoints, %d watchpoints" with the FPB read as zero: a locked AP. */
export const ZERO_FPB = /: hardware has 0 breakpoints/;

/** src/flash/nor/nrf5.c: the driver cannot read this nRF's protection scheme (see combine-causes nrf5UnknownProtectionRefused). */
export const NRF_PROTECTION_UNKNOWN = /Flash protection of this nRF device is not supported|Failed to check chip's write protection/;

export const flashProtected: CategorySignatures = {
  category: 'flash-protected',
  rules: [
    // src/flash/nor/stm32f1x.c stm32x_wait_status_busy(): FLASH_SR WRPRTERR set
    // (same text in stm32f2x.c and stm32l4x.c)
    // tcl/target/nrf52.cfg examine-fail handler (0.11+): the access port protection (UICR APPROTECT) is on
    { id: 'nrf52-approtect', source: 'tcl/target/nrf52.cfg', match: /nRF52 device has AP lock engaged|Use 'nrf52_recover' to erase and unlock/, weight: 0.92 },
    // src/flash/nor/nrf5.c: protected sectors / the NVMC refusing (nRF51/52)
    { id: 'nrf5-sector-protected', source: 'src/flash/nor/nrf5.c', match: /Write refused, sector \d+ is protected|Flash sector \d+ is protected/, weight: 0.8 },
    // OpenOCD 0.10 src/flash/nor/nrf51.c (renamed nrf5.c in 0.11, which words it as above): the sector is protected
    // (nRF51 PROTENSET / nRF52 BPROT); "nrf51 mass_erase" clears it with the flash
    { id: 'nrf51-protected-sector', source: 'src/flash/nor/nrf5.c (0.10: nrf51.c)', match: /Cannot erase protected sector at 0x[0-9a-f]+|Can't erase protected sector @ 0x[0-9a-f]+/, weight: 0.8 },
    { id: 'nrf5-nvmc-error', source: 'src/flash/nor/nrf5.c', match: /Error waiting NVMC_READY: generic flash write\/erase error/, weight: 0.55 },
    // src/flash/nor/kinetis.c: the FCF protection bytes / mass erase disabled (Kinetis MDM)
    { id: 'kinetis-protection-violated', source: 'src/flash/nor/kinetis.c', match: /Flash operation failed, protection violated/, weight: 0.8 },
    { id: 'kinetis-mass-erase-disabled', source: 'src/flash/nor/kinetis.c', match: /MDM: mass erase is disabled/, weight: 0.85 },
    // src/flash/nor/stm32lx.c (STM32L0/L1): write protection or RDP
    { id: 'stm32lx-denied', source: 'src/flash/nor/stm32lx.c', match: /access denied \/ write protected/, weight: 0.8 },
    { id: 'stm32-device-protected', source: 'src/flash/nor/stm32f1x.c, stm32f2x.c, stm32l4x.c', match: /stm32x device protected/, weight: 0.85 },
    // src/flash/nor/stm32f2x.c: "flash memory write protected"
    { id: 'write-protected', source: 'src/flash/nor/stm32f2x.c', match: /flash memory write protected/, weight: 0.85 },
    // src/flash/nor/stm32f1x.c options_read output: "read protection: on"
    { id: 'rdp-on', source: 'src/flash/nor/stm32f1x.c (stm32f1x options_read)', match: /read protection: on/, weight: 0.8 },
    // src/flash/nor/core.c flash_driver_erase(): "failed erasing sectors %u to %u"
    { id: 'failed-erasing', source: 'src/flash/nor/core.c', match: /failed erasing sectors \d+ to \d+/, weight: 0.45 },
    // src/flash/nor/core.c flash_driver_protect()
    { id: 'failed-protect', source: 'src/flash/nor/core.c', match: /failed setting protection for blocks/, weight: 0.4 },
    // Security/lock bits of other families, verbatim: kinetis.c and kinetis_ke.c kinetis_check_flash_security_status()
    // "**** Your Kinetis MCU is in secured state, which means that,  ****"; stm32f2x.c / em357.c options read
    // "Device Security Bit Set"; at91sam7.c "Security Bit Set, Operation Abort"; at91samd.c "SAMD: NVM lock error", atsame5.c "SAM: NVM lock error";
    // xmc4xxx.c "XMC4xxx flash protected".
    {
      id: 'secured',
      source: 'src/flash/nor/kinetis.c, kinetis_ke.c, stm32f2x.c, em357.c, at91sam7.c, at91samd.c, atsame5.c, xmc4xxx.c',
      match: /Your Kinetis MCU is in secured state|Device Security Bit Set|Security Bit Set, Operation Abort|SAMD?: NVM lock error|XMC4xxx flash protected/,
      weight: 0.7,
    },
    // src/flash/nor/stm32h7x.c stm32x_wait_flash_op_queue(): a write into a write-protected sector (WRPERR)
    { id: 'stm32h7-wrperr', source: 'src/flash/nor/stm32h7x.c', match: /wait_flash_op_queue, WRPERR detected/, weight: 0.7 },
    // src/target/riscv/riscv-013.c examine(): the RISC-V debug module is locked (authentication required)
    { id: 'riscv-not-authenticated', source: 'src/target/riscv/riscv-013.c', match: /Debugger is not authenticated to target Debug Module/, weight: 0.55 },
  ],
  describe(ctx) {
    const stm32 = ctx.hits.has('stm32-device-protected') || ctx.hits.has('rdp-on') || ctx.facts.readProtected !== undefined || /stm32/i.test(ctx.input.profile?.targetCfg ?? '');
    // An erase or sector write the generic flash layer reports failed on an nRF whose core was reachable (combine-causes nordicEraseRefused).
    const eraseRefused = nordic(ctx.lines) && ctx.lines.some((l) => NRF_ERASE_REFUSED.test(l.text)) && !ctx.lines.some((l) => ZERO_FPB.test(l.text));
    if ((ctx.hits.has('nrf51-protected-sector') || ctx.hits.has('nrf5-sector-protected') || eraseRefused) && !ctx.hits.has('nrf52-approtect')) {
      // The core answers and flash is readable; only the sector protection (PROTENSET/BPROT) refuses the erase.
      return {
        title: "The nRF's flash sectors are protected: erase refused",
        explanation:
          'The debugger reached the chip, but the flash controller keeps the sectors write-protected (nRF51 PROTENSET / nRF52 BPROT, set by a SoftDevice, bootloader or earlier firmware), so the erase before programming is refused. A mass erase clears the protection together with the flash.',
        steps: [
          { text: 'Mass-erase the chip: "nrf51 mass_erase" (OpenOCD 0.10) or "nrf5 mass_erase" (0.11+), then program again.', action: 'mass-erase' },
          { text: 'If the image needs a SoftDevice or bootloader, program those again after the mass erase.' },
        ],
      };
    }
    if (ctx.hits.has('nrf52-approtect') || (nordic(ctx.lines) && !stm32 && !ctx.hits.has('secured'))) {
      return {
        title: 'The nRF chip\'s access port protection (APPROTECT) is on',
        explanation:
          "With APPROTECT set, the nRF's debug port only opens its control AP: the core's MEM-AP is hidden, so OpenOCD cannot examine, read or program it. Recovering erases the whole chip (flash and UICR). Newer nRF52 revisions re-enable it at every reset unless the firmware keeps it off.",
        steps: [
          { text: 'Run "nrf52_recover" (OpenOCD 0.11+, or nrfjprog --recover with a J-Link): it mass-erases and unlocks the chip.', action: 'mass-erase' },
          { text: 'Flash firmware that keeps APPROTECT disabled (nRF52 rev. 3 / nRF53: the SystemInit handling, or the UICR value), or it locks again after reset.' },
          { text: 'With an ST-Link (HLA) this cannot work: use a CMSIS-DAP or J-Link probe, which reach the CTRL-AP.' },
        ],
      };
    }
    if (ctx.hits.has('secured') && !stm32) {
      // Kinetis, SAMD, SAM7, XMC4xxx...: the family's own security bit; each has its own unlock.
      return {
        title: 'The chip is secured: flash access refused',
        explanation:
          "The chip's security (read-protection) bit is set, so the debugger may not read or program its flash. Clearing it erases the whole flash; each family has its own command for that.",
        steps: [
          { text: 'Mass-erase the chip with its family\'s command (Kinetis: "kinetis mdm mass_erase"; SAMD: "at91samd chip-erase"), usually with reset held.', action: 'mass-erase' },
          { text: 'Power-cycle the board, then program the firmware again.' },
        ],
      };
    }
    const rdp = ctx.facts.readProtected === true || ctx.hits.has('rdp-on') || ctx.hits.has('secured');
    const wrp = ctx.facts.writeProtectRegister !== undefined && ctx.facts.writeProtectRegister !== 0xffffffff;
    if (rdp) {
      return {
        title: 'Flash is read-protected (RDP on)',
        explanation:
          'Read-out protection is on: the debugger may not read flash and cannot program it until protection is removed. Removing it erases the whole flash (that is the point of it).',
        steps: [
          { text: 'Halt the core ("reset halt"), then remove read protection: "stm32f1x unlock 0" (mass-erases the flash).', action: 'unlock-flash' },
          { text: 'Power-cycle the board: the new option bytes load only at power-on.' },
          { text: 'Program the firmware again.' },
        ],
      };
    }
    if (wrp) {
      return {
        title: 'Flash pages are write-protected (WRP)',
        explanation:
          'The flash controller refused to erase or write (WRPRTERR) because the option bytes write-protect some pages. The chip and connection are fine; clear the write protection first. Read protection is off, so nothing is erased by that.',
        steps: [
          { text: 'Remove write protection: "reset halt; flash protect 0 0 last off; reset halt" (rewrites the option bytes; the flash content stays).', action: 'remove-write-protection' },
          { text: 'Then program the firmware again.' },
          { text: 'If that does not clear it: "stm32f1x unlock 0" resets all option bytes (and erases the flash).', action: 'unlock-flash' },
        ],
      };
    }
    return {
      title: 'Flash is protected: erase/write refused',
      explanation:
        'The flash controller refused to erase or write (WRPRTERR): some pages are write-protected by the option bytes, or read protection is on. The chip and connection are fine; the protection has to be cleared first.',
      steps: [
        { text: 'Halt the core ("reset halt") and read the option bytes ("stm32f1x options_read 0") to see which protection is on.' },
        { text: 'For write protection only: "flash protect 0 0 last off", then reset.', action: 'remove-write-protection' },
        { text: 'Clear all protection: "stm32f1x unlock 0" (also removes read protection; erases the flash).', action: 'unlock-flash' },
        { text: 'Power-cycle the board, then erase and program again.', action: 'mass-erase' },
      ],
    };
  },
};
