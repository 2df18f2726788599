// `bringup reset [run|halt|init]`: reset the target (default run) and show its state.
import type { ResetMode } from '../session/target';
import type { Session } from '../session/session';
import { expectPositional, parseChoice } from './args';
import { defineTargetCommand } from './target-command';

export const resetCommand = defineTargetCommand<ResetMode>({
  name: 'reset',
  usage: 'reset [run|halt|init]',
  summary: 'Reset the target: run (default), halt at the reset vector, or init',
  options: {},
  target: 'required',
  parse(p) {
    const [mode] = expectPositional(p, [], ['MODE']);
    return parseChoice(mode ?? 'run', ['run', 'halt', 'init'] as const, 'reset mode');
  },
  async run({ args, session }) {
    const s = session as Session;
    await s.target.reset(args);
    process.stdout.write(`reset ${args}: target ${await s.target.state()}\n`);
    return 0;
  },
});
