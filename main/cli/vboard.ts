// `bringup vboard`: run the virtual Blue Pill until SIGINT/SIGTERM.
import { startVirtualBoard, DEFAULT_VBOARD_PORT, type VirtualBoard } from '../vboard/index';
import { faultSyntax, parseFaults } from '../vboard/faults';
import { parseUid } from '../vboard/uid';
import { UsageError, type CliCommand } from './command';

interface VboardArgs {
  port: number;
  faults: string[];
  flashFile: string | undefined;
  /** Listen on this Unix-domain socket instead of TCP (OpenOCD: VBOARD_SOCKET=PATH). */
  socketPath: string | undefined;
  /** The chip's unique id, 24 hex digits (default: derived from the port or socket). */
  uid?: string;
}

export function parseVboardArgs(args: string[]): VboardArgs {
  const out: VboardArgs = { port: DEFAULT_VBOARD_PORT, faults: [], flashFile: undefined, socketPath: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        const p = Number(v);
        if (!/^\d+$/.test(v) || p > 65535) throw new UsageError(`--port must be 0..65535, got '${v}'`);
        out.port = p;
        break;
      }
      case '--fault': out.faults.push(value()); break;
      case '--flash-file': out.flashFile = value(); break;
      case '--socket': out.socketPath = value(); break;
      case '--uid': {
        const v = value();
        try {
          parseUid(v);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        out.uid = v.toLowerCase();
        break;
      }
      default: throw new UsageError(`unknown option '${a}'`);
    }
  }
  if (out.socketPath !== undefined && args.some((a) => a === '--port' || a.startsWith('--port='))) {
    throw new UsageError('--port and --socket exclude each other');
  }
  try {
    parseFaults(out.faults);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return out;
}

/** What `bringup vboard` prints once listening: where, and every fault in effect, including
 *  read/write protection that came in with --flash-file (it lives in the option bytes). */
export function startupLines(board: Pick<VirtualBoard, 'host' | 'port' | 'socketPath' | 'faults'> & { uid?: string }): string[] {
  const lines = [board.socketPath ? `vboard listening on unix socket ${board.socketPath} (OpenOCD: VBOARD_SOCKET=${board.socketPath})` : `vboard listening on ${board.host}:${board.port}`];
  if (board.uid) lines.push(`uid: ${board.uid}`);
  const faults = board.faults();
  if (faults.length) lines.push(`faults: ${faults.join(', ')}`);
  return lines;
}

export const vboardCommand: CliCommand = {
  name: 'vboard',
  usage: 'vboard [--port N | --socket PATH] [--fault NAME]... [--flash-file PATH] [--uid HEX24]',
  summary: 'run the virtual STM32F103 board (remote_bitbang on 127.0.0.1 or a Unix socket)',
  get help() {
    return `${this.summary}\nUsage: bringup ${this.usage}\n  Faults: ${faultSyntax()}\n  (a fault given bare takes its default parameters, e.g. sram-stuck-bit = sram-stuck-bit:0x20000100:3)`;
  },
  async run(args) {
    let parsed: VboardArgs;
    try {
      parsed = parseVboardArgs(args);
    } catch (err) {
      if (err instanceof UsageError) {
        console.error(`bringup vboard: ${err.message}\nUsage: bringup ${vboardCommand.usage}`);
        return 2;
      }
      throw err;
    }
    const board = await startVirtualBoard({
      port: parsed.port,
      faults: parsed.faults,
      ...(parsed.flashFile ? { flashFile: parsed.flashFile } : {}),
      ...(parsed.socketPath ? { socketPath: parsed.socketPath } : {}),
      ...(parsed.uid ? { uid: parsed.uid } : {}),
    });
    for (const line of startupLines(board)) console.log(line);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      // A board started by a station (or a test) ends with its parent: the parent holds our stdin.
      if (process.env.BRINGUP_EXIT_WITH_STDIN === '1') {
        process.stdin.once('end', resolve).once('close', resolve).resume();
      }
    });
    await board.close();
    return 0;
  },
};
