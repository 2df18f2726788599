// Step 4: what chip answers. The access port and its ROM table (from OpenOCD's
// `dap info`), CPUID decoded, and the STM32's own device id, flash size and 96-bit
// unique id, matched to the part the profile is for.
import { ev, hex32, type CheckStep } from '../context';
import { STM32F1_REGS, decodeCpuid, familyOfTargetCfg, stm32f1Part, stm32f1Revision } from '../parts';

const CPUID_ADDR = 0xe000ed00;
/** The virtual board is an STM32F103C8: medium density. */
const VBOARD_DEVID = 0x410;

/** The parts of `<dap> info 0` that say what the AP is and what its ROM table lists. */
export function summariseDapInfo(text: string): { apId?: number; rom: boolean; components: string[] } {
  const apId = /AP ID register (0x[0-9a-f]+)/i.exec(text)?.[1];
  const components = [...text.matchAll(/Part is 0x[0-9a-f]+, (.+?)\s*$/gim)].map((m) => (m[1] ?? '').trim()).filter((c) => c && c !== 'Unrecognized');
  return { apId: apId ? Number(apId) : undefined, rom: /Valid ROM table present/i.test(text), components };
}

export const deviceStep: CheckStep = async (ctx) => {
  const s = ctx.session;
  const evidence = [];
  const dap = (await s.command('dap names').catch(() => '')).trim().split(/\s+/)[0];
  if (dap) {
    const info = summariseDapInfo(await s.command(`${dap} info 0`).catch((e: Error) => e.message));
    evidence.push(ev('AP 0', info.apId !== undefined ? `ID ${hex32(info.apId)}${info.rom ? ', ROM table present' : ', no ROM table'}` : 'not read'));
    if (info.components.length) evidence.push(ev('ROM table', info.components.join('; ')));
  }
  const cpuid = await s.memory.readU32(CPUID_ADDR);
  const core = decodeCpuid(cpuid);
  evidence.push(ev('CPUID', `${hex32(cpuid)} (${core.core} ${core.revision}${core.implementer === 0x41 ? ', ARM' : ''})`));

  const family = ctx.profile.kind === 'vboard' ? 'STM32F1' : familyOfTargetCfg(ctx.profile.targetCfg ?? ctx.profile.boardCfg);
  if (family !== 'STM32F1') {
    return { status: 'pass', summary: `${core.core} ${core.revision} answers; the part's own id registers are not known for this target, so they were not read`, evidence };
  }
  const idcode = await s.memory.readU32(STM32F1_REGS.dbgmcuIdcode);
  const devId = idcode & 0xfff;
  const revId = idcode >>> 16;
  const part = stm32f1Part(devId);
  evidence.push(ev('DBGMCU_IDCODE', `${hex32(idcode)} (DEV_ID 0x${devId.toString(16)}${part ? ` ${part.name}` : ' unknown'}, revision ${stm32f1Revision(devId, revId)})`));
  const flashKB = await s.memory.readU16(STM32F1_REGS.flashSizeKB);
  evidence.push(ev('flash size register', `${flashKB} KB`));
  const uidWords = await s.memory.readU32(STM32F1_REGS.uid, 3);
  // RM0008 §30.2: the UID is read as three words; printed most significant word first, as ST's tools do.
  const uid = [...uidWords].reverse().map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
  ctx.facts.uid = uid;
  evidence.push(ev('unique id', uid));
  if (part) ctx.facts.part = part;

  const expected = ctx.options.expectedDevId ?? (ctx.profile.kind === 'vboard' ? VBOARD_DEVID : undefined);
  if (!part) return { status: 'fail', summary: `DEV_ID 0x${devId.toString(16)} is not an STM32F1: the chip is not the part the profile is for`, evidence };
  if (expected !== undefined && devId !== expected) {
    const want = stm32f1Part(expected)?.name ?? `0x${expected.toString(16)}`;
    return { status: 'fail', summary: `the chip is ${part.name} (DEV_ID 0x${devId.toString(16)}) but the profile expects ${want} (DEV_ID 0x${expected.toString(16)}): wrong part fitted, or the wrong profile`, evidence };
  }
  if (core.partNo !== 0xc23) return { status: 'fail', summary: `${core.core} answers, but an STM32F1 is a Cortex-M3`, evidence };
  if (flashKB === 0 || flashKB === 0xffff) return { status: 'warn', summary: `${part.name}, but the flash size register reads ${flashKB}: a clone or a read error`, evidence };
  return { status: 'pass', summary: `${part.name}, ${core.core} ${core.revision}, ${flashKB} KB flash`, evidence };
};
