// This OpenOCD is too old for the probe, the script or the chip.
import type { CategorySignatures } from '../types';
import { compareVersions, newerCommand, newerScript, releaseName } from './version-knowledge';
import { familyMissingFromDriver, judgeDevId } from '../stm32-devids';
import { hex32 } from '../idcodes';
import { NRF_PROTECTION_UNKNOWN } from './flash-protected';
import { ownScriptMissingCommand } from '../own-scripts';

export const openocdOutdated: CategorySignatures = {
  category: 'openocd-outdated',
  rules: [
    // src/target/cortex_m.c cortex_m_examine(): a core newer than this OpenOCD
    { id: 'partno-unrecognized', source: 'src/target/cortex_m.c', match: /Cortex-M PARTNO 0x[0-9a-f]+ is unrecognized/i, weight: 0.5 },
    // src/jtag/adapter.c: driver name this build does not have
    { id: 'interface-not-found', source: 'src/jtag/adapter.c', match: /The specified debug interface was not found \(([^)]+)\)/, weight: 0.45 },
    // src/transport/transport.c: transport names added later (dapdirect_swd in 0.11)
    { id: 'no-such-transport', source: 'src/transport/transport.c', match: /No transport named '(dapdirect_\w+|swim)' is available/, weight: 0.8 },
    // Cortex-M flash driver unknown to this build: "flash driver '%s' not found" (src/flash/nor/tcl.c)
    { id: 'flash-driver-not-found', source: 'src/flash/nor/tcl.c', match: /flash driver '([^']+)' not found/, weight: 0.7 },
    // src/target/target.c target_create(): "Unknown target type %s, try one of <list>"
    { id: 'target-type-unknown', source: 'src/target/target.c', match: /Unknown target type \S+/, weight: 0.55 },
    // src/flash/nor/stm32f1x.c etc.: device id not in this version's table
    { id: 'cannot-identify', source: 'src/flash/nor/stm32f1x.c', match: /Cannot identify target as a (stm32x|STM32 family)/i, weight: 0.25 },
    // src/flash/nor/at91samd.c, atsame5.c: a SAM D/C/L/E part newer than this build's table ("correspoding" before 0.10)
    { id: 'sam-unknown-did', source: 'src/flash/nor/at91samd.c, atsame5.c', match: /Couldn't find part corr\w+ to DID/, weight: 0.7 },
    // src/flash/nor/kinetis.c: a Kinetis part newer than this build's table
    { id: 'kinetis-unsupported', source: 'src/flash/nor/kinetis.c', match: /MCU is unsupported, SDID|Unsupported (Kinetis|K-family|KE|KV|KW) (FAMILYID|FAMID)/, weight: 0.55 },
    // An SPI flash above 16 MB: jtagspi.c and fespi.c printed this until 0.11 (0.12 gave them 4-byte
    // addresses); ath79.c, stmsmi.c and others still do in 0.12. So a newer build is the likely fix, and
    // where the flash algorithm then failed too, flash-driver stays close (weight below its rules).
    { id: 'spi-no-4byte', source: 'src/flash/nor/stmsmi.c, ath79.c (jtagspi.c, fespi.c until 0.11)', match: /device needs paging or 4-byte addresses - not implemented/, weight: 0.6 },
    // invalid command / Can't find: weighted in combine.ts from version-knowledge.ts
    { id: 'invalid-command-name', source: 'jimtcl', match: /invalid command name "([^"]+)"/, weight: 0.05 },
    { id: 'cant-find-file', source: 'src/helper/startup.tcl', match: /Can't find (\S+)/i, weight: 0.05 },
  ],
  describe(ctx) {
    const v = ctx.facts.openocdVersion;
    const newerCmd = ctx.facts.unknownCommands.map((c) => ({ c, v: newerCommand(c, v) })).find((x) => x.v);
    const newerCfg = ctx.facts.missingFiles.map((f) => ({ f, v: newerScript(f) })).find((x) => x.v);
    const what = newerCmd
      ? `the command "${newerCmd.c}" (added in OpenOCD ${releaseName(newerCmd.v ?? '')})`
      : newerCfg
        ? `${newerCfg.f} (added in OpenOCD ${releaseName(newerCfg.v ?? '')})`
        : ctx.hits.has('partno-unrecognized')
          ? 'this Cortex-M core'
          : 'this probe, script or chip';
    const own = ownScriptMissingCommand(ctx.lines);
    if (own) {
      return {
        title: `This OpenOCD lacks the command "${own.command}" its own script ${own.script} calls`,
        explanation: `The error comes from ${own.script}, one of the scripts installed with this OpenOCD${v ? ` (${v})` : ''}, not from your configuration: the binary is older than its scripts, or the release did not implement "${own.command}" yet.`,
        steps: [
          { text: 'Install a newer release of the same OpenOCD (for a vendor build such as openocd-esp32, its vendor\'s current release), and check which openocd binary the IDE or tool really starts.', action: 'update-openocd' },
          { text: 'Do not mix a binary with scripts from another OpenOCD: use the scripts folder that came with the binary.' },
        ],
      };
    }
    if (ctx.hits.has('spi-no-4byte')) {
      return {
        title: `OpenOCD ${v ?? ''} cannot address this SPI flash beyond 16 MB`.replace('  ', ' '),
        explanation: 'Its SPI flash driver has no 4-byte addressing: the flash is larger than 3-byte addresses reach, so programming past 16 MB cannot work. OpenOCD 0.12 gave jtagspi and fespi (SiFive) 4-byte addresses; a few other SPI drivers (ath79, stmsmi, lpcspifi, mrvlqspi) still lack them.',
        steps: [
          { text: 'Install OpenOCD 0.12 or newer (for RISC-V boards, a current riscv-openocd): its jtagspi and fespi drivers use 4-byte addresses for large flashes.', action: 'update-openocd' },
          { text: 'With one of the drivers that still lack it, program only the first 16 MB, or use the vendor\'s flasher.' },
        ],
      };
    }
    const dev = judgeDevId(ctx.facts, ctx.lines, ctx.hits.has('cannot-identify') || /Cannot identify target/.test(ctx.lines.map((l) => l.text).join('\n')));
    if (dev?.kind === 'driver-too-old') {
      return {
        title: `OpenOCD ${v ?? ''} does not know device id ${hex32(dev.deviceId)} (${dev.devId.name})`.replace('  ', ' '),
        explanation: `${dev.text} Its flash driver cannot identify the chip, so it cannot probe or program the flash.`,
        steps: [
          { text: `Install OpenOCD 0.12 or newer (xPack builds exist for every OS): its flash driver knows the ${dev.devId.name}.`, action: 'update-openocd' },
          { text: 'Until then, a flash bank with an explicit size in the cfg may work around the failed probe.' },
        ],
      };
    }
    const missing = familyMissingFromDriver(ctx.lines);
    if (missing) {
      return {
        title: `This OpenOCD's STM32 flash driver does not support the STM32${missing.family} family`,
        explanation: `Its stm32l4x flash driver knows ${missing.listed.map((f) => `STM32${f}`).join(', ')}, but the target cfg is for an STM32${missing.family}: the driver cannot identify the chip, so it cannot probe or program the flash. Support for a family arrives in a later release (or first in ST's own OpenOCD fork).`,
        steps: [
          { text: `Install an OpenOCD whose flash driver lists STM32${missing.family}: a current xPack build, mainline master, or ST's OpenOCD (STM32CubeIDE) for new families.`, action: 'update-openocd' },
          { text: 'Until then, program with STM32CubeProgrammer.' },
        ],
      };
    }
    const text = ctx.lines.map((l) => l.text).join('\n');
    if (NRF_PROTECTION_UNKNOWN.test(text) && /Cannot erase protected sector/.test(text)) {
      return {
        title: 'This OpenOCD refuses to erase an nRF sector whose protection it cannot read',
        explanation: 'Its nrf5 flash driver does not know this nRF\'s flash protection scheme ("Flash protection of this nRF device is not supported") and still treats the sector as protected. OpenOCD 0.11 removed that check (gerrit 5348): the chip is most likely not protected at all.',
        steps: [
          { text: 'Install OpenOCD 0.11 or newer (xPack builds exist for every OS) and check which openocd binary the IDE or launcher really starts.', action: 'update-openocd' },
          { text: 'If a current OpenOCD still refuses, the chip is protected: mass-erase it ("nrf5 mass_erase" or "nrf52_recover").', action: 'mass-erase' },
        ],
      };
    }
    // Only the age of the build points here (combine.ts): say so, do not claim a missing feature.
    if (ctx.hits.size === 0 && !newerCmd && !newerCfg && v && compareVersions(v, '0.11.0') < 0) {
      return {
        title: `OpenOCD ${v} is old: a newer one may fix this`,
        explanation: `This OpenOCD (${v}) predates 0.11 (2021). Probe firmware, chip tables, adapter drivers and scripts have changed a lot since; many failures people report with it go away with a current OpenOCD.`,
        steps: [
          { text: 'Install OpenOCD 0.12 or newer (xPack OpenOCD builds exist for every OS) and try again with its own scripts.', action: 'update-openocd' },
        ],
      };
    }
    return {
      title: `OpenOCD ${v ?? ''} is too old for ${what}`.replace('  ', ' '),
      explanation: `The configuration needs ${what}, which this OpenOCD${v ? ` (${v})` : ''} does not know. Scripts and chip support are tied to the OpenOCD version.`,
      steps: [
        { text: 'Install OpenOCD 0.12 or newer (xPack OpenOCD builds exist for every OS) and point the app at it.', action: 'update-openocd' },
        { text: 'Or use the scripts that ship with this OpenOCD (e.g. interface/stlink-v2.cfg on 0.10).', action: 'suggest-cfg' },
      ],
    };
  },
};
