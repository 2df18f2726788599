// Step 5: the core can be controlled: it halts, its registers read, it single-steps.
import { ev, hex32, type CheckStep } from '../context';

const CORE_REGS = ['pc', 'sp', 'lr', 'xPSR'] as const;

export const coreStep: CheckStep = async (ctx) => {
  const { target, registers } = ctx.session;
  const state = await target.halt();
  if (state !== 'halted') return { status: 'fail', summary: `the core did not halt (state: ${state})`, evidence: [ev('state', state)] };
  const regs = await registers.readMany(CORE_REGS);
  const evidence = CORE_REGS.map((r) => ev(r, hex32(regs[r] ?? 0)));
  const before = regs.pc ?? 0;
  await target.step();
  const after = await registers.pc();
  evidence.push(ev('pc after one step', hex32(after)));
  if (after === before) return { status: 'fail', summary: `a single step left the PC at ${hex32(before)}: the core does not execute`, evidence };
  return { status: 'pass', summary: `halted at ${hex32(before)}, registers read, one step went to ${hex32(after)}`, evidence };
};
