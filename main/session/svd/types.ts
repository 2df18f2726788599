// The resolved SVD model: plain data only (no classes, no Maps, no functions) so it
// survives structured clone from the parsing worker unchanged. Every derivedFrom,
// dim array, cluster and inherited property is already applied: a consumer never
// needs to look at the XML rules again. Derived peripherals share their field
// arrays with the base (structured clone keeps shared references), so treat all
// of it as read-only.

export type SvdAccess = 'read-only' | 'write-only' | 'read-write' | 'writeOnce' | 'read-writeOnce';

/** CMSIS modifiedWriteValues: what writing a value does to the field. */
export type SvdModifiedWrite =
  | 'oneToClear'
  | 'oneToSet'
  | 'oneToToggle'
  | 'zeroToClear'
  | 'zeroToSet'
  | 'zeroToToggle'
  | 'clear'
  | 'set'
  | 'modify';

export type SvdEnumUsage = 'read' | 'write' | 'read-write';

export interface SvdEnumValue {
  name: string;
  description?: string;
  /** The value with don't-care bits (the x in "#1x0") set to 0; absent for isDefault. */
  value?: number;
  /** Bits that do not matter when matching ("#1x0" -> 0b010). 0 when all bits count. */
  dontCare: number;
  /** True for the catch-all entry that names every value not listed otherwise. */
  isDefault: boolean;
}

export interface SvdEnumeratedValues {
  name?: string;
  headerEnumName?: string;
  usage: SvdEnumUsage;
  values: SvdEnumValue[];
}

export interface SvdField {
  name: string;
  description?: string;
  /** Least significant bit (== bitOffset). */
  lsb: number;
  /** Most significant bit. */
  msb: number;
  bitWidth: number;
  access: SvdAccess;
  modifiedWriteValues?: SvdModifiedWrite;
  readAction?: string;
  /** Writable range limits from <writeConstraint><range>, when given. */
  writeRange?: { min: number; max: number };
  enumeratedValues: SvdEnumeratedValues[];
}

export interface SvdRegister {
  /** The register's own (dim-expanded) name, e.g. "ODR" or "CCR[2]". */
  name: string;
  /** Path inside the peripheral, clusters joined with '.', e.g. "CH0.CR". */
  path: string;
  /** The (dim-expanded) peripheral it belongs to. */
  peripheral: string;
  displayName?: string;
  description?: string;
  /** Offset from the peripheral's base address (clusters already added). */
  addressOffset: number;
  /** Absolute address. */
  address: number;
  /** Width in bits. */
  size: number;
  access: SvdAccess;
  resetValue: number;
  resetMask: number;
  alternateRegister?: string;
  alternateGroup?: string;
  modifiedWriteValues?: SvdModifiedWrite;
  readAction?: string;
  /** Name of the register this one was derived from, as written in the SVD. */
  derivedFrom?: string;
  fields: SvdField[];
}

export interface SvdAddressBlock {
  offset: number;
  size: number;
  usage: string;
  protection?: string;
}

export interface SvdInterrupt {
  name: string;
  description?: string;
  value: number;
  /** The peripheral that declared it. */
  peripheral: string;
}

export interface SvdPeripheral {
  name: string;
  description?: string;
  groupName?: string;
  version?: string;
  prependToName?: string;
  appendToName?: string;
  headerStructName?: string;
  baseAddress: number;
  derivedFrom?: string;
  addressBlocks: SvdAddressBlock[];
  interrupts: SvdInterrupt[];
  /** Every register, clusters flattened, sorted by address. */
  registers: SvdRegister[];
}

export interface SvdCpu {
  name: string;
  revision?: string;
  endian?: string;
  mpuPresent?: boolean;
  fpuPresent?: boolean;
  nvicPrioBits?: number;
  vendorSystickConfig?: boolean;
}

export interface SvdRegisterDefaults {
  size: number;
  access: SvdAccess;
  resetValue: number;
  resetMask: number;
  protection?: string;
}

export interface SvdDevice {
  /** The file it came from (or "<string>"), for error messages. */
  source: string;
  name: string;
  vendor?: string;
  version?: string;
  description?: string;
  schemaVersion?: string;
  cpu?: SvdCpu;
  addressUnitBits: number;
  width: number;
  defaults: SvdRegisterDefaults;
  peripherals: SvdPeripheral[];
  /** Every peripheral's interrupts, sorted by value. */
  interrupts: SvdInterrupt[];
}

/** One field of a decoded register value. value is null when the field cannot be read back. */
export interface DecodedField {
  name: string;
  description?: string;
  lsb: number;
  msb: number;
  bitWidth: number;
  access: SvdAccess;
  value: number | null;
  enumName?: string;
  enumDescription?: string;
}

export interface DecodedRegister {
  /** "PERIPH.REG" (with cluster path when nested). */
  path: string;
  address: number;
  size: number;
  value: number;
  fields: DecodedField[];
}

/** Target memory as the session exposes it; u8/u16 are needed only for registers of that size. */
export interface SvdMemory {
  readU32(address: number): Promise<number>;
  writeU32(address: number, value: number): Promise<void>;
  readU16?(address: number): Promise<number>;
  writeU16?(address: number, value: number): Promise<void>;
  readU8?(address: number): Promise<number>;
  writeU8?(address: number, value: number): Promise<void>;
}
