// Step 8: reset. `reset halt` must stop the core at the reset vector with SP from the
// vector table; where NRST is wired, a reset through SRST alone must do the same (the
// core is first moved off the vector, so a reset line that does nothing shows).
import { ev, hex32, type CheckContext, type CheckStep } from '../context';

async function vectors(ctx: CheckContext): Promise<{ sp: number; pc: number }> {
  // VTOR is 0 after reset on an STM32F1 booting from flash: the table is read at its alias.
  const [sp, reset] = await ctx.session.memory.readU32(0x08000000, 2);
  return { sp: sp ?? 0, pc: (reset ?? 0) & ~1 };
}

export const resetStep: CheckStep = async (ctx) => {
  const { target, registers, memory } = ctx.session;
  const vec = await vectors(ctx);
  const evidence = [ev('vector table', `SP ${hex32(vec.sp)}, reset handler ${hex32(vec.pc)}`)];
  await target.reset('halt');
  const pc = await registers.pc();
  const sp = await registers.sp();
  evidence.push(ev('after reset halt', `PC ${hex32(pc)}, SP ${hex32(sp)}`));
  if (pc !== vec.pc) return { status: 'fail', summary: `reset halt stopped at ${hex32(pc)}, not at the reset vector ${hex32(vec.pc)}`, evidence };

  const wired = ctx.profile.nrstWired === true || ctx.profile.kind === 'vboard';
  if (!wired) {
    evidence.push(ev('SRST', "not tested: the profile says NRST is not wired to the probe"));
    return { status: 'pass', summary: `reset halt stops at the reset vector ${hex32(vec.pc)}`, evidence };
  }
  // Move off the vector, then reset through the SRST line alone.
  await target.step();
  await target.step();
  const moved = await registers.pc();
  const before = (await ctx.session.command('reset_config')).trim();
  // `reset_config` prints e.g. "none separate" or "srst_only separate srst_nogate ...".
  let srstPc: number | undefined;
  let srstError: string | undefined;
  try {
    await ctx.session.command('reset_config srst_only srst_nogate');
    await target.reset('halt', 10_000);
    srstPc = await registers.pc();
  } catch (e) {
    srstError = (e as Error).message;
  } finally {
    await ctx.session.command(`reset_config ${before}`).catch(() => undefined);
  }
  const dhcsr = await memory.readU32(0xe000edf0).catch(() => undefined);
  evidence.push(ev('SRST reset halt', srstError ? `failed: ${srstError}` : `PC ${hex32(srstPc ?? 0)} (was ${hex32(moved)})`));
  if (dhcsr !== undefined) evidence.push(ev('DHCSR', hex32(dhcsr)));
  if (srstError || srstPc !== vec.pc) {
    return { status: 'fail', summary: `a reset through SRST did not reset the chip (PC ${hex32(srstPc ?? moved)}, reset vector ${hex32(vec.pc)}): NRST is not connected to the probe, or held/filtered on the board`, evidence };
  }
  return { status: 'pass', summary: `reset halt and a reset through SRST both stop at the reset vector ${hex32(vec.pc)}`, evidence };
};
