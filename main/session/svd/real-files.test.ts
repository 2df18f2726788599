// Facts from the real ST SVDs beside the repo (../shared/svd), checked against the files.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSvd } from './build';
import { SvdModel } from './model';

const repoRoot = path.resolve(__dirname, '../../..');
const svdDir = path.resolve(repoRoot, '../shared/svd');
const f103 = path.join(svdDir, 'STM32F103.svd');
const h753 = path.join(svdDir, 'STM32H753.svd');
if (!existsSync(f103) || !existsSync(h753)) {
  console.warn(`SVD real-file tests skipped: ${svdDir} has no STM32F103.svd / STM32H753.svd`);
}

describe.skipIf(!existsSync(f103))('STM32F103.svd', () => {
  let m: SvdModel;
  beforeAll(() => {
    m = new SvdModel(parseSvd(readFileSync(f103, 'utf8'), f103));
  });

  it('has the device and its GPIO ports at their real addresses', () => {
    expect(m.name).toBe('STM32F103');
    expect(m.device.cpu).toMatchObject({ name: 'CM3', nvicPrioBits: 4, fpuPresent: false });
    expect(m.getPeripheral('GPIOC').baseAddress).toBe(0x40011000);
    const odr = m.findRegister('GPIOC.ODR');
    expect(odr.addressOffset).toBe(0xc);
    expect(odr.address).toBe(0x4001100c);
    expect(odr.fields).toHaveLength(16);
    expect(m.listRegisters('GPIOC').map((r) => r.name)).toEqual(['CRL', 'CRH', 'IDR', 'ODR', 'BSRR', 'BRR', 'LCKR']);
  });

  it('resolves GPIOB (derivedFrom GPIOA) with its own base and GPIOA registers', () => {
    const b = m.getPeripheral('GPIOB');
    expect(b.derivedFrom).toBe('GPIOA');
    expect(b.baseAddress).toBe(0x40010c00);
    expect(m.findRegister('GPIOB.CRL')).toMatchObject({ address: 0x40010c00, resetValue: 0x44444444 });
    expect(m.findRegister('GPIOB.BSRR')).toMatchObject({ address: 0x40010c10, access: 'write-only' });
    // Shared definitions, not copies: the derived peripheral reuses the base's field list.
    expect(m.findRegister('GPIOB.ODR').fields).toBe(m.findRegister('GPIOA.ODR').fields);
  });

  it('decodes RCC_CR into its fields with their access', () => {
    const cr = m.findRegister('RCC_CR');
    expect(cr).toMatchObject({ peripheral: 'RCC', name: 'CR', address: 0x40021000, resetValue: 0x83 });
    const d = m.decode(cr, 0x03035583);
    const byName = Object.fromEntries(d.fields.map((f) => [f.name, f]));
    expect(byName['HSION']).toMatchObject({ lsb: 0, value: 1, access: 'read-write' });
    expect(byName['HSIRDY']).toMatchObject({ lsb: 1, value: 1, access: 'read-only' });
    expect(byName['HSITRIM']).toMatchObject({ lsb: 3, msb: 7, value: 0x10 });
    expect(byName['HSICAL']).toMatchObject({ lsb: 8, msb: 15, value: 0x55 });
    expect(byName['HSEON']?.value).toBe(1);
    expect(byName['PLLON']?.value).toBe(1);
    expect(byName['PLLRDY']).toMatchObject({ lsb: 25, value: 1 });
    expect(m.encodeField('RCC.CR', 'HSEON', 0, 0x03035583)).toBe(0x03025583);
  });

  it('lists interrupts by number', () => {
    const irq = m.device.interrupts;
    expect(irq.find((i) => i.name === 'RCC')?.value).toBe(5);
    expect(irq.find((i) => i.name === 'USART1')?.value).toBe(37);
    expect(irq.map((i) => i.value)).toEqual([...irq.map((i) => i.value)].sort((a, b) => a - b));
  });

  it('suggests close names for an unknown peripheral or register', () => {
    expect(() => m.getPeripheral('GPIOZ')).toThrow('has no peripheral "GPIOZ". Did you mean GPIOA, GPIOB or GPIOC?');
    expect(() => m.findRegister('USART1.SRR')).toThrow('Peripheral USART1 has no register "SRR". Did you mean SR, BRR');
  });
});

describe.skipIf(!existsSync(h753))('STM32H753.svd', () => {
  let m: SvdModel;
  beforeAll(() => {
    m = new SvdModel(parseSvd(readFileSync(h753, 'utf8'), h753));
  });

  it('resolves its 11 GPIO ports, derived from GPIOA', () => {
    const gpios = m.listPeripherals().filter((p) => p.groupName === 'GPIO');
    expect(gpios.map((p) => p.name)).toEqual(['GPIOA', 'GPIOB', 'GPIOC', 'GPIOD', 'GPIOE', 'GPIOF', 'GPIOG', 'GPIOH', 'GPIOI', 'GPIOJ', 'GPIOK']);
    expect(m.getPeripheral('GPIOK')).toMatchObject({ baseAddress: 0x58022800, derivedFrom: 'GPIOA' });
    expect(m.findRegister('GPIOK.MODER')).toMatchObject({ address: 0x58022800, resetValue: 0xabffffff });
    expect(m.findRegister('GPIOK.MODER').fields[0]).toMatchObject({ name: 'MODE0', lsb: 0, bitWidth: 2 });
  });

  it('decodes BDMA_ISR with its enumerated values', () => {
    const isr = m.findRegister('BDMA.ISR'); // BDMA_ISR, found with the prefix added
    expect(isr).toMatchObject({ name: 'BDMA_ISR', address: 0x58025400 });
    const gif0 = m.decode(isr, 0b01).fields.find((f) => f.name === 'GIF0');
    expect(gif0).toMatchObject({ value: 1, enumName: 'B_0x1', enumDescription: 'a TE, HT or TC event occurred', access: 'read-only' });
    const tcif0 = m.decode(isr, 0b01).fields.find((f) => f.name === 'TCIF0');
    expect(tcif0).toMatchObject({ value: 0, enumName: 'B_0x0', enumDescription: 'no TC event' });
  });

  it('keeps write-only fields out of decoded values and alternate registers named', () => {
    const ifcr = m.findRegister('BDMA_IFCR');
    expect(ifcr.fields.find((f) => f.name === 'CGIF0')?.access).toBe('write-only');
    expect(m.decode(ifcr, 1).fields.find((f) => f.name === 'CGIF0')?.value).toBeNull();
    expect(m.listPeripherals().flatMap((p) => p.registers).filter((r) => r.alternateRegister === 'DR_00').length).toBeGreaterThan(0);
  });

  it('has every register inside its peripheral address block', () => {
    let checked = 0;
    for (const p of m.listPeripherals()) {
      const end = Math.max(0, ...p.addressBlocks.map((b) => b.offset + b.size));
      if (end === 0) continue;
      for (const r of p.registers) {
        expect(r.addressOffset + r.size / 8, `${p.name}.${r.path}`).toBeLessThanOrEqual(end);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
