// Text for `bringup svd`: peripheral and register lists, a register's fields with bit
// ranges, access and enumerated values, and a decoded register value.
import type { DecodedRegister, SvdField, SvdPeripheral, SvdRegister } from '../session/svd/types';
import { formatTable, hex32, hexN } from './output';

/** First line of a description, whitespace collapsed (SVD files wrap them freely). */
export function oneLine(text: string | undefined, max = 70): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export function bitRange(f: Pick<SvdField, 'msb' | 'lsb'>): string {
  return f.msb === f.lsb ? `[${f.lsb}]` : `[${f.msb}:${f.lsb}]`;
}

export function formatPeripherals(deviceName: string, peripherals: readonly SvdPeripheral[]): string {
  const rows = peripherals.map((p) => [p.name, hex32(p.baseAddress), `${p.registers.length} regs`, oneLine(p.description, 60)]);
  return `${deviceName}: ${peripherals.length} peripherals\n${formatTable(rows)}\n`;
}

export function formatRegisters(p: SvdPeripheral): string {
  const rows = p.registers.map((r) => [
    r.path,
    hex32(r.address),
    `+0x${r.addressOffset.toString(16)}`,
    `${r.size}b`,
    r.access,
    `reset ${hexN(r.resetValue, r.size)}`,
    oneLine(r.description, 50),
  ]);
  return `${p.name} @ ${hex32(p.baseAddress)}${p.description ? ` (${oneLine(p.description)})` : ''}\n${formatTable(rows)}\n`;
}

function enumLines(f: SvdField): string[] {
  const out: string[] = [];
  for (const set of f.enumeratedValues) {
    for (const v of set.values) {
      const value = v.isDefault ? 'default' : String(v.value);
      out.push(`      ${value} = ${v.name}${v.description ? `: ${oneLine(v.description, 60)}` : ''}${set.usage !== 'read-write' ? ` (${set.usage})` : ''}`);
    }
  }
  return out;
}

/** A register's layout: header, then one line per field (msb first), enums under their field. */
export function formatRegisterLayout(r: SvdRegister): string {
  const out = [
    `${r.peripheral}.${r.path} @ ${hex32(r.address)}  ${r.size} bits  ${r.access}  reset ${hexN(r.resetValue, r.size)}`,
  ];
  if (r.description) out.push(oneLine(r.description, 100));
  const fields = [...r.fields].sort((a, b) => b.lsb - a.lsb);
  if (fields.length === 0) out.push('  (no fields)');
  for (const f of fields) {
    out.push(formatTable([[`  ${bitRange(f).padEnd(7)}`, f.name.padEnd(10), f.access.padEnd(10), oneLine(f.description, 60)]]));
    out.push(...enumLines(f));
  }
  return out.join('\n') + '\n';
}

/** A value read from the target, split into fields with enum names. */
export function formatDecoded(d: DecodedRegister): string {
  const out = [`${d.path} @ ${hex32(d.address)} = ${hexN(d.value, d.size)} (${d.value})`];
  const fields = [...d.fields].sort((a, b) => b.lsb - a.lsb);
  const rows = fields.map((f) => [
    `  ${bitRange(f)}`,
    f.name,
    f.value === null ? '(write-only)' : f.bitWidth === 1 ? String(f.value) : `${hexN(f.value, f.bitWidth)} (${f.value})`,
    f.enumName ? `${f.enumName}${f.enumDescription ? `: ${oneLine(f.enumDescription, 50)}` : ''}` : '',
  ]);
  if (rows.length > 0) out.push(formatTable(rows));
  return out.join('\n') + '\n';
}
