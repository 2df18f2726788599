// `bringup svd FILE [PERIPHERAL[.REGISTER]]`: browse a CMSIS-SVD file offline (no target
// option: peripherals, a peripheral's registers, a register's fields), or with a target
// option read the register (or every readable register of the peripheral) and decode it.
import type { Session } from '../session/session';
import { SvdModel } from '../session/svd/model';
import { loadSvd } from '../session/svd/load';
import { stopSvdWorkers } from '../session/svd/worker-client';
import type { SvdPeripheral, SvdRegister } from '../session/svd/types';
import { expectPositional, type ParsedArgs } from './args';
import { UsageError } from './command';
import { formatTable, hex32, hexN } from './output';
import { formatDecoded, formatPeripherals, formatRegisterLayout, formatRegisters } from './svd-format';
import { targetChoice } from './target-options';
import { defineTargetCommand } from './target-command';

export interface SvdArgs {
  file: string;
  path?: string;
  online: boolean;
  /** Filled by prepare(): parsed before OpenOCD starts, so a bad file costs no connection. */
  model?: SvdModel;
}

type Selection = { kind: 'device' } | { kind: 'peripheral'; peripheral: SvdPeripheral } | { kind: 'register'; register: SvdRegister };

function select(model: SvdModel, path: string | undefined): Selection {
  if (path === undefined) return { kind: 'device' };
  if (!path.includes('.')) {
    // "RCC" is a peripheral; "RCC_CR" is vendor spelling of a register.
    try {
      return { kind: 'peripheral', peripheral: model.getPeripheral(path) };
    } catch (err) {
      if (!path.includes('_')) throw err;
    }
  }
  return { kind: 'register', register: model.findRegister(path) };
}

function readable(r: SvdRegister): boolean {
  return r.access !== 'write-only' && r.access !== 'writeOnce';
}

async function readPeripheral(model: SvdModel, session: Session, p: SvdPeripheral): Promise<string> {
  const rows: string[][] = [];
  for (const r of p.registers) {
    if (!readable(r)) {
      rows.push([r.path, hex32(r.address), '(write-only)']);
      continue;
    }
    // One unreadable register (a size the memory interface lacks, a bus fault) must not hide the rest.
    const d = await model.readRegister(session.memory, `${p.name}.${r.path}`).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    rows.push(d instanceof Error ? [r.path, hex32(r.address), `error: ${d.message}`] : [r.path, hex32(r.address), hexN(d.value, d.size)]);
  }
  return `${p.name} @ ${hex32(p.baseAddress)}\n${formatTable(rows)}\n`;
}

export const svdCommand = defineTargetCommand<SvdArgs>({
  name: 'svd',
  usage: 'svd FILE [PERIPHERAL[.REGISTER]]',
  summary: 'Browse an SVD file offline, or read and decode a register on the target',
  options: {},
  target: 'optional',
  parse(p: ParsedArgs) {
    const [file, path] = expectPositional(p, ['FILE'], ['PERIPHERAL[.REGISTER]']) as [string, string | undefined];
    const online = targetChoice(p) !== undefined;
    if (online && path === undefined) throw new UsageError('with a target, name what to read: PERIPHERAL or PERIPHERAL.REGISTER');
    return path === undefined ? { file, online } : { file, path, online };
  },
  async prepare(args) {
    try {
      args.model = await loadSvd(args.file);
    } finally {
      await stopSvdWorkers(); // a warm worker thread would keep the command from exiting
    }
    select(args.model, args.path); // unknown names fail here, with suggestions, before OpenOCD starts
  },
  async run({ args, session }) {
    const model = args.model as SvdModel;
    const sel = select(model, args.path);
    let text: string;
    if (!args.online || !session) {
      text =
        sel.kind === 'device'
          ? formatPeripherals(model.name, model.listPeripherals())
          : sel.kind === 'peripheral'
            ? formatRegisters(sel.peripheral)
            : formatRegisterLayout(sel.register);
    } else if (sel.kind === 'register') {
      text = formatDecoded(await model.readRegister(session.memory, `${sel.register.peripheral}.${sel.register.path}`));
    } else if (sel.kind === 'peripheral') {
      text = await readPeripheral(model, session, sel.peripheral);
    } else {
      throw new UsageError('name a peripheral or register');
    }
    process.stdout.write(text);
    return 0;
  },
});
