// `bringup halt`: halt the core and show where it stopped.
import type { Session } from '../session/session';
import { expectPositional } from './args';
import { hex32 } from './output';
import { defineTargetCommand } from './target-command';

export const haltCommand = defineTargetCommand<null>({
  name: 'halt',
  usage: 'halt',
  summary: 'Halt the core and show the PC',
  options: {},
  target: 'required',
  parse(p) {
    expectPositional(p, []);
    return null;
  },
  async run({ session }) {
    const s = session as Session;
    const state = await s.target.halt();
    // The PC is a courtesy: a halt that worked is not a failure because the PC cannot be read.
    const pc = await s.registers.pc().then(hex32, () => undefined);
    process.stdout.write(`target ${state}${pc ? ` at pc ${pc}` : ''}\n`);
    return 0;
  },
});
