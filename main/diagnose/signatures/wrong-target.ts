// The chip answers, but it is not the chip the target cfg expects: another family,
// a clone (GD32/CKS32/APM32 for STM32F103) or another revision.
import type { CategorySignatures, DescribeContext, IdcodeMismatch } from '../types';
import type { FindingStep } from '../../../shared/diagnose';
import { hex32, isPlausibleIdcode, lookupIdcode, manufacturerOf, type KnownIdcode } from '../idcodes';
import { judgeDevId } from '../stm32-devids';

export const wrongTarget: CategorySignatures = {
  category: 'wrong-target',
  rules: [
    // src/jtag/core.c jtag_examine_chain_match_tap(): "JTAG tap: <tap> UNEXPECTED: 0x%08x (mfg: ...)"
    { id: 'jtag-unexpected', source: 'src/jtag/core.c', match: /JTAG tap: \S+\s+UNEXPECTED: (0x[0-9a-f]{8})/i, weight: 0.55 },
    // src/jtag/hla/hla_interface.c: LOG_WARNING("UNEXPECTED idcode: 0x%08x")
    { id: 'hla-unexpected', source: 'src/jtag/hla/hla_interface.c', match: /^UNEXPECTED idcode: (0x[0-9a-f]+)/i, weight: 0.6 },
    // src/flash/nor/stm32f1x.c: "Cannot identify target as a stm32x" / "Cannot identify target as a STM32 family."
    // (stm32f2x.c prints the second one too)
    { id: 'cannot-identify-stm32', source: 'src/flash/nor/stm32f1x.c, stm32f2x.c', match: /Cannot identify target as a (stm32x|STM32 family)/i, weight: 0.6 },
    // src/flash/nor/stm32f1x.c: "STM32 flash size failed, probe inaccurate - assuming %dk flash" (clones)
    { id: 'flash-size-failed', source: 'src/flash/nor/stm32f1x.c', match: /STM32 flash size failed, probe inaccurate/, weight: 0.35 },
    // src/target/cortex_m.c cortex_m_examine(): "Cortex-M PARTNO 0x%x is unrecognized"
    { id: 'partno-unrecognized', source: 'src/target/cortex_m.c', match: /Cortex-M PARTNO 0x[0-9a-f]+ is unrecognized/i, weight: 0.45 },
    // Other flash drivers' probe on an unknown device id (0.12 wording): stm32l4x.c "Cannot identify target as an
    // %s family device.", stm32h7x.c "... as a STM32H7xx family.", stm32lx.c "... as an STM32 L0 or L1 family device.",
    // pic32mx.c, tms470.c "... as a <X> family.", stellaris.c "... as a Stellaris", at91sam7.c "... as an AT91SAM",
    // lpc288x.c "... as an LPC288X (%08x)". stm32f1x/f2x's "as a STM32 family." is cannot-identify-stm32 above.
    {
      id: 'unknown-device',
      source: 'src/flash/nor/stm32l4x.c, stm32h7x.c, stm32lx.c, pic32mx.c, tms470.c, stellaris.c, at91sam7.c, lpc288x.c',
      match: /Cannot identify target as an? (?!STM32 family)(\S+ family|STM32 L0 or L1 family|Stellaris|AT91SAM|LPC288X)/,
      weight: 0.4,
    },
    // src/target/arm_adi_v5.c mem_ap_write(): "Failed to write memory at 0x%8.8x" to 0x4002380x, the RCC of the
    // STM32F2/F4/F7 (RCC_CR/PLLCFGR/CFGR) that tcl/target/stm32f4x.cfg's reset-init sets up. A bus fault there means
    // the chip has no F2/F4/F7 RCC at that address: an F1-style part (GD32C103, GD32F1x0) run with the F4 cfg.
    { id: 'f4-rcc-write-failed', source: 'src/target/arm_adi_v5.c', match: /Failed to write memory at 0x4002380[0-9a-f]\b/i, weight: 0.5 },
  ],
  describe(ctx) {
    if (ctx.hits.has('f4-rcc-write-failed') && ctx.hits.size === 1)
      return {
        title: 'The chip has no STM32F2/F4/F7 clock controller where the target cfg writes it',
        explanation:
          "Writing 0x4002380x failed. That is the STM32F2/F4/F7 RCC, which target/stm32f4x.cfg programs on reset-init; a chip that bus-faults there has another memory map (an STM32F1-style part such as a GD32F1/C1, or an F0/F3/L-series chip), so the target cfg is for another family.",
        steps: [
          { text: 'Read the marking on the chip and use its family\'s target cfg (for GD32F1x/GD32C1x parts: target/stm32f1x.cfg).', action: 'suggest-target-for-idcode' },
          { text: 'Check the board definition or launch config that picked stm32f4x.cfg (PlatformIO openocd_target, IDE debug config).' },
        ],
      };
    const dev = judgeDevId(ctx.facts, ctx.lines, true);
    if (dev?.kind === 'other-chip' && !plausibleMismatch(ctx)) {
      return {
        title: `The chip reports device id ${hex32(dev.deviceId)} (${dev.devId.name})${dev.cfgPart ? `, not an STM32${dev.cfgPart}` : ''}`,
        explanation: `${dev.text} ST's own tools (STM32CubeIDE, ST's OpenOCD) refuse chips that are not what they claim; flash size and layout may differ too.`,
        steps: [
          { text: 'Read the marking on the chip; a Blue Pill "STM32F103C8" that reports another id is usually a remarked or clone part (CKS32, CS32, GD32, APM32).' },
          { text: `Choose the target cfg for what the chip reports (${dev.devId.name}), or use the upstream OpenOCD with the generic target cfg.` },
          { text: 'For a clone, set "set CPUTAPID 0" (accept any ID) and the real FLASH_SIZE in the cfg.' },
        ],
      };
    }
    const mismatch = plausibleMismatch(ctx);
    const steps: FindingStep[] = [];
    if (mismatch) {
      const found = hex32(mismatch.found);
      const known = lookupIdcode(mismatch.found);
      const expected = mismatch.expected.map(hex32).join(' or ') || 'another value';
      // The boundary-scan TAP names the exact family better than the ARM debug port does.
      const family = familyFromChain(ctx) ?? known;
      const expectedCfg = mismatch.expected.map(lookupIdcode).find((k) => k?.targetCfg)?.targetCfg ?? ctx.input.profile?.targetCfg;
      const otherFamily = family?.targetCfg !== undefined && expectedCfg !== undefined && family.targetCfg !== expectedCfg;
      if (family?.targetCfg && (otherFamily || !expectedCfg))
        steps.push({ text: `${hex32(family.idcode)} is ${family.part}: use ${family.targetCfg}.`, action: 'suggest-target-for-idcode', args: { idcode: hex32(family.idcode), cfg: family.targetCfg } });
      // An ARM debug-port ID is shared by several families: name the stock cfgs that expect it.
      const shared = family?.targetCfg ? [] : (family?.alsoCfgs ?? []).filter((c) => c !== expectedCfg);
      if (shared.length > 0)
        steps.push({
          text: `${hex32(family?.idcode ?? mismatch.found)} is a ${family?.part ?? 'different part'}. If the chip marking is one of those, use its cfg: ${shared.slice(0, 4).join(', ')}${shared.length > 4 ? ', ...' : ''}.`,
          action: 'suggest-target-for-idcode',
          args: { idcode: found, cfg: shared[0] ?? '', cfgs: shared.join(',') },
        });
      if (!otherFamily && (known?.compatibleWith || !known || isCpuTap(mismatch)))
        steps.push({ text: `If the chip is a compatible part or clone${known ? ` (${known.part})` : ''}, tell the cfg to accept its ID: add "set CPUTAPID ${found}" before the target cfg.`, action: 'set-cputapid', args: { cputapid: found } });
      if (!family?.targetCfg && shared.length === 0) steps.push({ text: `Pick the target cfg for the chip that answers with ${found}.`, action: 'suggest-target-for-idcode', args: { idcode: found } });
      steps.push({ text: 'Read the marking on the chip and compare it with the target cfg in the profile.' });
      return {
        title: `Different chip than the target cfg expects (ID ${found})`,
        explanation: `The chip answered with ID ${found}${known ? ` (${known.part})` : ''}, a valid ID from a real part, but the target cfg expects ${expected}. Either the profile names the wrong chip family, or the board carries a clone or a newer revision with its own ID.`,
        steps,
      };
    }
    return {
      title: 'The chip is not the one the target cfg describes',
      explanation: 'OpenOCD reached the core but the flash driver or core detection did not recognise the part. The target cfg is for another family, or the chip is a clone whose ID registers differ.',
      steps: [
        { text: 'Read the marking on the chip and choose the matching target cfg.', action: 'suggest-target-for-idcode' },
        { text: 'Clones (GD32, CKS32, APM32) often need "set CPUTAPID <id>" and sometimes a fixed FLASH_SIZE.' },
      ],
    };
  },
};

export function plausibleMismatch(ctx: Pick<DescribeContext, 'facts'>): IdcodeMismatch | undefined {
  return ctx.facts.mismatches.find((m) => isPlausibleIdcode(m.found));
}

const ARM_MFG = 0x23b;

function familyFromChain(ctx: Pick<DescribeContext, 'facts'>): KnownIdcode | undefined {
  for (const t of ctx.facts.foundIdcodes) {
    const k = lookupIdcode(t.idcode);
    if (k && manufacturerOf(t.idcode) !== ARM_MFG) return k;
  }
  return undefined;
}

function isCpuTap(m: IdcodeMismatch): boolean {
  return m.tap === 'hla' || /\.cpu$/.test(m.tap);
}
