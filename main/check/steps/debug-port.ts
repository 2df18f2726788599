// Step 3: the debug port. Over JTAG: the scan chain (TAP count, IDCODEs, IR lengths),
// each IDCODE named (clones such as GD32/CKS32 included) and matched to what the target
// cfg expects; over SWD: the DPIDR.
import { lookupIdcode, manufacturerOf } from '../../diagnose/idcodes';
import { ev, hex32, type CheckStep } from '../context';

/** JEP106 ids of the debug-port and boundary-scan makers the check names. */
const MAKERS: Record<number, string> = { 0x23b: 'ARM', 0x020: 'STMicroelectronics', 0x7a3: 'GigaDevice', 0x01f: 'Atmel/Microchip', 0x015: 'NXP', 0x244: 'Nordic' };

export const debugPortStep: CheckStep = async (ctx) => {
  const taps = ctx.facts.info?.taps ?? [];
  const expected = ctx.options.expectedIdcodes;
  if (taps.length === 0) {
    // SWD (or hla): no scan chain; OpenOCD prints the DPIDR when it connects.
    const log = ctx.session.controller?.logHistory().map((l) => l.text) ?? [];
    const dpidr = log.map((l) => /SWD DPIDR (0x[0-9a-f]+)/i.exec(l)?.[1]).find(Boolean);
    if (!dpidr) return { status: 'warn', summary: 'no JTAG chain and no SWD DPIDR in the log: the transport does not show the debug port id', evidence: [ev('transport', ctx.facts.info?.transport ?? 'unknown')] };
    const id = Number(dpidr);
    const known = lookupIdcode(id);
    const evidence = [ev('SWD DPIDR', `${hex32(id)}${known ? ` (${known.part})` : ''}`)];
    if (expected?.length && expected[0] !== id) return { status: 'fail', summary: `DPIDR ${hex32(id)}, the board's profile expects ${hex32(expected[0] as number)}`, evidence };
    return { status: 'pass', summary: `SWD debug port answers with ${hex32(id)}`, evidence };
  }
  const evidence = taps.map((t, i) => {
    const known = lookupIdcode(t.idcode);
    const maker = MAKERS[manufacturerOf(t.idcode)] ?? `JEP106 0x${manufacturerOf(t.idcode).toString(16).padStart(3, '0')}`;
    return ev(`TAP ${i} ${t.name}`, `IDCODE ${hex32(t.idcode)} (${known?.part ?? maker}), IR length ${t.irLength}${t.expected.length ? `, cfg expects ${t.expected.map(hex32).join(' or ')}` : ''}`);
  });
  evidence.unshift(ev('TAPs', String(taps.length)));
  const bad = taps.filter((t) => t.idcode === 0 || t.idcode === 0xffffffff);
  if (bad.length) return { status: 'fail', summary: `the chain reads ${hex32(bad[0]?.idcode ?? 0)}: no TAP answers (power, wiring or reset)`, evidence };
  const mismatch = taps.find((t) => t.expected.length > 0 && !t.expected.includes(t.idcode));
  if (mismatch) {
    const known = lookupIdcode(mismatch.idcode);
    const clone = known?.compatibleWith ? ` (${known.compatibleWith}: set CPUTAPID ${hex32(mismatch.idcode)} in the profile)` : '';
    return { status: 'fail', summary: `${mismatch.name} answers ${hex32(mismatch.idcode)} but the target cfg expects ${mismatch.expected.map(hex32).join(' or ')}${clone}`, evidence };
  }
  if (expected?.length) {
    const got = taps.map((t) => t.idcode >>> 0);
    const off = expected.findIndex((e, i) => got[i] !== e >>> 0);
    if (off >= 0 || got.length !== expected.length) {
      return { status: 'fail', summary: `the chain is ${got.map(hex32).join(', ')}; the board's profile expects ${expected.map(hex32).join(', ')}`, evidence };
    }
  }
  return { status: 'pass', summary: `${taps.length} TAP${taps.length === 1 ? '' : 's'} answer with the expected IDCODEs`, evidence };
};
