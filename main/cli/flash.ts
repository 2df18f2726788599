// `bringup flash IMAGE [--address A] [--verify] [--reset] [--json]`: chunked programming
// with progress. On a terminal a progress bar redraws in place on stderr; with --json
// every event is one JSON object per line on stdout, ending with exactly one
// {"type":"done"|"failed"|"cancelled",...}. Ctrl-C cancels between chunks (exit 1).
import { formatFromExtension } from '../images/detect';
import { loadImageFile } from '../images/load';
import type { Image } from '../images/types';
import { toErrorValue, ValidationError } from '../openocd/errors';
import type { FlashEvent, ProgramDone } from '../session/flash/types';
import { isFlashInterrupt } from '../session/flash/interrupted';
import type { Session } from '../session/session';
import { expectPositional, optionValue, parseAddress } from './args';
import { UsageError } from './command';
import { formatProgress, hex32, hexN, printError } from './output';
import { defineTargetCommand } from './target-command';

export interface FlashArgs {
  image: string;
  address?: number;
  verify: boolean;
  reset: boolean;
  json: boolean;
  /** Loaded and checked before OpenOCD starts (prepare); unset for a .bin without --address. */
  loaded?: Image;
}

/** Draws the progress bar in place; a phase's line is kept when the next phase starts. */
class ProgressBar {
  private phase: string | undefined;
  private last = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(e: Extract<FlashEvent, { type: 'progress' }>): void {
    const now = Date.now();
    const newPhase = e.phase !== this.phase;
    // Redraw at most ~20 times a second, but always show a phase's first and last state.
    if (!newPhase && e.done < e.total && now - this.last < 50) return;
    if (newPhase && this.phase !== undefined) this.stream.write('\n');
    this.phase = e.phase;
    this.last = now;
    this.stream.write(`\r\x1b[2K${formatProgress(e, this.stream.columns || 80)}`);
  }

  end(): void {
    if (this.phase !== undefined) this.stream.write('\n');
    this.phase = undefined;
  }
}

function summary(done: ProgramDone): string {
  const rate = `${(done.bytesPerSecond / 1024).toFixed(1)} KiB/s`;
  const lines = [`programmed ${done.bytes} bytes (${done.erasedSectors} sectors erased) in ${done.seconds.toFixed(2)} s, ${rate}`];
  const v = done.verify;
  if (v?.ok === true) lines.push(`verify: ok (${v.bytes} bytes)`);
  else if (v?.ok === false) lines.push(`verify: FAILED at ${hex32(v.firstMismatch)}: expected ${hexN(v.expected, 8)}, read ${hexN(v.actual, 8)}`);
  return lines.join('\n') + '\n';
}

const NO_ADDRESSES = /no addresses of its own/;

/**
 * Before OpenOCD starts: a missing or broken file fails in milliseconds, not after a
 * connect. Only a raw binary without --address waits for the target (its flash base).
 */
async function prepareImage(args: FlashArgs): Promise<void> {
  try {
    args.loaded = await loadImageFile(args.image, args.address === undefined ? {} : { address: args.address });
  } catch (err) {
    if (args.address === undefined && err instanceof ValidationError && NO_ADDRESSES.test(err.message)) return;
    // Content sniffing found a format with its own addresses: that is a usage mistake.
    if (err instanceof ValidationError && /a load address was given/.test(err.message)) throw new UsageError(err.message);
    throw err;
  }
}

async function loadImage(session: Session, args: FlashArgs): Promise<Image> {
  if (args.loaded) return args.loaded;
  // A raw binary without --address goes to the start of the first flash bank, like a
  // plain `program file.bin` would on most parts, and we say where. geometry() is
  // cached, so programming reuses it instead of asking `flash info` again.
  const [bank] = await session.flash.geometry();
  if (!bank) throw new ValidationError(`${args.image}: a raw binary has no addresses of its own, and the target has no flash bank`, { hint: 'Give --address.' });
  process.stderr.write(`no --address given: programming at the start of flash bank #${bank.index}, ${hex32(bank.base)}\n`);
  return loadImageFile(args.image, { address: bank.base });
}

export const flashCommand = defineTargetCommand<FlashArgs>({
  name: 'flash',
  usage: 'flash IMAGE [--address A] [--verify] [--reset] [--json]',
  summary: 'Program an image (.bin, .hex, .s19, .elf) with progress; Ctrl-C cancels',
  options: { '--address': 'value', '--verify': 'flag', '--reset': 'flag', '--json': 'flag' },
  target: 'required',
  cancellable: true,
  parse(p) {
    const [image] = expectPositional(p, ['IMAGE']) as [string];
    const a: FlashArgs = { image, verify: p.flags.has('--verify'), reset: p.flags.has('--reset'), json: p.flags.has('--json') };
    const address = optionValue(p, '--address');
    if (address !== undefined) {
      const format = formatFromExtension(image);
      if (format !== undefined && format !== 'bin') {
        throw new UsageError(`--address is only for raw binaries: ${image} is ${format === 'ihex' ? 'Intel HEX' : format === 'srec' ? 'an S-record file' : 'an ELF file'} and carries its own addresses`);
      }
      a.address = parseAddress(address, '--address');
    }
    return a;
  },
  prepare: prepareImage,
  async run({ args, session, signal }) {
    const s = session as Session;
    const bar = !args.json && process.stderr.isTTY ? new ProgressBar(process.stderr) : undefined;
    let finalSeen = false;
    const json = (o: unknown): void => void process.stdout.write(JSON.stringify(o) + '\n');
    const onEvent = (e: FlashEvent): void => {
      if (e.type !== 'progress') finalSeen = true;
      if (args.json) json(e);
      else if (e.type === 'progress') bar?.update(e);
    };
    try {
      const image = await loadImage(s, args);
      const result = await s.flash.program(image, { verify: args.verify, reset: args.reset, signal, onEvent });
      bar?.end();
      if (result.type === 'cancelled') {
        // A signal's result already says where the flash stopped and what to do; stderr gets it even
        // with --json (the chip is half-programmed: whoever watches the terminal must see it).
        if (isFlashInterrupt(signal.reason)) process.stderr.write(`bringup flash: ${result.message}\n`);
        else if (!args.json) process.stderr.write(`bringup flash: cancelled during ${result.phase} (${result.done}/${result.total} bytes). ${result.message}\n`);
        return 1;
      }
      if (!args.json) process.stdout.write(summary(result));
      return result.verify?.ok === false ? 1 : 0;
    } catch (err) {
      bar?.end();
      // Failures before programming starts (unreadable image) still end the JSON stream with one final line.
      if (args.json && !finalSeen) json({ type: 'failed', error: toErrorValue(err) });
      printError('flash', err);
      return 1;
    }
  },
});
