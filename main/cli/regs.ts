// `bringup regs [--halt]`: every core register, grouped as OpenOCD groups them.
// The core must be halted; --halt halts it first (and leaves it halted).
import type { RegisterGroup } from '../session/registers-parse';
import type { Session } from '../session/session';
import { expectPositional } from './args';
import { formatTable, hexN } from './output';
import { defineTargetCommand } from './target-command';

export function formatRegisterGroups(groups: readonly RegisterGroup[]): string {
  const out: string[] = [];
  for (const g of groups) {
    if (g.registers.length === 0) continue;
    out.push(`== ${g.name}`);
    const rows = g.registers.map((r) => [
      `  ${r.name}`,
      `(${r.bits})`,
      r.value === null ? '(not read)' : hexN(r.value, r.bits),
      r.value === null || r.bits > 53 ? '' : String(Number(r.value)),
      r.dirty ? 'dirty' : '',
    ]);
    out.push(formatTable(rows));
  }
  return out.join('\n') + '\n';
}

export const regsCommand = defineTargetCommand<{ halt: boolean }>({
  name: 'regs',
  usage: 'regs [--halt]',
  summary: 'Show the core registers, grouped (the core must be halted)',
  options: { '--halt': 'flag' },
  target: 'required',
  parse(p) {
    expectPositional(p, []);
    return { halt: p.flags.has('--halt') };
  },
  async run({ args, session }) {
    const s = session as Session;
    if (args.halt) await s.target.halt();
    process.stdout.write(formatRegisterGroups(await s.registers.readAll()));
    return 0;
  },
});
