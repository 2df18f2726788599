// The resolved SVD (main/session/svd) as the panel's compact model: only what the
// tree, the filter and the field editor show. Field enums keep the values a write may
// name; field and value descriptions are cut to a tooltip's first sentence.
import type { PeriphField, PeriphInfo, PeriphRegister } from '../../shared/peripherals';
import type { SvdField, SvdPeripheral, SvdRegister } from '../session/svd/types';

function compactField(f: SvdField): PeriphField {
  const out: PeriphField = { name: f.name, lsb: f.lsb, msb: f.msb, access: f.access };
  if (f.description) out.description = tooltip(f.description);
  if (f.modifiedWriteValues) out.modifiedWriteValues = f.modifiedWriteValues;
  if (f.readAction) out.readAction = f.readAction;
  const enums = f.enumeratedValues
    .filter((s) => s.usage !== 'read')
    .flatMap((s) => s.values)
    .filter((v) => v.value !== undefined)
    .map((v) => (v.description ? { name: v.name, value: v.value!, description: tooltip(v.description) } : { name: v.name, value: v.value! }));
  if (enums.length) out.enums = enums;
  return out;
}

/** A read of this register changes the chip (clears a flag, pops a FIFO). */
export function readSideEffect(r: SvdRegister): string | undefined {
  return r.readAction ?? r.fields.find((f) => f.readAction)?.readAction;
}

function compactRegister(r: SvdRegister): PeriphRegister {
  const out: PeriphRegister = { name: r.path, address: r.address, size: r.size, access: r.access, resetValue: r.resetValue, fields: r.fields.map(compactField) };
  if (r.description) out.description = oneLine(r.description);
  const ra = readSideEffect(r);
  if (ra) out.readAction = ra;
  return out;
}

export function compactPeripheral(p: SvdPeripheral): PeriphInfo {
  const out: PeriphInfo = { name: p.name, baseAddress: p.baseAddress, registers: p.registers.map(compactRegister) };
  if (p.description) out.description = oneLine(p.description);
  if (p.groupName) out.groupName = p.groupName;
  return out;
}

/** SVD descriptions wrap over lines and indentation. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Field and value descriptions are tooltips: the first sentence, at most 120 characters
 *  (an STM32H7's run to paragraphs and would double the model sent to the page). */
function tooltip(s: string): string {
  const line = oneLine(s);
  const first = /^(.{20,}?[.;])\s/.exec(line)?.[1] ?? line;
  return first.length > 120 ? `${first.slice(0, 119)}…` : first;
}
