// `bringup read ADDR LEN [--format hex|bin|json] [--base64] [-o FILE]`: target memory as
// a hexdump, raw bytes, or JSON ({"address", "bytes": [...]} or {"address", "base64"}).
import { writeFile } from 'node:fs/promises';
import { formatAddress } from '../../shared/hex';
import { TargetError, TargetNotHaltedError } from '../openocd/errors';
import { formatHexdump } from '../session/hexdump';
import type { Session } from '../session/session';
import { expectPositional, optionValue, parseAddress, parseChoice, parseLength } from './args';
import { UsageError } from './command';
import { MEMORY_HINT, withHint } from './output';
import { defineTargetCommand } from './target-command';
import { flashBankAt } from './flash-range';

type Format = 'hex' | 'bin' | 'json';

export interface ReadArgs {
  address: number;
  length: number;
  format: Format;
  base64: boolean;
  out?: string;
}

export function renderRead(bytes: Uint8Array, a: Pick<ReadArgs, 'address' | 'format' | 'base64'>): string | Uint8Array {
  switch (a.format) {
    case 'bin':
      return bytes;
    case 'json':
      return (
        JSON.stringify(
          a.base64 ? { address: a.address, base64: Buffer.from(bytes).toString('base64') } : { address: a.address, bytes: Array.from(bytes) },
        ) + '\n'
      );
    case 'hex':
      return formatHexdump(bytes, a.address) + '\n';
  }
}

export const readCommand = defineTargetCommand<ReadArgs>({
  name: 'read',
  usage: 'read ADDR LEN [--format hex|bin|json] [--base64] [-o FILE]',
  summary: 'Read target memory: hexdump, raw bytes or JSON',
  options: { '--format': 'value', '--base64': 'flag', '-o': 'value' },
  target: 'required',
  parse(p) {
    const [addr, len] = expectPositional(p, ['ADDR', 'LEN']) as [string, string];
    const address = parseAddress(addr);
    const a: ReadArgs = {
      address,
      length: parseLength(len, address),
      format: parseChoice(optionValue(p, '--format') ?? 'hex', ['hex', 'bin', 'json'] as const, '--format'),
      base64: p.flags.has('--base64'),
    };
    if (a.base64 && a.format !== 'json') throw new UsageError('--base64 goes with --format json');
    const out = optionValue(p, '-o');
    if (out !== undefined) a.out = out;
    // Raw bytes would garble the terminal: ask for a file (or a pipe) instead.
    if (a.format === 'bin' && a.out === undefined && process.stdout.isTTY) {
      throw new UsageError('--format bin writes raw bytes: redirect stdout or give -o FILE');
    }
    return a;
  },
  async run({ args, session }) {
    const s = session as Session;
    const bytes = await s.memory.readBytes(args.address, args.length).catch(async (e: unknown) => {
      if (!(e instanceof TargetError) || e instanceof TargetNotHaltedError) throw e;
      // In flash, the likely reason is read protection, which the option bytes confirm.
      if (await flashBankAt(s, args.address, args.length)) {
        const explained = await s.flash.explainProtection(e, args.address);
        if (explained !== e) throw explained;
      }
      throw withHint(e, MEMORY_HINT);
    });
    const rendered = renderRead(bytes, args);
    if (args.out !== undefined) {
      await writeFile(args.out, rendered);
      process.stderr.write(`${args.length} bytes from ${formatAddress(args.address)} written to ${args.out}\n`);
    } else {
      await new Promise<void>((resolve, reject) => process.stdout.write(rendered, (e) => (e ? reject(e) : resolve())));
    }
    return 0;
  },
});
