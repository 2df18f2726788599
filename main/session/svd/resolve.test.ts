// Every CMSIS-SVD resolution rule on a small synthetic file.
import { describe, expect, it } from 'vitest';
import { SVDError } from '../../openocd/errors';
import { parseSvd } from './build';
import { SvdModel } from './model';
import { field, reg, svdDoc } from './svd-fixtures';

const model = (peripherals: string, deviceExtra = ''): SvdModel => new SvdModel(parseSvd(svdDoc(peripherals, deviceExtra), 'test.svd'));

describe('derivedFrom', () => {
  const base = `
    <peripheral><name>UART1</name><description>Serial port</description><groupName>UART</groupName>
      <baseAddress>0x40001000</baseAddress>
      <addressBlock><offset>0</offset><size>0x400</size><usage>registers</usage></addressBlock>
      <interrupt><name>UART1</name><value>37</value></interrupt>
      <registers>
        ${reg('CR', '0x0', `<fields>${field('EN', '<bitOffset>0</bitOffset><bitWidth>1</bitWidth>')}${field('MODE', '<bitRange>[3:1]</bitRange>')}</fields>`)}
        ${reg('SR', '0x4', '<access>read-only</access>')}
        ${reg('CR2', '0x8', '', ' derivedFrom="CR"')}
      </registers>
    </peripheral>
    <peripheral derivedFrom="UART1"><name>UART2</name><baseAddress>0x40002000</baseAddress>
      <interrupt><name>UART2</name><value>38</value></interrupt>
    </peripheral>
    <peripheral derivedFrom="UART2"><name>UART3</name><description>Third</description><baseAddress>0x40003000</baseAddress></peripheral>`;

  it('gives a derived peripheral the base registers at its own base address', () => {
    const m = model(base);
    const u2 = m.getPeripheral('UART2');
    expect(u2.derivedFrom).toBe('UART1');
    expect(u2.baseAddress).toBe(0x40002000);
    expect(u2.description).toBe('Serial port');
    expect(u2.groupName).toBe('UART');
    expect(u2.addressBlocks).toEqual([{ offset: 0, size: 0x400, usage: 'registers' }]);
    expect(m.findRegister('UART2.SR').address).toBe(0x40002004);
    expect(m.findRegister('UART2.SR').access).toBe('read-only');
    // Interrupts are each peripheral's own, not inherited.
    expect(u2.interrupts.map((i) => i.name)).toEqual(['UART2']);
    // A chain of derivations, with an own description overriding.
    const u3 = m.getPeripheral('UART3');
    expect(u3.description).toBe('Third');
    expect(m.findRegister('UART3.CR').fields.map((f) => f.name)).toEqual(['EN', 'MODE']);
    expect(u3.interrupts).toEqual([]);
    expect(m.device.interrupts.map((i) => `${i.name}:${i.value}`)).toEqual(['UART1:37', 'UART2:38']);
  });

  it('extends a derived peripheral with its own registers, replacing same-named ones', () => {
    const m = model(`${base}
      <peripheral derivedFrom="UART1"><name>UART4</name><baseAddress>0x40004000</baseAddress><registers>
        ${reg('SR', '0x4', '<access>read-write</access>')}${reg('EXTRA', '0x20')}
      </registers></peripheral>`);
    expect(m.listRegisters('UART4').map((r) => `${r.name}:${r.access}`)).toEqual(['CR:read-write', 'SR:read-write', 'CR2:read-write', 'EXTRA:read-write']);
    expect(m.findRegister('UART4.EXTRA').address).toBe(0x40004020);
    expect(m.listRegisters('UART1').map((r) => r.name)).toEqual(['CR', 'SR', 'CR2']);
  });

  it('derives a register from a sibling, keeping its own offset', () => {
    const cr2 = model(base).findRegister('UART1.CR2');
    expect(cr2.addressOffset).toBe(8);
    expect(cr2.derivedFrom).toBe('CR');
    expect(cr2.fields.map((f) => [f.name, f.lsb, f.msb])).toEqual([
      ['EN', 0, 0],
      ['MODE', 1, 3],
    ]);
  });

  it('derives registers and fields through dotted paths PERIPH.REG and PERIPH.REG.FIELD', () => {
    const m = model(`${base}
      <peripheral><name>TIM</name><baseAddress>0x40010000</baseAddress><registers>
        ${reg('CTL', '0x10', '', ' derivedFrom="UART1.CR"')}
        ${reg('X', '0x14', `<fields>${field('MODE2', '<bitOffset>8</bitOffset>', '', ' derivedFrom="UART1.CR.MODE"')}${field('EN2', '<bitOffset>4</bitOffset>', '', ' derivedFrom="ENX"')}${field('ENX', '<bitOffset>0</bitOffset><bitWidth>2</bitWidth>')}</fields>`)}
      </registers></peripheral>`);
    const ctl = m.findRegister('TIM.CTL');
    expect(ctl.address).toBe(0x40010010);
    expect(ctl.fields.map((f) => f.name)).toEqual(['EN', 'MODE']);
    const x = m.findRegister('TIM.X');
    // A derived field's own position replaces the base's; giving only bitOffset keeps the base's width.
    expect(x.fields.find((f) => f.name === 'MODE2')).toMatchObject({ lsb: 8, msb: 10, bitWidth: 3 });
    expect(x.fields.find((f) => f.name === 'EN2')).toMatchObject({ lsb: 4, msb: 5, bitWidth: 2 });
  });

  it('derives clusters from a sibling cluster', () => {
    const m = model(`<peripheral><name>DMA</name><baseAddress>0x40020000</baseAddress><registers>
      <cluster><name>CH1</name><addressOffset>0x10</addressOffset>${reg('CCR', '0x0')}${reg('CNDTR', '0x4')}</cluster>
      <cluster derivedFrom="CH1"><name>CH2</name><addressOffset>0x30</addressOffset></cluster>
    </registers></peripheral>`);
    expect(m.listRegisters('DMA').map((r) => `${r.path}@${r.address.toString(16)}`)).toEqual([
      'CH1.CCR@40020010',
      'CH1.CNDTR@40020014',
      'CH2.CCR@40020030',
      'CH2.CNDTR@40020034',
    ]);
  });

  it('reports a missing base and a derivation cycle with the element named', () => {
    expect(() => model(`<peripheral derivedFrom="NOPE"><name>P</name><baseAddress>0</baseAddress></peripheral>`)).toThrow(
      'test.svd: peripheral P: derivedFrom="NOPE" names no peripheral in this file',
    );
    const cyc = `<peripheral><name>P</name><baseAddress>0</baseAddress><registers>
      ${reg('A', '0', '', ' derivedFrom="B"')}${reg('B', '4', '', ' derivedFrom="A"')}</registers></peripheral>`;
    expect(() => model(cyc)).toThrow(SVDError);
    expect(() => model(cyc)).toThrow(/register P\.[AB]: derivedFrom="[AB]" forms a cycle/);
  });
});

describe('dim arrays and lists', () => {
  it('expands [%s] arrays, %s lists with dimIndex ranges and comma lists', () => {
    const m = model(`<peripheral><name>P</name><baseAddress>0x1000</baseAddress><registers>
      ${reg('CCR[%s]', '0x10', '<dim>3</dim><dimIncrement>4</dimIncrement><description>Capture %s</description>')}
      ${reg('DR%s', '0x40', '<dim>4</dim><dimIncrement>0x8</dimIncrement><dimIndex>0-3</dimIndex>')}
      ${reg('PORT%s', '0x80', '<dim>3</dim><dimIncrement>4</dimIncrement><dimIndex>A,B,C</dimIndex>')}
    </registers></peripheral>`);
    const regs = m.listRegisters('P').map((r) => `${r.name}@${r.address.toString(16)}`);
    expect(regs).toEqual(['CCR[0]@1010', 'CCR[1]@1014', 'CCR[2]@1018', 'DR0@1040', 'DR1@1048', 'DR2@1050', 'DR3@1058', 'PORTA@1080', 'PORTB@1084', 'PORTC@1088']);
    expect(m.findRegister('P.CCR[2]').description).toBe('Capture 2');
    expect(m.findRegister('P.PORTB').address).toBe(0x1084);
  });

  it('expands dim on fields (bit offsets) and on peripherals (base addresses)', () => {
    const m = model(`<peripheral><name>GPIO%s</name><dim>2</dim><dimIncrement>0x400</dimIncrement><dimIndex>A-B</dimIndex>
      <baseAddress>0x48000000</baseAddress><registers>
      ${reg('MODER', '0', `<fields>${field('MODE%s', '<bitOffset>0</bitOffset><bitWidth>2</bitWidth>', '<dim>4</dim><dimIncrement>2</dimIncrement>')}</fields>`)}
    </registers></peripheral>`);
    expect(m.listPeripherals().map((p) => `${p.name}@${p.baseAddress.toString(16)}`)).toEqual(['GPIOA@48000000', 'GPIOB@48000400']);
    expect(m.findRegister('GPIOB.MODER').fields.map((f) => `${f.name}:${f.lsb}-${f.msb}`)).toEqual(['MODE0:0-1', 'MODE1:2-3', 'MODE2:4-5', 'MODE3:6-7']);
  });

  it('nests clusters with dim, adding offsets at each level', () => {
    const m = model(`<peripheral><name>CAN</name><baseAddress>0x40006400</baseAddress><registers>
      <cluster><name>MB[%s]</name><dim>2</dim><dimIncrement>0x20</dimIncrement><addressOffset>0x100</addressOffset>
        ${reg('ID', '0x0')}
        <cluster><name>DATA%s</name><dim>2</dim><dimIncrement>0x8</dimIncrement><dimIndex>L,H</dimIndex><addressOffset>0x8</addressOffset>
          ${reg('W', '0x4')}
        </cluster>
      </cluster>
    </registers></peripheral>`);
    expect(m.listRegisters('CAN').map((r) => `${r.path}@${r.addressOffset.toString(16)}`)).toEqual([
      'MB[0].ID@100',
      'MB[0].DATAL.W@10c',
      'MB[0].DATAH.W@114',
      'MB[1].ID@120',
      'MB[1].DATAL.W@12c',
      'MB[1].DATAH.W@134',
    ]);
    expect(m.findRegister('CAN.MB[1].DATAH.W').address).toBe(0x40006400 + 0x134);
  });

  it('rejects a dimIndex whose count does not match dim', () => {
    expect(() => model(`<peripheral><name>P</name><baseAddress>0</baseAddress><registers>
      ${reg('R%s', '0', '<dim>2</dim><dimIncrement>4</dimIncrement><dimIndex>A,B,C</dimIndex>')}</registers></peripheral>`)).toThrow(
      'test.svd: peripheral P, register R%s <dimIndex>: dimIndex "A,B,C" gives 3 indices but dim is 2',
    );
  });
});

describe('inherited register properties', () => {
  it('carries size/access/resetValue/resetMask device -> peripheral -> cluster -> register -> field', () => {
    const m = model(
      `<peripheral><name>P</name><baseAddress>0x2000</baseAddress><access>read-only</access><resetValue>0x11</resetValue><registers>
        ${reg('A', '0', `<fields>${field('F', '<lsb>0</lsb><msb>3</msb>')}</fields>`)}
        <cluster><name>C</name><addressOffset>0x10</addressOffset><size>8</size><resetMask>0x0F</resetMask>
          ${reg('B', '0')}
          ${reg('D', '1', `<access>read-write</access><resetValue>0x5</resetValue><fields>${field('G', '<bitOffset>1</bitOffset>', '<access>write-only</access>')}${field('H', '<bitOffset>2</bitOffset>')}</fields>`)}
        </cluster>
      </registers></peripheral>
      <peripheral><name>Q</name><baseAddress>0x3000</baseAddress><registers>${reg('R', '0')}</registers></peripheral>`,
      '<size>16</size><access>read-write</access><resetValue>0</resetValue><resetMask>0xFFFF</resetMask>',
    );
    expect(m.findRegister('Q.R')).toMatchObject({ size: 16, access: 'read-write', resetValue: 0, resetMask: 0xffff });
    expect(m.findRegister('P.A')).toMatchObject({ size: 16, access: 'read-only', resetValue: 0x11, resetMask: 0xffff });
    expect(m.findRegister('P.A').fields[0]).toMatchObject({ name: 'F', lsb: 0, msb: 3, bitWidth: 4, access: 'read-only' });
    expect(m.findRegister('P.C.B')).toMatchObject({ size: 8, access: 'read-only', resetValue: 0x11, resetMask: 0x0f, address: 0x2010 });
    const d = m.findRegister('P.C.D');
    expect(d).toMatchObject({ size: 8, access: 'read-write', resetValue: 5, resetMask: 0x0f, address: 0x2011 });
    expect(d.fields.map((f) => [f.name, f.access, f.bitWidth])).toEqual([
      ['G', 'write-only', 1],
      ['H', 'read-write', 1],
    ]);
  });
});

describe('enumeratedValues', () => {
  const periph = `<peripheral><name>P</name><baseAddress>0</baseAddress><registers>
    ${reg(
      'CR',
      '0',
      `<fields>
        ${field(
          'MODE',
          '<bitRange>[2:0]</bitRange>',
          `<enumeratedValues><name>ModeEnum</name><usage>read-write</usage>
            <enumeratedValue><name>Off</name><description>Disabled</description><value>0</value></enumeratedValue>
            <enumeratedValue><name>Fast</name><value>#1x1</value></enumeratedValue>
            <enumeratedValue><name>Other</name><description>Reserved</description><isDefault>true</isDefault></enumeratedValue>
          </enumeratedValues>`,
        )}
        ${field('MODE2', '<bitRange>[6:4]</bitRange>', '<enumeratedValues derivedFrom="ModeEnum"></enumeratedValues>')}
        ${field(
          'ST',
          '<bitOffset>8</bitOffset>',
          `<enumeratedValues><usage>read</usage><enumeratedValue><name>Idle</name><value>0</value></enumeratedValue><enumeratedValue><name>Busy</name><value>1</value></enumeratedValue></enumeratedValues>
           <enumeratedValues><usage>write</usage><enumeratedValue><name>Start</name><value>1</value></enumeratedValue></enumeratedValues>`,
        )}
      </fields>`,
    )}</registers></peripheral>
    <peripheral><name>Q</name><baseAddress>0x100</baseAddress><registers>
      ${reg('R', '0', `<fields>${field('M', '<bitRange>[2:0]</bitRange>', '<enumeratedValues derivedFrom="P.CR.MODE.ModeEnum"/>')}</fields>`)}
    </registers></peripheral>`;

  it('decodes with names, x don-t-cares and isDefault, and derives enums by name and by qualified path', () => {
    const m = model(periph);
    const at = (r: string, v: number, f: string) => m.decode(r, v).fields.find((x) => x.name === f);
    expect(at('P.CR', 0, 'MODE')).toMatchObject({ value: 0, enumName: 'Off', enumDescription: 'Disabled' });
    expect(at('P.CR', 0b101, 'MODE')?.enumName).toBe('Fast');
    expect(at('P.CR', 0b111, 'MODE')?.enumName).toBe('Fast');
    expect(at('P.CR', 0b010, 'MODE')).toMatchObject({ value: 2, enumName: 'Other', enumDescription: 'Reserved' });
    expect(at('P.CR', 0b101 << 4, 'MODE2')?.enumName).toBe('Fast');
    expect(at('Q.R', 0, 'M')?.enumName).toBe('Off');
  });

  it('uses read enums to decode and write enums to encode', () => {
    const m = model(periph);
    expect(m.decode('P.CR', 1 << 8).fields.find((f) => f.name === 'ST')?.enumName).toBe('Busy');
    expect(m.encodeField('P.CR', 'ST', 'Start', 0)).toBe(1 << 8);
    expect(() => m.encodeField('P.CR', 'ST', 'Busy', 0)).toThrow('Field P.CR.ST has no value named "Busy"');
  });

  it('rejects a derivedFrom naming no enumeratedValues', () => {
    expect(() =>
      model(`<peripheral><name>P</name><baseAddress>0</baseAddress><registers>${reg(
        'R',
        '0',
        `<fields>${field('F', '<bitOffset>0</bitOffset>', '<enumeratedValues derivedFrom="Missing"/>')}</fields>`,
      )}</registers></peripheral>`),
    ).toThrow('test.svd: field P.R.F <enumeratedValues>: derivedFrom="Missing" names no enumeratedValues in this file');
  });
});

describe('malformed content', () => {
  it('names the element that is wrong', () => {
    expect(() => model(`<peripheral><name>P</name></peripheral>`)).toThrow('test.svd: peripheral P: missing <baseAddress>');
    expect(() => model(`<peripheral><name>P</name><baseAddress>0</baseAddress><registers><register><name>R</name></register></registers></peripheral>`)).toThrow(
      'test.svd: peripheral P, register R: missing <addressOffset>',
    );
    expect(() =>
      model(`<peripheral><name>P</name><baseAddress>0</baseAddress><registers>${reg('R', '0', `<fields>${field('F', '')}</fields>`)}</registers></peripheral>`),
    ).toThrow('test.svd: peripheral P, register R, field F: no bit position');
    expect(() => parseSvd('<notsvd/>', 'x.svd')).toThrow('x.svd: not a CMSIS-SVD file: no <device> root element');
  });
});
