// `bringup write ADDR VALUE... [--width 8|16|32]`: consecutive values from ADDR.
import { TargetError, TargetNotHaltedError, ValidationError } from '../openocd/errors';
import type { Session } from '../session/session';
import { optionValue, parseAddress, parseChoice, parseNumber } from './args';
import { UsageError } from './command';
import { hexN, MEMORY_HINT, withHint } from './output';
import { defineTargetCommand } from './target-command';
import { flashBankAt } from './flash-range';

export interface WriteArgs {
  address: number;
  width: 8 | 16 | 32;
  values: number[];
}

export function parseWriteArgs(positional: readonly string[], widthText: string | undefined): WriteArgs {
  const [addr, ...rest] = positional;
  if (addr === undefined) throw new UsageError('missing ADDR VALUE...');
  if (rest.length === 0) throw new UsageError('missing VALUE...');
  const width = Number(parseChoice(widthText ?? '32', ['8', '16', '32'] as const, '--width')) as 8 | 16 | 32;
  const address = parseAddress(addr);
  const bytes = width / 8;
  if (address % bytes !== 0) throw new UsageError(`address ${addr} is not aligned to ${bytes} bytes (--width ${width})`);
  if (address + rest.length * bytes > 0x1_0000_0000) throw new UsageError('the values run past the end of the 32-bit address space');
  const values = rest.map((v, i) => parseNumber(v, `value #${i + 1}`, { max: 2 ** width - 1 }));
  return { address, width, values };
}

export const writeCommand = defineTargetCommand<WriteArgs>({
  name: 'write',
  usage: 'write ADDR VALUE... [--width 8|16|32]',
  summary: 'Write values (hex or decimal) to target memory',
  options: { '--width': 'value' },
  target: 'required',
  parse: (p) => parseWriteArgs(p.positional, optionValue(p, '--width')),
  async run({ args, session }) {
    const s = session as Session;
    const bank = await flashBankAt(s, args.address, args.values.length * (args.width / 8));
    if (bank) {
      // OpenOCD's memory write "succeeds" on flash but the flash controller ignores it.
      throw new ValidationError(
        `${hexN(args.address, 32)} is in flash (bank #${bank.index}, ${bank.driver} ${hexN(bank.base, 32)}..${hexN(bank.base + bank.size - 1, 32)}): a memory write does not change flash`,
        { hint: 'Program flash with `bringup flash FILE --address ADDR` (it erases the sectors first), or erase with `bringup erase ADDR LEN`.' },
      );
    }
    const mem = s.memory;
    const write = args.width === 8 ? mem.writeU8 : args.width === 16 ? mem.writeU16 : mem.writeU32;
    await write.call(mem, args.address, args.values).catch((e: unknown) => {
      throw e instanceof TargetError && !(e instanceof TargetNotHaltedError) ? withHint(e, MEMORY_HINT) : e;
    });
    const n = args.values.length;
    process.stdout.write(
      `wrote ${n} value${n === 1 ? '' : 's'} (${args.width}-bit) at ${hexN(args.address, 32)}: ${args.values.map((v) => hexN(v, args.width)).join(' ')}\n`,
    );
    return 0;
  },
});
