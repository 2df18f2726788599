// enumeratedValues, including derivedFrom. CMSIS lets the reference be the bare name
// or qualified from the right ("field.enum", "reg.field.enum", "periph.reg.field.enum"),
// so the base is the named enumeratedValues whose path ends with the reference, the
// one nearest to the referring field winning when several match.
import { SVDError } from '../../openocd/errors';
import type { Deriver } from './derive';
import { parseEnumUsage, parseEnumValue, parseSvdBool } from './numbers';
import type { SvdEnumeratedValues, SvdEnumValue } from './types';
import { attr, childDescription, childNode, childNodes, childText, type RawNode } from './xml';

interface IndexedEnum {
  path: string[];
  node: RawNode;
}

export class EnumResolver {
  private index: IndexedEnum[] | undefined;
  private readonly inProgress = new Set<RawNode>();

  constructor(
    private readonly source: string,
    private readonly peripherals: RawNode[],
    private readonly deriver: Deriver,
  ) {}

  /** All <enumeratedValues> of a field, resolved. `fieldPath` is [periph, ...clusters, reg, field]. */
  resolveAll(field: RawNode, fieldPath: string[]): SvdEnumeratedValues[] {
    return childNodes(field, 'enumeratedValues').map((ev) => this.resolveOne(ev, fieldPath));
  }

  private resolveOne(ev: RawNode, fieldPath: string[]): SvdEnumeratedValues {
    const where = `${this.source}: field ${fieldPath.join('.')} <enumeratedValues${childText(ev, 'name') === undefined ? '' : ` ${childText(ev, 'name')}`}>`;
    const from = attr(ev, 'derivedFrom');
    // A derived enumeratedValues is a copy of its base; the spec allows no modifications.
    return from === undefined ? this.build(ev, where) : this.derive(ev, from, fieldPath, where);
  }

  private derive(ev: RawNode, from: string, fieldPath: string[], where: string): SvdEnumeratedValues {
    if (this.inProgress.has(ev)) throw new SVDError(`${where}: derivedFrom="${from}" forms a cycle`);
    const base = this.find(from.trim(), fieldPath, ev);
    if (base === undefined) throw new SVDError(`${where}: derivedFrom="${from}" names no enumeratedValues in this file`);
    this.inProgress.add(ev);
    try {
      const resolved = this.resolveOne(base.node, base.path.slice(0, -1));
      const name = childText(ev, 'name');
      const usage = childText(ev, 'usage');
      return {
        ...resolved,
        ...(name === undefined ? {} : { name }),
        ...(usage === undefined ? {} : { usage: parseEnumUsage(usage, where) }),
      };
    } finally {
      this.inProgress.delete(ev);
    }
  }

  private build(ev: RawNode, where: string): SvdEnumeratedValues {
    const name = childText(ev, 'name');
    const headerEnumName = childText(ev, 'headerEnumName');
    const usage = childText(ev, 'usage');
    const values: SvdEnumValue[] = childNodes(ev, 'enumeratedValue').map((v, i) => {
      const vname = childText(v, 'name') ?? `#${i}`;
      const vwhere = `${where} value ${vname}`;
      const isDefaultText = childText(v, 'isDefault');
      const isDefault = isDefaultText === undefined ? false : parseSvdBool(isDefaultText, vwhere);
      const valueText = childText(v, 'value');
      const out: SvdEnumValue = { name: vname, dontCare: 0, isDefault };
      const description = childDescription(v);
      if (description !== undefined) out.description = description;
      if (valueText !== undefined) Object.assign(out, parseEnumValue(valueText, `${vwhere} <value>`));
      else if (!isDefault) throw new SVDError(`${vwhere}: needs a <value> or <isDefault>true</isDefault>`);
      return out;
    });
    const out: SvdEnumeratedValues = { usage: usage === undefined ? 'read-write' : parseEnumUsage(usage, where), values };
    if (name !== undefined) out.name = name;
    if (headerEnumName !== undefined) out.headerEnumName = headerEnumName;
    return out;
  }

  private find(ref: string, fieldPath: string[], self: RawNode): IndexedEnum | undefined {
    const refSegs = ref.split('.');
    let best: IndexedEnum | undefined;
    let bestShared = -1;
    for (const e of this.getIndex()) {
      if (e.node === self || e.path.length < refSegs.length) continue;
      const tail = e.path.slice(e.path.length - refSegs.length);
      if (!tail.every((s, i) => s === refSegs[i])) continue;
      let shared = 0;
      while (shared < fieldPath.length && e.path[shared] === fieldPath[shared]) shared++;
      if (shared > bestShared) {
        best = e;
        bestShared = shared;
      }
    }
    return best;
  }

  // Built on first use only: most files never derive an enumeratedValues.
  private getIndex(): IndexedEnum[] {
    if (this.index !== undefined) return this.index;
    const out: IndexedEnum[] = [];
    const walk = (container: RawNode, path: string[]): void => {
      for (const c of childNodes(container, 'cluster')) {
        const cname = childText(c, 'name') ?? '';
        walk(this.deriver.resolve('cluster', { node: c, container, path: [...path, cname] }), [...path, cname]);
      }
      for (const r of childNodes(container, 'register')) {
        const rname = childText(r, 'name') ?? '';
        const reg = this.deriver.resolve('register', { node: r, container, path: [...path, rname] });
        const fields = childNode(reg, 'fields');
        if (fields === undefined) continue;
        for (const f of childNodes(fields, 'field')) {
          const fname = childText(f, 'name') ?? '';
          for (const ev of childNodes(f, 'enumeratedValues')) {
            const evName = childText(ev, 'name');
            if (evName !== undefined) out.push({ node: ev, path: [...path, rname, fname, evName] });
          }
        }
      }
    };
    for (const p of this.peripherals) {
      const pname = childText(p, 'name') ?? '';
      const merged = this.deriver.peripheral(pname);
      const regs = merged === undefined ? undefined : childNode(merged, 'registers');
      if (regs !== undefined) walk(regs, [pname]);
    }
    this.index = out;
    return out;
  }
}
