// Step 9: option bytes and protection, as FLASH_OBR / FLASH_WRPR report them (RM0008 §3.4).
import { ev, hex32, skipped, type CheckStep } from '../context';
import { STM32F1_REGS } from '../parts';

export const protectionStep: CheckStep = async (ctx) => {
  if (ctx.facts.part?.family !== 'STM32F1') return skipped('option-byte layout known for STM32F1 only');
  const m = ctx.session.memory;
  const obr = await m.readU32(STM32F1_REGS.flashObr);
  const wrpr = await m.readU32(STM32F1_REGS.flashWrpr);
  const rdp = (obr & 0x2) !== 0;
  const optErr = (obr & 0x1) !== 0;
  const user = (obr >>> 2) & 0xff;
  const protectedBlocks = [...Array(32).keys()].filter((b) => ((wrpr >>> b) & 1) === 0);
  const evidence = [
    ev('FLASH_OBR', `${hex32(obr)} (RDPRT ${rdp ? 'on' : 'off'}, USER 0x${user.toString(16).padStart(2, '0')}: ${user & 1 ? 'software' : 'hardware'} watchdog${optErr ? ', OPTERR set' : ''})`),
    ev('FLASH_WRPR', `${hex32(wrpr)} (${protectedBlocks.length ? `blocks ${protectedBlocks.join(', ')} write-protected` : 'no write protection'})`),
  ];
  if (optErr) return { status: 'fail', summary: 'OPTERR: the option bytes do not match their complements (corrupt); rewrite them', evidence };
  if (rdp) return { status: 'warn', summary: 'read protection is on: flash cannot be read by the debugger (unlocking mass-erases it)', evidence };
  if (protectedBlocks.length) return { status: 'warn', summary: `write protection on ${protectedBlocks.length} block(s) (4 pages each): programming there fails until it is removed`, evidence };
  return { status: 'pass', summary: 'no read or write protection; option bytes valid', evidence };
};
