// derivedFrom at every level, applied on the raw element tree before anything is
// resolved: the derived element is the base's elements overlaid with its own, so
// inheritance, dim and clusters then work on it exactly as on a hand-written element.
// A base is looked up among the element's siblings first, then as a dotted path from
// the device root ("PERIPH.REG", "PERIPH.CLUSTER.REG.FIELD"), as CMSIS-SVD allows.
import { SVDError } from '../../openocd/errors';
import { parseBitRange, parseSvdInt } from './numbers';
import { attr, childNode, childNodes, childText, type RawNode } from './xml';

/** A raw element and the container holding it (siblings are looked up there). */
export interface Located {
  node: RawNode;
  container: RawNode;
  /** Names from the device root down to this element, e.g. ["GPIOA", "ODR"]. */
  path: string[];
}

// Not inherited: identity, the derivedFrom itself, dim (an array of the base is not an
// array of the derived one) and interrupts (each peripheral declares its own IRQ).
const NOT_INHERITED = new Set(['@_derivedFrom', 'name', 'dim', 'dimIncrement', 'dimIndex', 'dimName', 'dimArrayIndex', 'interrupt']);

// A field's bit position is one unit in three spellings: a derived field that gives its
// own position replaces the base's whole, keeping the base's width when it gives only bitOffset.
const POSITION = ['bitRange', 'lsb', 'msb', 'bitOffset', 'bitWidth'];

export function overlay(base: RawNode, own: RawNode, kind: Kind): RawNode {
  const out: RawNode = {};
  const ownPosition = kind === 'field' && POSITION.some((k) => own[k] !== undefined);
  for (const k of Object.keys(base)) {
    if (NOT_INHERITED.has(k) || (ownPosition && POSITION.includes(k))) continue;
    out[k] = base[k];
  }
  for (const k of Object.keys(own)) if (k !== '@_derivedFrom') out[k] = own[k];
  // A derived peripheral "overwrites and extends" its base: own registers are added to
  // the base's, replacing those of the same name.
  if (kind === 'peripheral') {
    const baseRegs = childNode(base, 'registers');
    const ownRegs = childNode(own, 'registers');
    if (baseRegs !== undefined && ownRegs !== undefined) out['registers'] = mergeByName(baseRegs, ownRegs);
  }
  if (ownPosition && own['bitOffset'] !== undefined && own['bitWidth'] === undefined) {
    const width = fieldWidth(base);
    if (width !== undefined) out['bitWidth'] = String(width);
  }
  return out;
}

function mergeByName(base: RawNode, own: RawNode): RawNode {
  const out: RawNode = {};
  for (const tag of ['register', 'cluster']) {
    const mine = childNodes(own, tag);
    const names = new Set(mine.map((n) => childText(n, 'name')));
    const merged = [...childNodes(base, tag).filter((n) => !names.has(childText(n, 'name'))), ...mine];
    if (merged.length > 0) out[tag] = merged;
  }
  return out;
}

function fieldWidth(f: RawNode): number | undefined {
  try {
    const range = childText(f, 'bitRange');
    if (range !== undefined) {
      const { msb, lsb } = parseBitRange(range, '');
      return msb - lsb + 1;
    }
    const lsb = childText(f, 'lsb');
    const msb = childText(f, 'msb');
    if (lsb !== undefined && msb !== undefined) return parseSvdInt(msb, '') - parseSvdInt(lsb, '') + 1;
    const w = childText(f, 'bitWidth');
    return w === undefined ? undefined : parseSvdInt(w, '');
  } catch {
    return undefined; // a malformed base position is reported when the base itself is built
  }
}

type Kind = 'peripheral' | 'register' | 'cluster' | 'field';

/**
 * Resolves derivedFrom chains with memoisation (a base used by ten peripherals is
 * merged once) and cycle detection.
 */
export class Deriver {
  private readonly merged = new WeakMap<RawNode, RawNode>();
  private readonly inProgress = new Set<RawNode>();
  private readonly peripheralsByName = new Map<string, RawNode>();

  constructor(
    private readonly source: string,
    peripherals: RawNode[],
  ) {
    for (const p of peripherals) {
      const n = childText(p, 'name');
      if (n !== undefined && !this.peripheralsByName.has(n)) this.peripheralsByName.set(n, p);
    }
  }

  /** The element with its derivedFrom applied (the same object when it has none). */
  resolve(kind: Kind, loc: Located): RawNode {
    const from = attr(loc.node, 'derivedFrom');
    if (from === undefined) return loc.node;
    const done = this.merged.get(loc.node);
    if (done !== undefined) return done;
    const where = `${this.source}: ${kind} ${loc.path.join('.')}`;
    if (this.inProgress.has(loc.node)) throw new SVDError(`${where}: derivedFrom="${from}" forms a cycle`);
    this.inProgress.add(loc.node);
    try {
      const base = this.findBase(kind, from.trim(), loc);
      if (base === undefined) throw new SVDError(`${where}: derivedFrom="${from}" names no ${kind} in this file`);
      const result = overlay(this.resolve(kind, base), loc.node, kind);
      this.merged.set(loc.node, result);
      return result;
    } finally {
      this.inProgress.delete(loc.node);
    }
  }

  /** A peripheral's raw element by name, derivedFrom applied. */
  peripheral(name: string): RawNode | undefined {
    const p = this.peripheralsByName.get(name);
    return p === undefined ? undefined : this.resolve('peripheral', { node: p, container: {}, path: [name] });
  }

  private findBase(kind: Kind, from: string, loc: Located): Located | undefined {
    if (kind === 'peripheral') {
      const p = this.peripheralsByName.get(from);
      return p === undefined ? undefined : { node: p, container: {}, path: [from] };
    }
    const tag = kind;
    const sibling = childNodes(loc.container, tag).find((n) => n !== loc.node && childText(n, 'name') === from);
    if (sibling !== undefined) return { node: sibling, container: loc.container, path: [...loc.path.slice(0, -1), from] };
    if (from.includes('.')) return this.findByPath(tag, from.split('.'));
    return undefined;
  }

  /** Walks "PERIPH[.CLUSTER...].REG[.FIELD]" from the root. */
  private findByPath(tag: 'register' | 'cluster' | 'field', segs: string[]): Located | undefined {
    const [pname, ...rest] = segs;
    if (pname === undefined || rest.length === 0) return undefined;
    const periph = this.peripheral(pname);
    if (periph === undefined) return undefined;
    let container = childNode(periph, 'registers');
    const path = [pname];
    for (let i = 0; i < rest.length && container !== undefined; i++) {
      const name = rest[i] as string;
      const last = i === rest.length - 1;
      path.push(name);
      if (last) {
        const hit = childNodes(container, tag).find((n) => childText(n, 'name') === name);
        return hit === undefined ? undefined : { node: hit, container, path };
      }
      // Descend through a cluster, or into a register's <fields> when a field is wanted.
      const cluster = childNodes(container, 'cluster').find((n) => childText(n, 'name') === name);
      if (cluster !== undefined) {
        const c = this.resolve('cluster', { node: cluster, container, path: [...path] });
        container = c;
        continue;
      }
      const reg = childNodes(container, 'register').find((n) => childText(n, 'name') === name);
      if (reg === undefined || tag !== 'field' || i !== rest.length - 2) return undefined;
      container = childNode(this.resolve('register', { node: reg, container, path: [...path] }), 'fields');
    }
    return undefined;
  }
}
