// Parsers for OpenOCD 0.12's `bp` and `wp` listings (src/target/target.c).
//   bp: "IVA breakpoint: 0x08000130, 0x2, 0x4770"          (software; last = saved instruction)
//       "Breakpoint(IVA): 0x08000130, 0x2, 0"             (hardware; last = comparator number)
//       "Context breakpoint: 0x00000005, 0x2, 1" / "Hybrid breakpoint(IVA): ..." (MMU targets)
//   wp: "address: 0x20000000, len: 0x00000004, r/w/a: 1, value: 0x00000000, mask: 0xffffffff"
import { BreakpointError } from '../openocd/errors';

export type BreakpointKind = 'software' | 'hardware' | 'context' | 'hybrid';

export interface Breakpoint {
  address: number;
  length: number;
  kind: BreakpointKind;
  /** Hardware: the comparator number; context: the ASID's breakpoint number. */
  number?: number;
  /** Software: the instruction the breakpoint replaced, hex as OpenOCD prints it. */
  originalInstruction?: string;
  /** Context/hybrid: the ASID (context ID). */
  asid?: number;
}

export type WatchAccess = 'r' | 'w' | 'a';

export interface Watchpoint {
  address: number;
  length: number;
  access: WatchAccess;
  value: number;
  mask: number;
}

const NUM = '(0x[0-9a-fA-F]+|\\d+)';
const SOFT = new RegExp(`^IVA breakpoint: ${NUM}, ${NUM}, 0x([0-9a-fA-F]+)$`);
const HARD = new RegExp(`^Breakpoint\\(IVA\\): ${NUM}, ${NUM}, (\\d+)$`);
const CONTEXT = new RegExp(`^Context breakpoint: ${NUM}, ${NUM}, (\\d+)$`);
const HYBRID = new RegExp(`^Hybrid breakpoint\\(IVA\\): ${NUM}, ${NUM}, (\\d+)$`);
const LINKED = new RegExp(`^\\|--->linked with ContextID: ${NUM}$`);
const WATCH = new RegExp(`^address: ${NUM}, len: ${NUM}, r/w/a: (\\d), value: ${NUM}, mask: ${NUM}$`);

const ACCESS: readonly WatchAccess[] = ['r', 'w', 'a']; // enum watchpoint_rw order

export function parseBreakpoints(text: string): Breakpoint[] {
  const out: Breakpoint[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    let m: RegExpExecArray | null;
    if ((m = SOFT.exec(line))) {
      out.push({ address: Number(m[1]), length: Number(m[2]), kind: 'software', originalInstruction: '0x' + m[3] });
    } else if ((m = HARD.exec(line))) {
      out.push({ address: Number(m[1]), length: Number(m[2]), kind: 'hardware', number: Number(m[3]) });
    } else if ((m = CONTEXT.exec(line))) {
      out.push({ address: 0, asid: Number(m[1]), length: Number(m[2]), kind: 'context', number: Number(m[3]) });
    } else if ((m = HYBRID.exec(line))) {
      out.push({ address: Number(m[1]), length: Number(m[2]), kind: 'hybrid', number: Number(m[3]) });
    } else if ((m = LINKED.exec(line))) {
      const last = out[out.length - 1];
      if (last) last.asid = Number(m[1]);
    } else {
      throw new BreakpointError(`unexpected line in breakpoint list: ${line}`, { openocdText: text });
    }
  }
  return out;
}

export function parseWatchpoints(text: string): Watchpoint[] {
  const out: Watchpoint[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = WATCH.exec(line);
    const access = m ? ACCESS[Number(m[3])] : undefined;
    if (!m || !access) throw new BreakpointError(`unexpected line in watchpoint list: ${line}`, { openocdText: text });
    out.push({ address: Number(m[1]), length: Number(m[2]), access, value: Number(m[4]), mask: Number(m[5]) });
  }
  return out;
}
