// Reading and read-modify-writing registers through target memory. Access rules
// are enforced here, before the target is touched: read-only refuses writes,
// write-only is never read back (its reset value stands in for "current"), and
// fields whose write has a side effect (write 1 to clear, ...) are written with
// their neutral value so that changing one field never clears another's flag.
import { SVDError } from '../../openocd/errors';
import { decode, fieldBits, fieldValue, findField, isReadable, isWritable, registerLabel, withFieldBits } from './codec';
import type { DecodedRegister, SvdField, SvdMemory, SvdModifiedWrite, SvdRegister } from './types';

export interface FieldWrite {
  register: string;
  field: string;
  address: number;
  /** The value read before the write, or null when the register is write-only. */
  before: number | null;
  /** The value written. */
  written: number;
}

export async function readRaw(mem: SvdMemory, reg: SvdRegister): Promise<number> {
  if (!isReadable(reg.access)) {
    throw new SVDError(`Register ${registerLabel(reg)} is ${reg.access}: it cannot be read back`);
  }
  switch (reg.size) {
    case 32:
      return (await mem.readU32(reg.address)) >>> 0;
    case 16:
      if (mem.readU16 === undefined) break;
      return await mem.readU16(reg.address);
    case 8:
      if (mem.readU8 === undefined) break;
      return await mem.readU8(reg.address);
  }
  throw new SVDError(`Register ${registerLabel(reg)} is ${reg.size} bits wide: this memory interface cannot read that size`);
}

export async function writeRaw(mem: SvdMemory, reg: SvdRegister, value: number): Promise<void> {
  if (!isWritable(reg.access)) throw new SVDError(`Register ${registerLabel(reg)} is read-only`);
  switch (reg.size) {
    case 32:
      return mem.writeU32(reg.address, value >>> 0);
    case 16:
      if (mem.writeU16 === undefined) break;
      return mem.writeU16(reg.address, value);
    case 8:
      if (mem.writeU8 === undefined) break;
      return mem.writeU8(reg.address, value);
  }
  throw new SVDError(`Register ${registerLabel(reg)} is ${reg.size} bits wide: this memory interface cannot write that size`);
}

export async function readRegister(mem: SvdMemory, reg: SvdRegister): Promise<DecodedRegister> {
  return decode(reg, await readRaw(mem, reg));
}

const NEUTRAL_ZERO: ReadonlySet<SvdModifiedWrite> = new Set(['oneToClear', 'oneToSet', 'oneToToggle']);
const NEUTRAL_ONES: ReadonlySet<SvdModifiedWrite> = new Set(['zeroToClear', 'zeroToSet', 'zeroToToggle']);

/**
 * The value to write back for every field but `target`: what was read, except that
 * fields not read back take their reset value and side-effect fields their neutral value.
 */
export function writeBackBase(reg: SvdRegister, read: number | null, target: SvdField): number {
  let v = read ?? reg.resetValue;
  for (const f of reg.fields) {
    if (f === target) continue;
    const mwv = f.modifiedWriteValues ?? reg.modifiedWriteValues;
    let bits: number | undefined;
    if (mwv !== undefined && NEUTRAL_ZERO.has(mwv)) bits = 0;
    else if (mwv !== undefined && NEUTRAL_ONES.has(mwv)) bits = 2 ** f.bitWidth - 1;
    else if (read !== null && !isReadable(f.access)) bits = fieldBits(reg.resetValue, f);
    if (bits !== undefined) v = withFieldBits(v, f, bits);
  }
  return v;
}

/** Read-modify-write of one field; `value` is a number, a numeric string or an enum name. */
export async function writeField(mem: SvdMemory, reg: SvdRegister, fieldName: string, value: number | string): Promise<FieldWrite> {
  const field = findField(reg, fieldName);
  const label = registerLabel(reg);
  if (!isWritable(reg.access)) throw new SVDError(`Register ${label} is read-only: cannot write field ${field.name}`);
  if (!isWritable(field.access)) throw new SVDError(`Field ${label}.${field.name} is read-only`);
  const bits = fieldValue(reg, field, value); // validate before touching the target
  const before = isReadable(reg.access) ? await readRaw(mem, reg) : null;
  const written = withFieldBits(writeBackBase(reg, before, field), field, bits);
  await writeRaw(mem, reg, written);
  return { register: label, field: field.name, address: reg.address, before, written };
}
