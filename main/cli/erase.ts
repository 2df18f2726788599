// `bringup erase --all [--bank N] | ADDR LEN`: mass erase of a bank, or the sectors of a
// range (both ends on sector boundaries, or --pad to grow it to whole sectors).
import { ValidationError } from '../openocd/errors';
import { describeBanks } from '../session/flash/flash';
import type { Session } from '../session/session';
import { optionValue, parseAddress, parseLength, parseNumber } from './args';
import { UsageError } from './command';
import { hex32 } from './output';
import { defineTargetCommand } from './target-command';

export type EraseArgs = { all: true; bank: number } | { all: false; address: number; length: number; pad: boolean };

export const eraseCommand = defineTargetCommand<EraseArgs>({
  name: 'erase',
  usage: 'erase (--all [--bank N] | ADDR LEN [--pad])',
  summary: 'Erase a whole flash bank, or the sectors of a range',
  options: { '--all': 'flag', '--bank': 'value', '--pad': 'flag' },
  target: 'required',
  parse(p) {
    const all = p.flags.has('--all');
    const bankText = optionValue(p, '--bank');
    if (all) {
      if (p.positional.length > 0) throw new UsageError('give either --all or ADDR LEN, not both');
      if (p.flags.has('--pad')) throw new UsageError('--pad goes with ADDR LEN');
      return { all, bank: bankText === undefined ? 0 : parseNumber(bankText, '--bank', { max: 255 }) };
    }
    if (bankText !== undefined) throw new UsageError('--bank goes with --all');
    const [addr, len, extra] = p.positional;
    if (addr === undefined || len === undefined) throw new UsageError('give --all, or ADDR LEN of the range to erase');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    const address = parseAddress(addr);
    return { all, address, length: parseLength(len, address), pad: p.flags.has('--pad') };
  },
  async run({ args, session }) {
    const s = session as Session;
    const flash = s.flash;
    // Check the request against the geometry first: a typo must not leave the core halted.
    if (args.all) {
      const banks = await flash.geometry();
      if (!banks.some((b) => b.index === args.bank)) {
        throw new ValidationError(`flash bank ${args.bank} does not exist`, { hint: describeBanks(banks) });
      }
    }
    const plan = args.all ? undefined : await flash.planEraseRange(args.address, args.length, { pad: args.pad }).catch((e: unknown) => {
      throw cliWording(e);
    });
    // OpenOCD erases only a halted target (flash programming does a reset init for the same reason).
    if ((await s.target.state()) !== 'halted') {
      process.stderr.write('halting the target to erase\n');
      await s.target.halt();
    }
    if (args.all) {
      const r = await flash.eraseAll(args.bank);
      process.stdout.write(`erased flash bank #${args.bank} (${r.method === 'mass_erase' ? 'mass erase' : 'every sector'})\n`);
    } else if (plan) {
      await flash.eraseSectors(plan.bank, plan.first, plan.last);
      const padded = plan.address !== args.address || plan.length !== args.length;
      process.stdout.write(
        `erased sectors ${plan.first}-${plan.last} of bank #${plan.bank}: ${hex32(plan.address)}..${hex32(plan.address + plan.length - 1)} (${plan.length} bytes)` +
          (padded ? `, padded from ${hex32(args.address)}, ${args.length} bytes` : '') +
          '\n',
      );
    }
    return 0;
  },
});

/** The library's hint names its option (pad: true); on the command line it is --pad. */
function cliWording(e: unknown): unknown {
  if (!(e instanceof ValidationError) || !e.hint?.includes('(pad: true)')) return e;
  return new ValidationError(e.message, { hint: e.hint.replace('(pad: true)', '(--pad)'), cause: e });
}
