import { describe, expect, it } from 'vitest';
import type { PeriphInfo } from '../../../shared/peripherals';
import { filterPeripherals } from './filter';

const reg = (name: string, fields: string[]) => ({ name, address: 0, size: 32, access: 'read-write' as const, resetValue: 0, fields: fields.map((f, i) => ({ name: f, lsb: i, msb: i, access: 'read-write' as const })) });
const ALL: PeriphInfo[] = [
  { name: 'GPIOA', groupName: 'GPIO', baseAddress: 0x40010800, registers: [reg('CRL', ['MODE0']), reg('ODR', ['ODR13'])] },
  { name: 'GPIOC', groupName: 'GPIO', baseAddress: 0x40011000, registers: [reg('CRL', ['MODE0']), reg('ODR', ['ODR13'])] },
  { name: 'RCC', baseAddress: 0x40021000, registers: [reg('APB2ENR', ['IOPCEN'])] },
];

describe('peripheral filter', () => {
  it('a peripheral name keeps it whole', () => {
    const r = filterPeripherals(ALL, 'GPIOC');
    expect(r.map((p) => p.peripheral.name)).toEqual(['GPIOC']);
    expect(r[0]!.registers.map((x) => x.name)).toEqual(['CRL', 'ODR']);
  });
  it('a register name keeps every peripheral that has it, with only that register', () => {
    const r = filterPeripherals(ALL, 'odr');
    expect(r.map((p) => p.peripheral.name)).toEqual(['GPIOA', 'GPIOC']);
    expect(r[1]!.registers.map((x) => x.name)).toEqual(['ODR']);
  });
  it('words combine; a field name finds its register', () => {
    expect(filterPeripherals(ALL, 'gpioc odr')[0]!.registers.map((x) => x.name)).toEqual(['ODR']);
    const r = filterPeripherals(ALL, 'IOPCEN');
    expect(r.map((p) => p.peripheral.name)).toEqual(['RCC']);
    expect(r[0]!.fieldHits.has('APB2ENR')).toBe(true);
  });
});
