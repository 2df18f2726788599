// The tree's filter: "GPIOC" keeps that peripheral with all its registers, "ODR" keeps
// every peripheral that has an ODR register (with only the matching registers), a
// field name keeps the registers holding it. Case-insensitive substring matches;
// several words must all match (e.g. "gpioc odr").
import type { PeriphInfo, PeriphRegister } from '../../../shared/peripherals';

export interface FilteredPeripheral {
  peripheral: PeriphInfo;
  /** The registers to show when it is open (all of them when the peripheral itself matched). */
  registers: PeriphRegister[];
  /** Fields to open and highlight, by register name (the filter named a field). */
  fieldHits: Set<string>;
  /** The peripheral itself matched (all its registers kept), not only some registers. */
  whole: boolean;
}

function has(text: string | undefined, word: string): boolean {
  return text !== undefined && text.toLowerCase().includes(word);
}

export function filterPeripherals(all: readonly PeriphInfo[], filter: string): FilteredPeripheral[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all.map((p) => ({ peripheral: p, registers: p.registers, fieldHits: new Set(), whole: true }));
  const out: FilteredPeripheral[] = [];
  for (const p of all) {
    // Each word must be met by the peripheral, or by one of its registers or fields.
    const rest = words.filter((w) => !has(p.name, w) && !has(p.groupName, w));
    if (rest.length === 0) {
      out.push({ peripheral: p, registers: p.registers, fieldHits: new Set(), whole: true });
      continue;
    }
    const fieldHits = new Set<string>();
    const registers = p.registers.filter((r) => {
      if (rest.every((w) => has(r.name, w))) return true;
      if (rest.every((w) => has(r.name, w) || r.fields.some((f) => has(f.name, w)))) {
        fieldHits.add(r.name);
        return true;
      }
      return false;
    });
    if (registers.length) out.push({ peripheral: p, registers, fieldHits, whole: false });
  }
  return out;
}
