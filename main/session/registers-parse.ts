// Parsers for OpenOCD 0.12's register commands (src/target/target.c):
//   reg              -> "===== arm v7m registers\n(0) r0 (/32): 0x20000400\n(1) r1 (/32)\n..."
//                       (a value only when cached valid; " (dirty)" when written, not yet flushed)
//   get_reg {names}  -> Tcl dict "pc 0x08000130 sp 0x20005000"
import { TargetError } from '../openocd/errors';
import { parseTclDict } from './tcl-list';

export interface RegisterInfo {
  /** OpenOCD's register number (the "(n)" in `reg` output). */
  number: number;
  name: string;
  bits: number;
  /** null when OpenOCD has no valid cached value (e.g. never read since the halt). */
  value: bigint | null;
  dirty: boolean;
}

export interface RegisterGroup {
  /** As OpenOCD names the cache: "arm v7m registers", "Cortex-M DWT registers", ... */
  name: string;
  registers: RegisterInfo[];
}

const GROUP = /^===== (.+?)\s*$/;
const REG = /^\((\d+)\)\s+(\S+)\s+\(\/(\d+)\)(?::\s+0x([0-9a-fA-F]+))?(\s+\(dirty\))?\s*$/;

export function parseRegList(text: string): RegisterGroup[] {
  const groups: RegisterGroup[] = [];
  let current: RegisterGroup | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    const g = GROUP.exec(line);
    if (g) {
      current = { name: g[1] as string, registers: [] };
      groups.push(current);
      continue;
    }
    const r = REG.exec(line.trim());
    if (!r || !current) throw new TargetError(`unexpected line in register list: ${line}`, { openocdText: text });
    current.registers.push({
      number: Number(r[1]),
      name: r[2] as string,
      bits: Number(r[3]),
      value: r[4] === undefined ? null : BigInt('0x' + r[4]),
      dirty: r[5] !== undefined,
    });
  }
  return groups;
}

const ONE_REG = /^(\S+) \(\/(\d+)\): 0x([0-9a-fA-F]+)$/;
const NOT_FOUND = /^register (\S+) not found in current target$/;

/**
 * `reg NAME` -> "pc (/32): 0x08000040". OpenOCD reports an unknown name as a successful
 * "register X not found in current target", so that is turned into a TargetError here.
 */
export function parseRegValue(text: string): { name: string; bits: number; value: bigint } {
  const t = text.trim();
  const m = ONE_REG.exec(t);
  if (m) return { name: m[1] as string, bits: Number(m[2]), value: BigInt('0x' + m[3]) };
  const nf = NOT_FOUND.exec(t);
  if (nf) throw new TargetError(`unknown register '${nf[1]}'`, { openocdText: t });
  throw new TargetError(`unexpected register reply: ${t}`, { openocdText: t });
}

/** get_reg's dict, values as bigint (registers may be wider than 53 bits). */
export function parseGetReg(text: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [name, value] of parseTclDict(text)) {
    if (!/^0x[0-9a-fA-F]+$/.test(value)) throw new TargetError(`unexpected value for register ${name}: ${value}`, { openocdText: text });
    out.set(name, BigInt(value));
  }
  return out;
}
