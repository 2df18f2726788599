// `bringup gdb-server TARGET [--port N] [--elf FILE] [--svd FILE]`: starts OpenOCD on the
// target with its gdb port open on 127.0.0.1 (a free port unless --port pins one), prints
// the GDB command and a VS Code Cortex-Debug launch configuration for it, and stays up
// (printing what GDB does to the target) until Ctrl-C, when OpenOCD is stopped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cortexDebugLaunchText, gdbTargetCommand } from '../../shared/gdb';
import { findGdbMultiarch } from '../gdb/find-gdb';
import { assetsDir } from '../paths';
import type { Session } from '../session/session';
import { optionValue, parseNumber, expectPositional } from './args';
import { UsageError } from './command';
import { defineTargetCommand } from './target-command';

interface GdbServerArgs {
  port?: number;
  elf?: string;
  svd?: string;
}

/** The lines printed once OpenOCD serves GDB. */
export function gdbServerLines(port: number, o: { elf?: string; svd?: string; gdbPath?: string }): string[] {
  return [
    `GDB server on 127.0.0.1:${port}. In GDB (e.g. ${o.gdbPath ?? 'arm-none-eabi-gdb'} ${o.elf ?? 'firmware.elf'}):`,
    '',
    `  ${gdbTargetCommand(port)}`,
    '',
    'VS Code (Cortex-Debug), as .vscode/launch.json:',
    cortexDebugLaunchText({ port, ...(o.elf ? { executable: o.elf } : {}), ...(o.svd ? { svdFile: o.svd } : {}), ...(o.gdbPath ? { gdbPath: o.gdbPath } : {}) }),
    '',
    'Press Ctrl-C to stop.',
  ];
}

export const gdbServerCommand = defineTargetCommand<GdbServerArgs>({
  name: 'gdb-server',
  usage: 'gdb-server [--port N] [--elf FILE] [--svd FILE]',
  summary: 'Serve GDB (and VS Code Cortex-Debug) on 127.0.0.1 through OpenOCD until Ctrl-C',
  options: { '--port': 'value', '--elf': 'value', '--svd': 'value' },
  target: 'required',
  cancellable: true,
  parse(p) {
    expectPositional(p, []);
    if (p.flags.has('--connect') || p.values.has('--connect')) throw new UsageError('--connect: that OpenOCD serves GDB itself (its gdb_port); gdb-server starts one');
    const out: GdbServerArgs = {};
    const port = optionValue(p, '--port');
    if (port !== undefined) out.port = parseNumber(port, '--port', { min: 1, max: 65535 });
    const elf = optionValue(p, '--elf');
    if (elf !== undefined) out.elf = path.resolve(elf);
    const svd = optionValue(p, '--svd');
    if (svd !== undefined) out.svd = path.resolve(svd);
    return out;
  },
  async prepare(args) {
    for (const f of [args.elf, args.svd]) if (f !== undefined && !existsSync(f)) throw new UsageError(`no such file: ${f}`);
  },
  startOptions: (args) => ({ gdb: args.port === undefined ? {} : { port: args.port } }),
  async run({ args, session, signal }) {
    const s = session as Session;
    const port = s.gdbPort;
    if (port === undefined) throw new Error('OpenOCD started without its gdb port');
    // The virtual board's chip: its SVD ships with the app.
    const svd = args.svd ?? (s.controller?.virtualBoard() ? path.join(assetsDir(), 'svd', 'STM32F103.svd') : undefined);
    const gdbPath = findGdbMultiarch();
    for (const line of gdbServerLines(port, { ...(args.elf ? { elf: args.elf } : {}), ...(svd ? { svd } : {}), ...(gdbPath ? { gdbPath } : {}) })) console.log(line);
    const offs = [
      s.target.on('gdb-attach', () => console.log('GDB attached')),
      s.target.on('gdb-detach', () => console.log('GDB detached')),
      s.target.on('halted', () => console.log('target halted')),
      s.target.on('resumed', () => console.log('target running')),
    ];
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    for (const off of offs) off();
    return 0;
  },
});
