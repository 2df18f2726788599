// Fallback: OpenOCD failed but no signature matched. An honest "not recognised", the first
// error (later ones are usually its consequences) and what to collect so the cause can be
// found: the log holds no evidence of one, and a confident guess would be worse.
import type { CategorySignatures } from '../types';
import type { FindingStep } from '../../../shared/diagnose';

export const unknownCategory: CategorySignatures = {
  category: 'unknown',
  rules: [],
  describe(ctx) {
    const first = ctx.lines.find((l) => l.level === 'error' || /^Error\b/.test(l.raw));
    const banner = ctx.lines.some((l) => /Open On-Chip Debugger \d/.test(l.text));
    const steps: FindingStep[] = [
      { text: first ? `Start from the first error, "${first.text}": later errors are usually consequences of it.` : 'Read the first "Error:" line: later errors are usually consequences of the first.' },
      { text: 'Collect the whole run with debug output: openocd -d3 <your -f/-c options> 2> openocd.log, from the banner to the end; "bringup diagnose openocd.log" reads it.' },
    ];
    if (!banner) steps.push({ text: 'Include OpenOCD\'s banner ("Open On-Chip Debugger x.y.z", or run openocd --version): the version decides which scripts and commands exist.' });
    steps.push(
      { text: 'Note the probe and target cfg files used (interface/..., target/... or board/...) and the voltage between VTref and GND at the debug header.' },
      { text: 'Note what changed since it last worked (new board, firmware, cable, OpenOCD or IDE update).' },
    );
    return {
      title: 'OpenOCD failed for a reason the troubleshooter does not recognise',
      explanation: `OpenOCD stopped${ctx.input.exitCode != null ? ` with exit code ${ctx.input.exitCode}` : ''} and none of the failure messages the troubleshooter knows appear in this log, so it names no cause rather than guess. The error lines below are the best clue; the steps say what to collect next.`,
      steps,
    };
  },
};
