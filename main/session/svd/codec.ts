// Register values <-> fields. Bit arithmetic is done with multiplication/division,
// not JS bit operators, so fields above bit 31 of a 64-bit register stay correct
// (up to 2^53); 32-bit operators are used only where a value is known to fit.
import { SVDError } from '../../openocd/errors';
import { didYouMean } from './suggest';
import type { DecodedField, DecodedRegister, SvdEnumeratedValues, SvdEnumValue, SvdField, SvdRegister } from './types';

export function registerLabel(reg: SvdRegister): string {
  return `${reg.peripheral}.${reg.path}`;
}

export function isReadable(access: SvdField['access']): boolean {
  return access !== 'write-only' && access !== 'writeOnce';
}

export function isWritable(access: SvdField['access']): boolean {
  return access !== 'read-only';
}

/** The field's bits of a register value. */
export function fieldBits(value: number, field: SvdField): number {
  return Math.floor(value / 2 ** field.lsb) % 2 ** field.bitWidth;
}

/** `current` with the field's bits replaced by `bits` (already range-checked). */
export function withFieldBits(current: number, field: SvdField, bits: number): number {
  return current + (bits - fieldBits(current, field)) * 2 ** field.lsb;
}

function matches(ev: SvdEnumValue, v: number): boolean {
  if (ev.value === undefined) return false;
  if (ev.dontCare === 0) return ev.value === v;
  return ((v & ~ev.dontCare) >>> 0) === ev.value;
}

/** The enum entry naming `v` in the sets meant for `usage`, falling back to isDefault. */
export function enumFor(field: SvdField, v: number, usage: 'read' | 'write'): SvdEnumValue | undefined {
  let fallback: SvdEnumValue | undefined;
  for (const set of usableSets(field, usage)) {
    for (const ev of set.values) {
      if (matches(ev, v)) return ev;
      if (ev.isDefault && fallback === undefined) fallback = ev;
    }
  }
  return fallback;
}

function usableSets(field: SvdField, usage: 'read' | 'write'): SvdEnumeratedValues[] {
  return field.enumeratedValues.filter((s) => s.usage === usage || s.usage === 'read-write');
}

/** Splits a register value into its fields, naming enum values. Write-only fields decode to null. */
export function decode(reg: SvdRegister, value: number): DecodedRegister {
  const v = checkRegisterValue(reg, value, 'decode');
  const fields: DecodedField[] = reg.fields.map((f) => {
    const out: DecodedField = { name: f.name, lsb: f.lsb, msb: f.msb, bitWidth: f.bitWidth, access: f.access, value: null };
    if (f.description !== undefined) out.description = f.description;
    if (!isReadable(f.access)) return out;
    out.value = fieldBits(v, f);
    const ev = enumFor(f, out.value, 'read');
    if (ev !== undefined) {
      out.enumName = ev.name;
      if (ev.description !== undefined) out.enumDescription = ev.description;
    }
    return out;
  });
  return { path: registerLabel(reg), address: reg.address, size: reg.size, value: v, fields };
}

export function findField(reg: SvdRegister, name: string): SvdField {
  const exact = reg.fields.find((f) => f.name === name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  const loose = reg.fields.find((f) => f.name.toLowerCase() === lower);
  if (loose !== undefined) return loose;
  const names = reg.fields.map((f) => f.name);
  const known = names.length === 0 ? ' It has no fields.' : didYouMean(name, names) || ` Its fields: ${names.join(', ')}.`;
  throw new SVDError(`Register ${registerLabel(reg)} has no field "${name}".${known}`);
}

/** A number, a numeric string ("0x3", "#101") or an enum name -> the field's bits, checked. */
export function fieldValue(reg: SvdRegister, field: SvdField, value: number | string): number {
  const label = `${registerLabel(reg)}.${field.name}`;
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const s = value.trim();
    const numeric = /^(0x[0-9a-f]+|#[01]+|0b[01]+|\d+)$/i.exec(s);
    if (numeric !== null) n = s.startsWith('#') ? parseInt(s.slice(1), 2) : /^0b/i.test(s) ? parseInt(s.slice(2), 2) : Number(s);
    else n = enumValueByName(label, field, s);
  }
  const max = 2 ** field.bitWidth - 1;
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new SVDError(`Value ${String(value)} does not fit field ${label}: it is ${field.bitWidth} bit${field.bitWidth === 1 ? '' : 's'} wide (0..${max})`);
  }
  const r = field.writeRange;
  if (r !== undefined && (n < r.min || n > r.max)) {
    throw new SVDError(`Value ${n} is outside the writable range ${r.min}..${r.max} of field ${label}`);
  }
  return n;
}

function enumValueByName(label: string, field: SvdField, name: string): number {
  const sets = usableSets(field, 'write');
  const all = sets.flatMap((s) => s.values.filter((v) => v.value !== undefined));
  const hit = all.find((v) => v.name === name) ?? all.find((v) => v.name.toLowerCase() === name.toLowerCase());
  if (hit?.value !== undefined) return hit.value;
  if (all.length === 0) throw new SVDError(`Field ${label} has no enumerated values: "${name}" is neither a number nor a value name`);
  const names = all.map((v) => v.name);
  throw new SVDError(`Field ${label} has no value named "${name}".${didYouMean(name, names) || ` Its values: ${names.join(', ')}.`}`);
}

/** The register value with `field` set to `value` (number or enum name); refuses read-only fields. */
export function encodeField(reg: SvdRegister, fieldName: string, value: number | string, current: number): number {
  const field = findField(reg, fieldName);
  if (!isWritable(reg.access)) throw new SVDError(`Register ${registerLabel(reg)} is read-only: cannot write field ${field.name}`);
  if (!isWritable(field.access)) throw new SVDError(`Field ${registerLabel(reg)}.${field.name} is read-only`);
  const cur = checkRegisterValue(reg, current, 'current value');
  return withFieldBits(cur, field, fieldValue(reg, field, value));
}

/** Register values are unsigned and fit the register's size; a negative 32-bit int is taken as unsigned. */
export function checkRegisterValue(reg: SvdRegister, value: number, what: string): number {
  let v = value;
  if (Number.isInteger(v) && v < 0 && v >= -(2 ** 31) && reg.size <= 32) v = v >>> 0;
  if (!Number.isInteger(v) || v < 0 || v >= 2 ** reg.size) {
    throw new SVDError(`${what} ${String(value)} does not fit register ${registerLabel(reg)} (${reg.size} bits)`);
  }
  return v;
}
