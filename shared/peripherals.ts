// What the Peripherals panel sees of an SVD file: a compact, plain-data model of the
// chip's peripherals -> registers -> fields (the full resolved SVD stays in main, where
// it is parsed off the UI thread), and the decoded result of a live read. Pure types.

export type PeriphAccess = 'read-only' | 'write-only' | 'read-write' | 'writeOnce' | 'read-writeOnce';

export interface PeriphEnum {
  name: string;
  value: number;
  description?: string;
}

export interface PeriphField {
  name: string;
  description?: string;
  lsb: number;
  msb: number;
  access: PeriphAccess;
  /** e.g. "oneToClear": writing a 1 clears the flag. */
  modifiedWriteValues?: string;
  /** e.g. "clear": reading has a side effect. */
  readAction?: string;
  /** Values a write may use (by name), from the SVD's write/read-write enumerations. */
  enums?: PeriphEnum[];
}

export interface PeriphRegister {
  /** Path inside the peripheral ("ODR", "CH0.CR"). */
  name: string;
  description?: string;
  address: number;
  /** Bits: 8, 16 or 32. */
  size: number;
  access: PeriphAccess;
  resetValue: number;
  /** A read has a side effect (the register's or a field's readAction): not read unless asked. */
  readAction?: string;
  fields: PeriphField[];
}

export interface PeriphInfo {
  name: string;
  description?: string;
  groupName?: string;
  baseAddress: number;
  registers: PeriphRegister[];
}

export interface PeriphModel {
  /** The profile the SVD belongs to. */
  profileId: string;
  /** Shown to the user: the file name, "(bundled)" for the one that ships with the app. */
  source: string;
  bundled: boolean;
  device: string;
  peripherals: PeriphInfo[];
}

export interface DecodedPeriphField {
  name: string;
  /** null: write-only (cannot be read back). */
  value: number | null;
  enumName?: string;
}

export interface PeriphRegisterRead {
  name: string;
  address: number;
  /** null when not read: write-only, a read side effect not asked for, or a read error. */
  value: number | null;
  fields: DecodedPeriphField[];
  /** Why there is no value ("write-only", "read clears flags: read it on its own", or OpenOCD's error). */
  note?: string;
}

export interface PeriphRead {
  peripheral: string;
  registers: PeriphRegisterRead[];
  /** Host time of the read (ms since epoch). */
  readAt: number;
}

export interface PeriphWriteResult {
  /** "GPIOC.ODR" or "GPIOC.ODR.ODR13". */
  path: string;
  /** The register value before (null: write-only) and the value written. */
  before: number | null;
  written: number;
  /** The register as read back after the write (value null when it cannot be read). */
  after: PeriphRegisterRead;
}
