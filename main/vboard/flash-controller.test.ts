// Unit tests: the FPEC's unlock, program, erase and option-byte rules.
import { describe, expect, it } from 'vitest';
import { CR_LOCK, CR_MER, CR_OPTER, CR_OPTPG, CR_PER, CR_PG, CR_STRT, FlashController, FlashStorage, SR_EOP, SR_PGERR, SR_WRPRTERR } from './flash-controller';

const REG = 0x40022000;
function setup(): { fc: FlashController; st: FlashStorage; w: (off: number, v: number) => boolean; sr: () => number } {
  const st = new FlashStorage();
  st.setFactoryOptions();
  const fc = new FlashController(st);
  return { fc, st, w: (off, v) => fc.registers.write(REG + off, 4, v), sr: () => fc.registers.read(REG + 0x0c, 4) };
}
const unlock = (w: (o: number, v: number) => boolean) => {
  w(0x04, 0x45670123);
  w(0x04, 0xcdef89ab);
};

describe('flash controller', () => {
  it('programs half-words only onto erased cells (0x0000 always allowed)', () => {
    const { fc, st, w, sr } = setup();
    unlock(w);
    w(0x10, CR_PG);
    expect(fc.array.write(0x08000000, 2, 0x1234)).toBe(true);
    expect(st.main[0]).toBe(0x34);
    expect(sr() & SR_EOP).toBe(SR_EOP);
    fc.array.write(0x08000000, 2, 0x5678);
    expect(sr() & SR_PGERR).toBe(SR_PGERR);
    expect(st.main[1]).toBe(0x12);
    fc.array.write(0x08000000, 2, 0x0000);
    expect(st.main[0]).toBe(0);
    expect(fc.array.write(0x08000004, 4, 0)).toBe(false); // word writes: bus error
    w(0x0c, SR_PGERR | SR_EOP);
    expect(sr()).toBe(0);
  });

  it('ignores CR while locked and locks up (bus error) on a wrong key until reset', () => {
    const { fc, w } = setup();
    w(0x10, CR_PG);
    expect(fc.registers.read(REG + 0x10, 4)).toBe(CR_LOCK);
    expect(w(0x04, 0x11111111)).toBe(false);
    expect(w(0x04, 0x45670123)).toBe(false);
    fc.systemReset();
    unlock(w);
    expect(fc.registers.read(REG + 0x10, 4)).toBe(0);
  });

  it('erases a page and the whole array', () => {
    const { fc, st, w } = setup();
    st.main.fill(0);
    unlock(w);
    w(0x10, CR_PER);
    w(0x14, 0x08000400);
    w(0x10, CR_PER | CR_STRT);
    expect(st.main[0x3ff]).toBe(0);
    expect(st.main[0x400]).toBe(0xff);
    expect(st.main[0x800]).toBe(0);
    w(0x10, CR_MER);
    w(0x10, CR_MER | CR_STRT);
    expect(st.main.every((b) => b === 0xff)).toBe(true);
    void fc;
  });

  it('write protection (WRPR bit 0 = pages 0-3) refuses erase and program with WRPRTERR', () => {
    const { fc, st, w, sr } = setup();
    st.setOptionByte(4, 0xfe);
    fc.loadOptions();
    expect(fc.registers.read(REG + 0x20, 4)).toBe(0xfffffffe);
    unlock(w);
    w(0x10, CR_PER);
    w(0x14, 0x08000000);
    w(0x10, CR_PER | CR_STRT);
    expect(sr() & SR_WRPRTERR).toBe(SR_WRPRTERR);
    w(0x10, CR_PG);
    fc.array.write(0x08001000, 2, 0xabcd); // page 4 is not protected
    expect(st.main[0x1000]).toBe(0xcd);
  });

  it('read protection: array reads fail; option erase mass-erases; reset reloads OBR', () => {
    const { fc, st, w } = setup();
    st.main.fill(0x11);
    st.setOptionByte(0, 0x00);
    fc.loadOptions();
    expect(fc.registers.read(REG + 0x1c, 4) & 2).toBe(2);
    expect(fc.array.read(0x08000000, 4)).toBeLessThan(0);
    unlock(w);
    w(0x08, 0x45670123);
    w(0x08, 0xcdef89ab);
    w(0x10, CR_OPTER | (1 << 9));
    w(0x10, CR_OPTER | CR_STRT | (1 << 9));
    expect(st.main[0]).toBe(0xff);
    w(0x10, CR_OPTPG | (1 << 9));
    fc.optionBytes.write(0x1ffff800, 2, 0xa5);
    expect(fc.optionBytes.read(0x1ffff800, 2)).toBe(0x5aa5);
    expect(fc.readProtected).toBe(true); // until reset
    fc.systemReset();
    expect(fc.readProtected).toBe(false);
  });
});
