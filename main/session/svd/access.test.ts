// Decode/encode and register access through a memory: range checks, enum names,
// access rules and read-modify-write that leaves other fields (and w1c flags) alone.
import { describe, expect, it } from 'vitest';
import { SVDError } from '../../openocd/errors';
import { parseSvd } from './build';
import { SvdModel } from './model';
import { field, reg, svdDoc } from './svd-fixtures';
import type { SvdMemory } from './types';

const m = new SvdModel(
  parseSvd(
    svdDoc(`<peripheral><name>TIM2</name><baseAddress>0x40000000</baseAddress><registers>
      ${reg(
        'CR1',
        '0x0',
        `<resetValue>0x0</resetValue><fields>
          ${field('CEN', '<bitOffset>0</bitOffset><bitWidth>1</bitWidth>')}
          ${field(
            'CMS',
            '<bitOffset>5</bitOffset><bitWidth>2</bitWidth>',
            `<enumeratedValues>
              <enumeratedValue><name>EdgeAligned</name><value>0</value></enumeratedValue>
              <enumeratedValue><name>CenterAligned1</name><value>1</value></enumeratedValue>
              <enumeratedValue><name>CenterAligned2</name><value>2</value></enumeratedValue>
            </enumeratedValues>`,
          )}
          ${field('CKD', '<bitRange>[9:8]</bitRange>', '<writeConstraint><range><minimum>0</minimum><maximum>2</maximum></range></writeConstraint>')}
          ${field('VER', '<bitRange>[15:12]</bitRange>', '<access>read-only</access>')}
        </fields>`,
      )}
      ${reg(
        'SR',
        '0x10',
        `<fields>${field('UIF', '<bitOffset>0</bitOffset>', '<modifiedWriteValues>zeroToClear</modifiedWriteValues>')}${field('CC1IF', '<bitOffset>1</bitOffset>', '<modifiedWriteValues>oneToClear</modifiedWriteValues>')}${field('MODE', '<bitRange>[5:4]</bitRange>')}${field('KEY', '<bitRange>[11:8]</bitRange>', '<access>write-only</access>')}</fields><resetValue>0x500</resetValue>`,
      )}
      ${reg('CNT', '0x24', '<access>read-only</access>')}
      ${reg('KEYR', '0x28', `<access>write-only</access><resetValue>0x0</resetValue><fields>${field('KEY', '<bitRange>[15:0]</bitRange>')}</fields>`)}
      ${reg('PSC', '0x2C', `<size>16</size><fields>${field('PSC', '<bitRange>[15:0]</bitRange>')}</fields>`)}
      ${reg('DR8', '0x30', `<size>8</size><fields>${field('D', '<bitRange>[7:0]</bitRange>')}</fields>`)}
    </registers></peripheral>`),
    'tim.svd',
  ),
);

/** Target memory as a map of addresses, recording every access in order. */
class FakeTargetMemory implements SvdMemory {
  readonly cells = new Map<number, number>();
  readonly log: string[] = [];
  async readU32(a: number): Promise<number> {
    this.log.push(`r32 ${a.toString(16)}`);
    return this.cells.get(a) ?? 0;
  }
  async writeU32(a: number, v: number): Promise<void> {
    this.log.push(`w32 ${a.toString(16)}=${v.toString(16)}`);
    this.cells.set(a, v);
  }
  async readU16(a: number): Promise<number> {
    this.log.push(`r16 ${a.toString(16)}`);
    return this.cells.get(a) ?? 0;
  }
  async writeU16(a: number, v: number): Promise<void> {
    this.log.push(`w16 ${a.toString(16)}=${v.toString(16)}`);
    this.cells.set(a, v);
  }
}

describe('encodeField', () => {
  it('replaces one field, by number, numeric string or enum name', () => {
    expect(m.encodeField('TIM2.CR1', 'CEN', 1, 0x40)).toBe(0x41);
    expect(m.encodeField('TIM2.CR1', 'CMS', 'CenterAligned2', 0x301)).toBe(0x341);
    expect(m.encodeField('TIM2.CR1', 'cms', 'centeraligned1', 0)).toBe(0x20);
    expect(m.encodeField('TIM2.CR1', 'CKD', '0x2', 0xffff00ff)).toBe(0xffff02ff);
    expect(m.encodeField('TIM2.CR1', 'CEN', 0, 0xffffffff)).toBe(0xfffffffe);
  });

  it('refuses a value wider than the field, naming the field and its width', () => {
    expect(() => m.encodeField('TIM2.CR1', 'CMS', 4, 0)).toThrow(SVDError);
    expect(() => m.encodeField('TIM2.CR1', 'CMS', 4, 0)).toThrow('Value 4 does not fit field TIM2.CR1.CMS: it is 2 bits wide (0..3)');
    expect(() => m.encodeField('TIM2.CR1', 'CEN', -1, 0)).toThrow('field TIM2.CR1.CEN: it is 1 bit wide (0..1)');
    expect(() => m.encodeField('TIM2.CR1', 'CKD', 3, 0)).toThrow('outside the writable range 0..2 of field TIM2.CR1.CKD');
  });

  it('refuses unknown enum names and fields with suggestions, and read-only fields', () => {
    expect(() => m.encodeField('TIM2.CR1', 'CMS', 'CenterAligned', 0)).toThrow(
      'Field TIM2.CR1.CMS has no value named "CenterAligned". Did you mean CenterAligned1, CenterAligned2',
    );
    expect(() => m.encodeField('TIM2.CR1', 'CEN', 'On', 0)).toThrow('Field TIM2.CR1.CEN has no enumerated values');
    expect(() => m.encodeField('TIM2.CR1', 'CENN', 1, 0)).toThrow('Register TIM2.CR1 has no field "CENN". Did you mean CEN?');
    expect(() => m.encodeField('TIM2.CR1', 'VER', 1, 0)).toThrow('Field TIM2.CR1.VER is read-only');
  });

  it('decodes enum names, and takes negative 32-bit values as unsigned', () => {
    const d = m.decode('TIM2.CR1', 0x41);
    expect(d.fields.map((f) => [f.name, f.value, f.enumName])).toEqual([
      ['CEN', 1, undefined],
      ['CMS', 2, 'CenterAligned2'],
      ['CKD', 0, undefined],
      ['VER', 0, undefined],
    ]);
    expect(m.decode('TIM2.CR1', -1).value).toBe(0xffffffff);
    expect(() => m.decode('TIM2.PSC', 0x10000)).toThrow('does not fit register TIM2.PSC (16 bits)');
  });
});

describe('readRegister / writeField through memory', () => {
  it('reads and decodes a register', async () => {
    const mem = new FakeTargetMemory();
    mem.cells.set(0x40000000, 0x3041);
    const d = await m.readRegister(mem, 'TIM2.CR1');
    expect(d).toMatchObject({ path: 'TIM2.CR1', address: 0x40000000, value: 0x3041 });
    expect(d.fields.find((f) => f.name === 'VER')?.value).toBe(3);
  });

  it('read-modify-writes one field and keeps the others', async () => {
    const mem = new FakeTargetMemory();
    mem.cells.set(0x40000000, 0x3201);
    const w = await m.writeField(mem, 'TIM2.CR1.CMS', 'CenterAligned1');
    expect(w).toMatchObject({ register: 'TIM2.CR1', field: 'CMS', before: 0x3201, written: 0x3221 });
    expect(mem.log).toEqual(['r32 40000000', 'w32 40000000=3221']);
  });

  it('writes side-effect fields with their neutral value so no flag is cleared by accident', async () => {
    const mem = new FakeTargetMemory();
    // UIF=1 (zeroToClear: write 1 to keep), CC1IF=1 (oneToClear: write 0 to keep), KEY write-only reads as junk.
    mem.cells.set(0x40000010, 0xf03);
    const w = await m.writeField(mem, 'TIM2.SR.MODE', 2);
    // UIF 1, CC1IF 0, MODE 2, KEY back to its reset value 5.
    expect(w.written).toBe(0x521);
  });

  it('refuses writes to read-only registers and fields before touching the target', async () => {
    const mem = new FakeTargetMemory();
    await expect(m.writeField(mem, 'TIM2.CR1.VER', 1)).rejects.toThrow('Field TIM2.CR1.VER is read-only');
    await expect(m.writeRegister(mem, 'TIM2.CNT', 1)).rejects.toThrow('Register TIM2.CNT is read-only');
    await expect(m.writeField(mem, 'TIM2.CR1.CMS', 7)).rejects.toThrow('does not fit field TIM2.CR1.CMS');
    expect(mem.log).toEqual([]);
  });

  it('never reads a write-only register: RMW starts from its reset value', async () => {
    const mem = new FakeTargetMemory();
    await expect(m.readRegister(mem, 'TIM2.KEYR')).rejects.toThrow('Register TIM2.KEYR is write-only: it cannot be read back');
    const w = await m.writeField(mem, 'TIM2.KEYR.KEY', 0x4567);
    expect(w.before).toBeNull();
    expect(mem.log).toEqual(['w32 40000028=4567']);
  });

  it('uses 16-bit accesses for 16-bit registers and says when the memory cannot do 8-bit', async () => {
    const mem = new FakeTargetMemory();
    mem.cells.set(0x4000002c, 0x12);
    await m.writeField(mem, 'TIM2.PSC.PSC', 0x1234);
    expect(mem.log).toEqual(['r16 4000002c', 'w16 4000002c=1234']);
    await expect(m.readRegister(mem, 'TIM2.DR8')).rejects.toThrow('Register TIM2.DR8 is 8 bits wide: this memory interface cannot read that size');
  });

  it('finds registers case-insensitively and explains bad paths', () => {
    expect(m.findRegister('tim2.cr1').name).toBe('CR1');
    expect(m.findRegister('TIM2_CR1').name).toBe('CR1');
    expect(() => m.findRegister('TIM3.CR1')).toThrow('tim.svd: TESTDEV has no peripheral "TIM3". Did you mean TIM2?');
    expect(() => m.findField('TIM2.CR1')).toThrow('"TIM2.CR1" is a register; name a field: TIM2.CR1.FIELD');
    expect(() => m.findField('TIM2.CR1.XYZ')).toThrow('Register TIM2.CR1 has no field "XYZ". Its fields: CEN, CMS, CKD, VER.');
    expect(() => m.findRegister('TIM2')).toThrow('"TIM2" names no register: write PERIPHERAL.REGISTER, e.g. TIM2.CR1');
  });
});
