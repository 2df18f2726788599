// The resolved SVD (main/session/svd) as the panel's compact model: only what the
// tree, the filter and the field editor show. Field enums keep the values a write may
// name; descriptions stay (they are the tooltips) but enum descriptions are dropped
// except for the value names, which keeps a 4 MB STM32H7 file's model small.
import type { PeriphField, PeriphInfo, PeriphRegister } from '../../shared/peripherals';
import type { SvdField, SvdPeripheral, SvdRegister } from '../session/svd/types';

function compactField(f: SvdField): PeriphField {
  const out: PeriphField = { name: f.name, lsb: f.lsb, msb: f.msb, access: f.access };
  if (f.description) out.description = oneLine(f.description);
  if (f.modifiedWriteValues) out.modifiedWriteValues = f.modifiedWriteValues;
  if (f.readAction) out.readAction = f.readAction;
  const enums = f.enumeratedValues
    .filter((s) => s.usage !== 'read')
    .flatMap((s) => s.values)
    .filter((v) => v.value !== undefined)
    .map((v) => (v.description ? { name: v.name, value: v.value!, description: oneLine(v.description) } : { name: v.name, value: v.value! }));
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
