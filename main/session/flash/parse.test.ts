import { describe, expect, it } from 'vitest';
import { FlashError } from '../../openocd/errors';
import { combineFlashInfo, parseFlashBanks, parseFlashInfoText, parseStm32f1xOptions } from './parse';
import { BANKS_PROBED, BANKS_UNPROBED, INFO_0, INFO_0_PROTECTED, INFO_0_SECTORS, OPTIONS_READ_0 } from './recorded-0.12';

describe('flash banks', () => {
  it('reads name, driver, base and size (0 until probed)', () => {
    expect(parseFlashBanks(BANKS_UNPROBED)).toEqual([
      { index: 0, name: 'stm32f1x.flash', driver: 'stm32f1x', base: 0x08000000, size: 0, busWidth: 0, chipWidth: 0 },
    ]);
    expect(parseFlashBanks(BANKS_PROBED)[0]!.size).toBe(0x10000);
    expect(parseFlashBanks('')).toEqual([]);
  });

  it('throws FlashError with the text on something that is not a bank list', () => {
    expect(() => parseFlashBanks('invalid command name "flash"')).toThrow(FlashError);
  });
});

describe('flash info', () => {
  it('reads the 16 protection blocks of 4 KiB and the driver line', () => {
    const info = parseFlashInfoText(INFO_0);
    expect(info).toMatchObject({ index: 0, driver: 'stm32f1x', base: 0x08000000, size: 0x10000 });
    expect(info.blocks).toHaveLength(16);
    expect(info.blocks[15]).toEqual({ index: 15, offset: 0xf000, address: 0x0800f000, size: 0x1000, protected: false });
    expect(info.driverInfo).toBe('STM32F10x (Medium Density) - Rev: Y');
  });

  it('gives the 64 one-KiB pages the protection state of their block', () => {
    const info = combineFlashInfo(INFO_0_SECTORS, INFO_0_PROTECTED);
    expect(info.sectors).toHaveLength(64);
    expect(info.sectors[63]).toMatchObject({ index: 63, offset: 0xfc00, address: 0x0800fc00, size: 0x400 });
    // Blocks 0 and 1 (pages 0-7) are write-protected in this recording.
    expect(info.sectors.filter((s) => s.protected).map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(info.sectors[8]!.protected).toBe(false);
    expect(info.protectionBlocks.map((b) => b.protected).slice(0, 3)).toEqual([true, true, false]);
  });

  it('leaves the state unknown (null) when OpenOCD prints none', () => {
    expect(parseFlashInfoText(INFO_0_SECTORS).blocks[0]!.protected).toBeNull();
  });

  it('rejects a reply without a header', () => {
    expect(() => parseFlashInfoText('flash bank 3 does not exist')).toThrow(/cannot read the flash bank info/);
  });
});

describe('stm32f1x options_read', () => {
  it('decodes the registers and flags', () => {
    expect(parseStm32f1xOptions(OPTIONS_READ_0)).toMatchObject({
      optionByte: 0x3fffffc,
      writeProtection: 0xffffffff,
      readProtection: false,
      watchdog: 'software',
      resetOnStop: false,
      resetOnStandby: false,
      userData: 0xffff,
      complementError: false,
    });
    const locked = OPTIONS_READ_0.replace('read protection: off', 'read protection: on').replace('watchdog: software', 'watchdog: hardware');
    expect(parseStm32f1xOptions(locked)).toMatchObject({ readProtection: true, watchdog: 'hardware' });
  });
});
