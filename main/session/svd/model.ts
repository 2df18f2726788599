// SvdModel: look-ups by name over a resolved SvdDevice, plus decode/encode and
// register access through target memory. Names are matched exactly first, then
// case-insensitively, then with the vendor "PERIPH_" prefix added or dropped
// ("RCC_CR" and "RCC.CR" both find RCC's CR); misses get "did you mean".
import { SVDError } from '../../openocd/errors';
import { readRegister, writeField, writeRaw, type FieldWrite } from './access';
import { parseSvd } from './build';
import { checkRegisterValue, decode, encodeField, findField } from './codec';
import { didYouMean } from './suggest';
import type { DecodedRegister, SvdDevice, SvdField, SvdMemory, SvdPeripheral, SvdRegister } from './types';

export class SvdModel {
  private readonly byName = new Map<string, SvdPeripheral>();
  private readonly byLowerName = new Map<string, SvdPeripheral>();
  private readonly registerIndex = new WeakMap<SvdPeripheral, Map<string, SvdRegister>>();

  constructor(readonly device: SvdDevice) {
    for (const p of device.peripherals) {
      if (!this.byName.has(p.name)) this.byName.set(p.name, p);
      const lower = p.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, p);
    }
  }

  /** In-process parse; prefer loadSvd() for files (it parses off the main thread). */
  static fromXml(xmlText: string, source?: string): SvdModel {
    return new SvdModel(parseSvd(xmlText, source));
  }

  get name(): string {
    return this.device.name;
  }

  /** Every peripheral, sorted by base address. */
  listPeripherals(): readonly SvdPeripheral[] {
    return this.device.peripherals;
  }

  getPeripheral(name: string): SvdPeripheral {
    const p = this.tryPeripheral(name);
    if (p !== undefined) return p;
    throw new SVDError(`${this.device.source}: ${this.device.name} has no peripheral "${name}".${didYouMean(name, this.byName.keys())}`);
  }

  /** The peripheral's registers (clusters flattened) with absolute addresses, sorted by address. */
  listRegisters(peripheral: string): readonly SvdRegister[] {
    return this.getPeripheral(peripheral).registers;
  }

  /** "GPIOC.ODR", "RCC_CR", "DMA1.CH[0].CCR" (cluster paths), case-insensitive. */
  findRegister(path: string): SvdRegister {
    const { peripheral, rest } = this.splitPeripheral(path);
    if (rest === '') throw new SVDError(`"${path}" names no register: write PERIPHERAL.REGISTER, e.g. ${peripheral.name}.${peripheral.registers[0]?.path ?? 'REG'}`);
    const reg = this.registerIn(peripheral, rest);
    if (reg !== undefined) return reg;
    const names = peripheral.registers.map((r) => r.path);
    throw new SVDError(`Peripheral ${peripheral.name} has no register "${rest}".${didYouMean(rest, names)}`);
  }

  /** "GPIOC.ODR.ODR5" -> the register and its field. */
  findField(path: string): { register: SvdRegister; field: SvdField } {
    const dot = path.lastIndexOf('.');
    if (dot < 0) throw new SVDError(`"${path}" names no field: write PERIPHERAL.REGISTER.FIELD`);
    let register: SvdRegister;
    try {
      register = this.findRegister(path.slice(0, dot));
    } catch (err) {
      // "TIM2.CR1" is a register, not a field: say so rather than "no register TIM2".
      if (this.tryRegister(path) !== undefined) throw new SVDError(`"${path}" is a register; name a field: ${path}.FIELD`);
      throw err;
    }
    return { register, field: findField(register, path.slice(dot + 1)) };
  }

  decode(register: SvdRegister | string, value: number): DecodedRegister {
    return decode(this.reg(register), value);
  }

  /** `current` with one field replaced; SVDError on overflow, unknown enum name or read-only field. */
  encodeField(register: SvdRegister | string, field: string, value: number | string, current: number): number {
    return encodeField(this.reg(register), field, value, current);
  }

  /** Reads and decodes "PERIPH.REG"; SVDError for write-only registers. */
  readRegister(mem: SvdMemory, path: string): Promise<DecodedRegister> {
    return readRegister(mem, this.findRegister(path));
  }

  /** Read-modify-write of "PERIPH.REG.FIELD" with a number or an enum name. */
  writeField(mem: SvdMemory, path: string, value: number | string): Promise<FieldWrite> {
    const { register, field } = this.findField(path);
    return writeField(mem, register, field.name, value);
  }

  /** Writes a whole register value; SVDError for read-only registers or a value that does not fit. */
  writeRegister(mem: SvdMemory, path: string, value: number): Promise<void> {
    const reg = this.findRegister(path);
    return writeRaw(mem, reg, checkRegisterValue(reg, value, 'Value'));
  }

  private tryRegister(path: string): SvdRegister | undefined {
    try {
      return this.findRegister(path);
    } catch {
      return undefined;
    }
  }

  private reg(register: SvdRegister | string): SvdRegister {
    return typeof register === 'string' ? this.findRegister(register) : register;
  }

  private tryPeripheral(name: string): SvdPeripheral | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** Splits "PERIPH.REST"; without a dot tries "PERIPH_REG" by the longest matching peripheral name. */
  private splitPeripheral(path: string): { peripheral: SvdPeripheral; rest: string } {
    const dot = path.indexOf('.');
    if (dot >= 0) return { peripheral: this.getPeripheral(path.slice(0, dot)), rest: path.slice(dot + 1) };
    for (let i = path.lastIndexOf('_'); i > 0; i = path.lastIndexOf('_', i - 1)) {
      const p = this.tryPeripheral(path.slice(0, i));
      if (p !== undefined && this.registerIn(p, path.slice(i + 1)) !== undefined) return { peripheral: p, rest: path.slice(i + 1) };
    }
    const whole = this.tryPeripheral(path);
    if (whole !== undefined) return { peripheral: whole, rest: '' };
    // Not a peripheral either: let getPeripheral explain with suggestions.
    return { peripheral: this.getPeripheral(path.split('_')[0] ?? path), rest: '' };
  }

  private registerIn(p: SvdPeripheral, name: string): SvdRegister | undefined {
    let index = this.registerIndex.get(p);
    if (index === undefined) {
      index = new Map();
      for (const r of p.registers) {
        if (!index.has(r.path)) index.set(r.path, r);
        const lower = r.path.toLowerCase();
        if (!index.has(lower)) index.set(lower, r);
      }
      this.registerIndex.set(p, index);
    }
    const lower = name.toLowerCase();
    return (
      index.get(name) ??
      index.get(lower) ??
      // Vendor files often repeat the peripheral in the register name (BDMA_ISR in BDMA) or not (CR in RCC).
      index.get(`${p.name}_${name}`.toLowerCase()) ??
      (lower.startsWith(`${p.name.toLowerCase()}_`) ? index.get(lower.slice(p.name.length + 1)) : undefined)
    );
  }
}
