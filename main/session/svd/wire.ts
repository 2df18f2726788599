// The SVD model across the worker boundary as JSON text, with shared field arrays kept
// shared. Structured-cloning the object tree back cost a third of the parse again;
// JSON.parse builds it faster. Plain JSON would copy every shared `fields` array
// (derived peripherals and dim instances share one: GPIOA..G), so those go as one
// table with an index in each register, and are put back as the same array.
import type { SvdDevice, SvdField, SvdRegister } from './types';

/** A register whose fields are an index into the table, on the wire only. */
type WireRegister = Omit<SvdRegister, 'fields'> & { fields: number };

export function encodeDevice(device: SvdDevice): string {
  const tables: SvdField[][] = [];
  const index = new Map<SvdField[], number>();
  const peripherals = device.peripherals.map((p) => ({
    ...p,
    registers: p.registers.map((r): WireRegister => {
      let i = index.get(r.fields);
      if (i === undefined) {
        i = tables.length;
        tables.push(r.fields);
        index.set(r.fields, i);
      }
      return { ...r, fields: i };
    }),
  }));
  return JSON.stringify({ device: { ...device, peripherals }, tables });
}

export function decodeDevice(json: string): SvdDevice {
  const { device, tables } = JSON.parse(json) as { device: SvdDevice; tables: SvdField[][] };
  for (const p of device.peripherals) {
    for (const r of p.registers) r.fields = tables[r.fields as unknown as number] ?? [];
  }
  return device;
}
