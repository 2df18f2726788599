// Raw <device> tree -> resolved SvdDevice. Walks device -> peripheral -> cluster ->
// register -> field carrying the inherited register properties (size, access,
// resetValue, resetMask, protection) down, applying derivedFrom (derive.ts) and dim
// (dim.ts) at each level and computing absolute addresses.
import { SVDError } from '../../openocd/errors';
import { Deriver } from './derive';
import { expandDim, withIndex } from './dim';
import { EnumResolver } from './enums';
import { parseAccess, parseBitRange, parseModifiedWrite, parseSvdBool, parseSvdInt } from './numbers';
import type { SvdAddressBlock, SvdCpu, SvdDevice, SvdField, SvdInterrupt, SvdPeripheral, SvdRegister, SvdRegisterDefaults } from './types';
import { childDescription, childNode, childNodes, childText, parseXml, type RawNode } from './xml';

/** Parses CMSIS-SVD text into the resolved model, in process. `source` names the file in errors. */
export function parseSvd(xmlText: string, source = '<string>'): SvdDevice {
  return new Builder(source, parseXml(xmlText, source)).device();
}

type Props = SvdRegisterDefaults;

interface Scope {
  props: Props;
  base: number;
  /** Offset of the enclosing clusters from the peripheral base. */
  offset: number;
  /** Display path inside the peripheral (expanded cluster names). */
  path: string[];
  /** Raw names from the root, for derivedFrom and enum lookups. */
  rawPath: string[];
  peripheral: string;
}

class Builder {
  private readonly peripheralsRaw: RawNode[];
  private readonly deriver: Deriver;
  private readonly enums: EnumResolver;
  // Fields resolved once per <fields> element (and register access): derived
  // peripherals and dim instances share one array instead of a copy each.
  private readonly fieldCache = new WeakMap<RawNode, Map<string, SvdField[]>>();

  constructor(
    private readonly source: string,
    private readonly dev: RawNode,
  ) {
    const list = childNode(dev, 'peripherals');
    this.peripheralsRaw = list === undefined ? [] : childNodes(list, 'peripheral');
    this.deriver = new Deriver(source, this.peripheralsRaw);
    this.enums = new EnumResolver(source, this.peripheralsRaw, this.deriver);
  }

  device(): SvdDevice {
    const dev = this.dev;
    const where = `${this.source}: <device>`;
    const name = childText(dev, 'name');
    if (name === undefined) throw new SVDError(`${where}: missing <name>`);
    const defaults = this.props(dev, { size: 32, access: 'read-write', resetValue: 0, resetMask: 0xffffffff }, where);
    const peripherals = this.peripheralsRaw.flatMap((p) => this.peripheral(p, defaults));
    peripherals.sort((a, b) => a.baseAddress - b.baseAddress);
    const seen = new Set<string>();
    const interrupts: SvdInterrupt[] = [];
    for (const p of peripherals) {
      for (const irq of p.interrupts) {
        const key = `${irq.name}/${irq.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        interrupts.push(irq);
      }
    }
    interrupts.sort((a, b) => a.value - b.value);
    const out: SvdDevice = {
      source: this.source,
      name,
      addressUnitBits: this.int(dev, 'addressUnitBits', where) ?? 8,
      width: this.int(dev, 'width', where) ?? 32,
      defaults,
      peripherals,
      interrupts,
    };
    assignText(out, dev, ['vendor', 'version', 'description']);
    const schema = dev['@_schemaVersion'];
    if (typeof schema === 'string') out.schemaVersion = schema;
    const cpu = childNode(dev, 'cpu');
    if (cpu !== undefined) out.cpu = this.cpu(cpu, `${this.source}: <cpu>`);
    return out;
  }

  private peripheral(raw: RawNode, inherited: Props): SvdPeripheral[] {
    const rawName = childText(raw, 'name');
    if (rawName === undefined) throw new SVDError(`${this.source}: a <peripheral> has no <name>`);
    const where = `${this.source}: peripheral ${rawName}`;
    const p = this.deriver.resolve('peripheral', { node: raw, container: {}, path: [rawName] });
    const baseText = childText(p, 'baseAddress');
    if (baseText === undefined) throw new SVDError(`${where}: missing <baseAddress>`);
    const baseAddress = parseSvdInt(baseText, `${where} <baseAddress>`);
    const props = this.props(p, inherited, where);
    const addressBlocks: SvdAddressBlock[] = childNodes(p, 'addressBlock').map((b) => {
      const block: SvdAddressBlock = {
        offset: this.int(b, 'offset', `${where} <addressBlock>`) ?? 0,
        size: this.int(b, 'size', `${where} <addressBlock>`) ?? 0,
        usage: childText(b, 'usage') ?? 'registers',
      };
      const prot = childText(b, 'protection');
      if (prot !== undefined) block.protection = prot;
      return block;
    });
    return expandDim(p, rawName, where).map((inst) => {
      const name = inst.name;
      const base = baseAddress + inst.delta;
      const interrupts: SvdInterrupt[] = childNodes(p, 'interrupt').map((irq) => {
        const irqName = childText(irq, 'name') ?? '';
        const value = this.int(irq, 'value', `${where} interrupt ${irqName}`);
        if (value === undefined) throw new SVDError(`${where}: interrupt ${irqName} has no <value>`);
        const out: SvdInterrupt = { name: irqName, value, peripheral: name };
        const d = childDescription(irq);
        if (d !== undefined) out.description = d;
        return out;
      });
      const registers: SvdRegister[] = [];
      const regs = childNode(p, 'registers');
      if (regs !== undefined) {
        this.container(regs, { props, base, offset: 0, path: [], rawPath: [rawName], peripheral: name }, registers);
      }
      registers.sort((a, b) => a.addressOffset - b.addressOffset);
      const out: SvdPeripheral = { name, baseAddress: base, addressBlocks, interrupts, registers };
      assignText(out, p, ['groupName', 'version', 'prependToName', 'appendToName', 'headerStructName']);
      const description = withIndex(childDescription(p), inst);
      if (description !== undefined) out.description = description;
      const from = raw['@_derivedFrom'];
      if (typeof from === 'string') out.derivedFrom = from;
      return out;
    });
  }

  /** The registers and clusters inside a <registers> or <cluster> element. */
  private container(container: RawNode, scope: Scope, out: SvdRegister[]): void {
    for (const c of childNodes(container, 'cluster')) {
      const rawName = childText(c, 'name');
      const where = `${this.source}: peripheral ${scope.peripheral}, cluster ${[...scope.path, rawName ?? '?'].join('.')}`;
      if (rawName === undefined) throw new SVDError(`${where}: missing <name>`);
      const rawPath = [...scope.rawPath, rawName];
      const cl = this.deriver.resolve('cluster', { node: c, container, path: rawPath });
      const offset = this.int(cl, 'addressOffset', where);
      if (offset === undefined) throw new SVDError(`${where}: missing <addressOffset>`);
      const props = this.props(cl, scope.props, where);
      for (const inst of expandDim(cl, rawName, where)) {
        this.container(cl, { ...scope, props, offset: scope.offset + offset + inst.delta, path: [...scope.path, inst.name], rawPath }, out);
      }
    }
    for (const r of childNodes(container, 'register')) this.register(r, container, scope, out);
  }

  private register(raw: RawNode, container: RawNode, scope: Scope, out: SvdRegister[]): void {
    const rawName = childText(raw, 'name');
    const where = `${this.source}: peripheral ${scope.peripheral}, register ${[...scope.path, rawName ?? '?'].join('.')}`;
    if (rawName === undefined) throw new SVDError(`${where}: missing <name>`);
    const rawPath = [...scope.rawPath, rawName];
    const r = this.deriver.resolve('register', { node: raw, container, path: rawPath });
    const offset = this.int(r, 'addressOffset', where);
    if (offset === undefined) throw new SVDError(`${where}: missing <addressOffset>`);
    const props = this.props(r, scope.props, where);
    const fieldsNode = childNode(r, 'fields');
    const fields = fieldsNode === undefined ? [] : this.fields(fieldsNode, props, rawPath, where);
    const from = raw['@_derivedFrom'];
    for (const inst of expandDim(r, rawName, where)) {
      const addressOffset = scope.offset + offset + inst.delta;
      const reg: SvdRegister = {
        name: inst.name,
        path: [...scope.path, inst.name].join('.'),
        peripheral: scope.peripheral,
        addressOffset,
        address: scope.base + addressOffset,
        size: props.size,
        access: props.access,
        resetValue: props.resetValue,
        resetMask: props.resetMask,
        fields,
      };
      const displayName = withIndex(childText(r, 'displayName'), inst);
      if (displayName !== undefined) reg.displayName = displayName;
      const description = withIndex(childDescription(r), inst);
      if (description !== undefined) reg.description = description;
      assignText(reg, r, ['alternateRegister', 'alternateGroup', 'readAction']);
      const mwv = childText(r, 'modifiedWriteValues');
      if (mwv !== undefined) reg.modifiedWriteValues = parseModifiedWrite(mwv, where);
      if (typeof from === 'string') reg.derivedFrom = from;
      out.push(reg);
    }
  }

  private fields(fieldsNode: RawNode, props: Props, regPath: string[], regWhere: string): SvdField[] {
    let byAccess = this.fieldCache.get(fieldsNode);
    const cached = byAccess?.get(props.access);
    if (cached !== undefined) return cached;
    const out: SvdField[] = [];
    for (const raw of childNodes(fieldsNode, 'field')) {
      const rawName = childText(raw, 'name');
      const where = `${regWhere}, field ${rawName ?? '?'}`;
      if (rawName === undefined) throw new SVDError(`${where}: missing <name>`);
      const fieldPath = [...regPath, rawName];
      const f = this.deriver.resolve('field', { node: raw, container: fieldsNode, path: fieldPath });
      const { lsb, msb } = this.bits(f, where);
      const accessText = childText(f, 'access');
      const access = accessText === undefined ? props.access : parseAccess(accessText, where);
      const enumeratedValues = this.enums.resolveAll(f, fieldPath);
      const mwv = childText(f, 'modifiedWriteValues');
      const range = childNode(childNode(f, 'writeConstraint') ?? {}, 'range');
      for (const inst of expandDim(f, rawName, where)) {
        const field: SvdField = { name: inst.name, lsb: lsb + inst.delta, msb: msb + inst.delta, bitWidth: msb - lsb + 1, access, enumeratedValues };
        const description = withIndex(childDescription(f), inst);
        if (description !== undefined) field.description = description;
        if (mwv !== undefined) field.modifiedWriteValues = parseModifiedWrite(mwv, where);
        assignText(field, f, ['readAction']);
        if (range !== undefined) {
          field.writeRange = { min: this.int(range, 'minimum', where) ?? 0, max: this.int(range, 'maximum', where) ?? 2 ** field.bitWidth - 1 };
        }
        out.push(field);
      }
    }
    if (byAccess === undefined) this.fieldCache.set(fieldsNode, (byAccess = new Map()));
    byAccess.set(props.access, out);
    return out;
  }

  /** The three CMSIS ways to place a field: bitRange, lsb/msb, bitOffset/bitWidth. */
  private bits(f: RawNode, where: string): { lsb: number; msb: number } {
    const range = childText(f, 'bitRange');
    let lsb: number;
    let msb: number;
    if (range !== undefined) ({ lsb, msb } = parseBitRange(range, `${where} <bitRange>`));
    else if (childText(f, 'lsb') !== undefined || childText(f, 'msb') !== undefined) {
      const l = this.int(f, 'lsb', where);
      const m = this.int(f, 'msb', where);
      if (l === undefined || m === undefined) throw new SVDError(`${where}: <lsb> and <msb> must be given together`);
      lsb = l;
      msb = m;
    } else {
      const off = this.int(f, 'bitOffset', where);
      if (off === undefined) throw new SVDError(`${where}: no bit position (<bitOffset>, <bitRange> or <lsb>/<msb>)`);
      lsb = off;
      msb = off + (this.int(f, 'bitWidth', where) ?? 1) - 1;
    }
    if (msb < lsb) throw new SVDError(`${where}: msb ${msb} is below lsb ${lsb}`);
    return { lsb, msb };
  }

  /** This element's register properties over the inherited ones. */
  private props(node: RawNode, inherited: Props, where: string): Props {
    const size = this.int(node, 'size', where);
    const accessText = childText(node, 'access');
    const resetValue = this.int(node, 'resetValue', where);
    const resetMask = this.int(node, 'resetMask', where);
    const protection = childText(node, 'protection');
    if (size === undefined && accessText === undefined && resetValue === undefined && resetMask === undefined && protection === undefined) {
      return inherited;
    }
    const out: Props = {
      size: size ?? inherited.size,
      access: accessText === undefined ? inherited.access : parseAccess(accessText, where),
      resetValue: resetValue ?? inherited.resetValue,
      resetMask: resetMask ?? inherited.resetMask,
    };
    const prot = protection ?? inherited.protection;
    if (prot !== undefined) out.protection = prot;
    return out;
  }

  private int(node: RawNode, tag: string, where: string): number | undefined {
    const t = childText(node, tag);
    return t === undefined ? undefined : parseSvdInt(t, `${where} <${tag}>`);
  }

  private cpu(node: RawNode, where: string): SvdCpu {
    const cpu: SvdCpu = { name: childText(node, 'name') ?? '' };
    assignText(cpu, node, ['revision', 'endian']);
    for (const k of ['mpuPresent', 'fpuPresent', 'vendorSystickConfig'] as const) {
      const t = childText(node, k);
      if (t !== undefined) cpu[k] = parseSvdBool(t, `${where} <${k}>`);
    }
    const prio = this.int(node, 'nvicPrioBits', where);
    if (prio !== undefined) cpu.nvicPrioBits = prio;
    return cpu;
  }
}

/** Copies the optional text children `keys` of `node` onto `target` when present. */
function assignText<T extends object>(target: T, node: RawNode, keys: readonly (keyof T & string)[]): void {
  for (const k of keys) {
    const t = childText(node, k);
    if (t !== undefined) (target as Record<string, unknown>)[k] = t;
  }
}
