// dim/dimIncrement/dimIndex: one SVD element standing for several. A name with "[%s]"
// is an array (REG[0], REG[1], ...); any other "%s" is a list whose indices come from
// dimIndex ("0-3", "A-D", "A,B,C"), e.g. CH%s -> CH0..CH3 or GPIO%s -> GPIOA, GPIOB.
import { SVDError } from '../../openocd/errors';
import { parseDimIndex, parseSvdInt } from './numbers';
import { childText, type RawNode } from './xml';

export interface DimInstance {
  name: string;
  /** Index into the array (multiply by the increment for the offset). */
  i: number;
  /** Offset from the element's own address/bitOffset: i * dimIncrement. */
  delta: number;
  /** Replaces %s in displayName / description. */
  index: string;
}

/** The element's instances: one with delta 0 when it has no <dim>. */
export function expandDim(node: RawNode, name: string, where: string): DimInstance[] {
  const dimText = childText(node, 'dim');
  if (dimText === undefined) {
    if (name.includes('%s')) throw new SVDError(`${where}: name "${name}" has %s but no <dim>`);
    return [{ name, i: 0, delta: 0, index: '' }];
  }
  const dim = parseSvdInt(dimText, `${where} <dim>`);
  const incText = childText(node, 'dimIncrement');
  if (incText === undefined) throw new SVDError(`${where}: <dim> without <dimIncrement>`);
  const inc = parseSvdInt(incText, `${where} <dimIncrement>`);
  const isArray = name.includes('[%s]');
  const indices = parseDimIndex(childText(node, 'dimIndex'), dim, `${where} <dimIndex>`);
  if (!name.includes('%s')) throw new SVDError(`${where}: has <dim> ${dim} but its name "${name}" has no %s`);
  return indices.map((index, i) => ({
    // Arrays are indexed by position; lists by their dimIndex names.
    name: isArray ? name.replace('[%s]', `[${i}]`) : name.replaceAll('%s', index),
    i,
    delta: i * inc,
    index: isArray ? String(i) : index,
  }));
}

/** Substitutes the instance index into descriptive text ("Channel %s" -> "Channel 2"). */
export function withIndex(text: string | undefined, inst: DimInstance): string | undefined {
  if (text === undefined || inst.index === '' || !text.includes('%s')) return text;
  return text.replaceAll('[%s]', inst.index).replaceAll('%s', inst.index);
}
