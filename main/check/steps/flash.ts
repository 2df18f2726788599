// Step 7: flash. Over a test range (default: the last page, where firmware rarely
// lives): read what it holds, erase and blank-check, program a pattern and verify it,
// then put the original contents back (unless told to leave it erased), with a CRC of
// the range before and after to prove it.
import { crc32 } from 'node:zlib';
import type { Image } from '../../images/types';
import { ev, hex32, skipped, type CheckContext, type CheckStep } from '../context';
import { STM32F1_REGS } from '../parts';

function pattern(address: number, length: number): Uint8Array {
  // Address-dependent, so a page programmed into the wrong place does not verify.
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) new DataView(out.buffer).setUint32(i, (((address + i) >>> 0) ^ 0xa5c3f00f) >>> 0, true);
  return out;
}

function image(address: number, data: Uint8Array, source: string): Image {
  return { segments: [{ address, data }], format: 'bin', source };
}

async function testRange(ctx: CheckContext): Promise<{ address: number; length: number; sector: number } | undefined> {
  const banks = await ctx.session.flash.geometry();
  const bank = banks[0];
  if (!bank || bank.sectors.length === 0) return undefined;
  if (ctx.options.flashRange) {
    const { address, length } = ctx.options.flashRange;
    const sector = bank.sectors.findIndex((s) => address >= s.address && address < s.address + s.size);
    return { address, length, sector };
  }
  const last = bank.sectors[bank.sectors.length - 1]!;
  return { address: last.address, length: last.size, sector: last.index };
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

export const flashStep: CheckStep = async (ctx) => {
  const range = await testRange(ctx);
  if (!range) return skipped('OpenOCD reports no flash bank for this target');
  const { address, length, sector } = range;
  const f = ctx.session.flash;
  if (ctx.facts.part?.family === 'STM32F1' && ((await ctx.session.memory.readU32(STM32F1_REGS.flashObr)) & 0x2) !== 0) {
    return {
      status: 'fail',
      summary: 'flash is read-protected (RDP level 1): the debugger cannot read or test it; removing the protection mass-erases the chip',
      evidence: [ev('FLASH_OBR', 'RDPRT set')],
      finding: {
        category: 'flash-protected',
        title: 'Flash is read-protected',
        steps: [
          'Unlock it from the troubleshooter (Remove read protection) or with `stm32f1x unlock 0` then a reset: this mass-erases the flash.',
          'Then run the check again from the flash step.',
        ],
      },
    };
  }
  const evidence = [ev('range', `${hex32(address)}–${hex32(address + length - 1)} (sector ${sector}, ${length} bytes)`)];
  ctx.progress('reading what the range holds', 0);
  const original = new Uint8Array(await f.read(address, length));
  const crcBefore = crc32(original);
  evidence.push(ev('CRC32 before', hex32(crcBefore)));

  ctx.progress('erasing', 0.15);
  await f.eraseRange(address, length, { pad: true });
  const erased = new Uint8Array(await f.read(address, length));
  const notBlank = erased.findIndex((b) => b !== 0xff);
  if (notBlank >= 0) {
    return { status: 'fail', summary: `sector ${sector} does not erase: ${hex32(address + notBlank)} reads 0x${erased[notBlank]!.toString(16).padStart(2, '0')} after erase`, evidence };
  }
  evidence.push(ev('erase + blank check', 'pass'));

  ctx.progress('programming a test pattern', 0.35);
  const want = pattern(address, length);
  await f.program(image(address, want, 'check pattern'), { verify: false, erase: false, prepare: 'none' });
  const got = new Uint8Array(await f.read(address, length));
  const bad = firstDifference(want, got);
  let failure: string | undefined;
  if (bad >= 0) {
    failure = `sector ${sector} does not program: at ${hex32(address + bad)} wrote 0x${want[bad]!.toString(16).padStart(2, '0')}, read 0x${got[bad]!.toString(16).padStart(2, '0')}`;
    evidence.push(ev('program + verify', 'FAIL'));
  } else evidence.push(ev('program + verify', `pass (${length} bytes)`));

  // Put the range back as it was, also after a failure: the board leaves as it came.
  ctx.progress('restoring the original contents', 0.7);
  const blank = original.every((b) => b === 0xff);
  await f.eraseRange(address, length, { pad: true });
  if (ctx.options.leaveErased) evidence.push(ev('restore', 'left erased, as asked'));
  else if (!blank) {
    await f.program(image(address, original, 'original contents'), { verify: false, erase: false, prepare: 'none' });
  }
  const after = new Uint8Array(await f.read(address, length));
  const crcAfter = crc32(after);
  evidence.push(ev('CRC32 after', hex32(crcAfter)));
  if (failure) return { status: 'fail', summary: failure, evidence };
  if (!ctx.options.leaveErased && crcAfter !== crcBefore) {
    return { status: 'fail', summary: `the range did not restore: CRC32 ${hex32(crcAfter)}, was ${hex32(crcBefore)}`, evidence };
  }
  return { status: 'pass', summary: `sector ${sector} erases, programs and verifies; ${ctx.options.leaveErased ? 'left erased' : 'original contents restored (same CRC32)'}`, evidence };
};
