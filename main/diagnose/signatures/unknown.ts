// Fallback: OpenOCD failed but no signature matched. Shows the error lines so the
// user (and we, when adding a signature) see what happened.
import type { CategorySignatures } from '../types';

export const unknownCategory: CategorySignatures = {
  category: 'unknown',
  rules: [],
  describe(ctx) {
    return {
      title: 'OpenOCD failed for a reason the troubleshooter does not recognise',
      explanation: `OpenOCD stopped${ctx.input.exitCode != null ? ` with exit code ${ctx.input.exitCode}` : ''} and none of the known failure messages matched. The error lines below are the best clue.`,
      steps: [
        { text: 'Read the first "Error:" line: later errors are usually consequences of the first.' },
        { text: 'Run again with debug output (-d3) and save the log; "bringup diagnose <log>" reads saved logs.' },
      ],
    };
  },
};
