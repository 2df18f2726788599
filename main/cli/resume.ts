// `bringup resume [ADDR]`: let the core run, at the current PC or at ADDR.
import type { Session } from '../session/session';
import { expectPositional, parseAddress } from './args';
import { defineTargetCommand } from './target-command';

export const resumeCommand = defineTargetCommand<number | undefined>({
  name: 'resume',
  usage: 'resume [ADDR]',
  summary: 'Resume the core (at the current PC or at ADDR)',
  options: {},
  target: 'required',
  parse(p) {
    const [addr] = expectPositional(p, [], ['ADDR']);
    return addr === undefined ? undefined : parseAddress(addr);
  },
  async run({ args, session }) {
    const s = session as Session;
    await s.target.resume(args);
    process.stdout.write(`target ${await s.target.state()}\n`);
    return 0;
  },
});
