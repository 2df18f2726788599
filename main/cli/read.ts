// `bringup read ADDR LEN [--format hex|bin|json] [--base64] [-o FILE]`: target memory as
// a hexdump, raw bytes, or JSON ({"address", "bytes": [...]} or {"address", "base64"}).
// Over 64 KiB it needs -o FILE; a cancelled (Ctrl-C) or part-failed read writes the bytes
// it got to FILE, says how many, and exits 1.
import { writeFile } from 'node:fs/promises';
import { formatAddress } from '../../shared/hex';
import { TargetError, TargetNotHaltedError } from '../openocd/errors';
import { formatHexdump } from '../session/hexdump';
import { DEFAULT_READ_CHUNK, readBounded, type ReadProgress } from '../session/memory-read';
import type { Session } from '../session/session';
import { expectPositional, optionValue, parseAddress, parseChoice, parseLength } from './args';
import { UsageError } from './command';
import { MEMORY_HINT, withHint } from './output';
import { defineTargetCommand } from './target-command';
import { flashBankAt } from './flash-range';

type Format = 'hex' | 'bin' | 'json';

/** Reads larger than this go to a file (-o FILE), not to standard output. */
export const MAX_STDOUT_READ = 64 * 1024;

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
  cancellable: true,
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
    // A big read as text floods the terminal or a log for minutes; the file is what was meant.
    if (a.out === undefined && a.length > MAX_STDOUT_READ) {
      throw new UsageError(`${a.length} bytes is over the ${MAX_STDOUT_READ}-byte limit for standard output: give -o FILE`);
    }
    // Raw bytes would garble the terminal: ask for a file (or a pipe) instead.
    if (a.format === 'bin' && a.out === undefined && process.stdout.isTTY) {
      throw new UsageError('--format bin writes raw bytes: redirect stdout or give -o FILE');
    }
    return a;
  },
  async run({ args, session, signal }) {
    const s = session as Session;
    // Chunk by chunk (session/memory-read.ts): progress on a terminal, Ctrl-C stops between
    // chunks, and what was read before a cancel or a failure is kept for -o FILE.
    const progress = progressLine(args.length);
    const r = await readBounded(s.memory, args.address, args.length, { signal, onProgress: progress.update });
    progress.end();
    if (r.complete) {
      await emit(renderRead(r.bytes, args), args, `${args.length} bytes from ${formatAddress(args.address)} written to ${args.out ?? ''}`);
      return 0;
    }
    const got = r.bytes.length;
    if (got > 0 && args.out !== undefined) {
      const upTo = formatAddress(args.address + got);
      await emit(renderRead(r.bytes, args), args, `the first ${got} of ${args.length} bytes (${formatAddress(args.address)} up to ${upTo}) written to ${args.out}`);
    }
    if (r.reason === 'cancelled') {
      process.stderr.write(`bringup read: cancelled after ${got} of ${args.length} bytes\n`);
      return 1;
    }
    throw await explainReadFailure(s, args, r.error);
  },
});

/** Stdout, or -o FILE with a note on stderr. */
async function emit(rendered: string | Uint8Array, args: ReadArgs, note: string): Promise<void> {
  if (args.out !== undefined) {
    await writeFile(args.out, rendered);
    process.stderr.write(`${note}\n`);
  } else {
    await new Promise<void>((resolve, reject) => process.stdout.write(rendered, (e) => (e ? reject(e) : resolve())));
  }
}

async function explainReadFailure(s: Session, args: ReadArgs, e: unknown): Promise<unknown> {
  if (!(e instanceof TargetError) || e instanceof TargetNotHaltedError) return e;
  // In flash, the likely reason is read protection, which the option bytes confirm.
  if (await flashBankAt(s, args.address, args.length)) {
    const explained = await s.flash.explainProtection(e, args.address);
    if (explained !== e) return explained;
  }
  return withHint(e, MEMORY_HINT);
}

/** "read 320.0 KiB / 1.0 MiB  112 KiB/s" on stderr, redrawn in place; only on a terminal and for reads over one chunk. */
function progressLine(total: number): { update: (p: ReadProgress) => void; end: () => void } {
  if (!process.stderr.isTTY || total <= DEFAULT_READ_CHUNK) return { update: () => undefined, end: () => undefined };
  let shown = false;
  return {
    update: (p) => {
      shown = true;
      process.stderr.write(`\rread ${kib(p.done)} / ${kib(p.total)}  ${kib(p.bytesPerSecond)}/s   `);
    },
    end: () => {
      if (shown) process.stderr.write('\n');
    },
  };
}

function kib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}
