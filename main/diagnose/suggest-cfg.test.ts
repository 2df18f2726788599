import { describe, expect, it } from 'vitest';
import { levenshtein, suggestCfg } from './suggest-cfg';
import { isPlausibleIdcode, lookupIdcode, sameExceptVersion } from './idcodes';

const AVAILABLE = ['interface/stlink.cfg', 'interface/stlink-dap.cfg', 'interface/jlink.cfg', 'interface/cmsis-dap.cfg', 'interface/ftdi/olimex-arm-usb-ocd-h.cfg', 'target/stm32f0x.cfg', 'target/stm32f1x.cfg', 'target/stm32f4x.cfg', 'board/st_nucleo_f4.cfg'];

describe('suggestCfg', () => {
  it('maps the pre-0.11 ST-Link names to interface/stlink.cfg', () => {
    for (const old of ['interface/stlink-v2.cfg', 'interface/stlink-v2-1.cfg', 'interface/stlink-v1.cfg'])
      expect(suggestCfg(old, AVAILABLE)[0]?.path).toBe('interface/stlink.cfg');
  });

  it('fixes typos and family names within the same folder', () => {
    expect(suggestCfg('interface/jlnk.cfg', AVAILABLE)[0]?.path).toBe('interface/jlink.cfg');
    expect(suggestCfg('interface/cmsis_dap.cfg', AVAILABLE)[0]?.path).toBe('interface/cmsis-dap.cfg');
    expect(suggestCfg('target/stm32f103.cfg', AVAILABLE)[0]?.path).toBe('target/stm32f1x.cfg');
    expect(suggestCfg('target/stm32f1x_stlink.cfg', AVAILABLE)[0]?.path).toBe('target/stm32f1x.cfg');
  });

  it('never proposes a cfg from another folder and returns nothing for unrelated names', () => {
    expect(suggestCfg('target/stm32f1x_stlink.cfg', AVAILABLE).map((s) => s.path.split('/')[0])).toEqual(expect.arrayContaining(['target']));
    expect(suggestCfg('target/stm32f1x_stlink.cfg', AVAILABLE).every((s) => s.path.startsWith('target/'))).toBe(true);
    expect(suggestCfg('interface/zzzz-qqq.cfg', AVAILABLE)).toEqual([]);
  });

  it('accepts absolute paths into a scripts folder', () => {
    expect(suggestCfg('/usr/share/openocd/scripts/interface/stlink-v2.cfg', AVAILABLE)[0]?.path).toBe('interface/stlink.cfg');
  });

  it('levenshtein counts edits', () => {
    expect(levenshtein('stlink', 'stlink')).toBe(0);
    expect(levenshtein('jlnk', 'jlink')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});

describe('idcodes', () => {
  it('tells real part IDs from wire garbage', () => {
    expect(isPlausibleIdcode(0x3ba00477)).toBe(true);
    expect(isPlausibleIdcode(0x06410041)).toBe(true);
    expect(isPlausibleIdcode(0xffffffff)).toBe(false);
    expect(isPlausibleIdcode(0)).toBe(false);
    expect(isPlausibleIdcode(0x3ba00476)).toBe(false);
    expect(isPlausibleIdcode(0x000000ff)).toBe(false); // manufacturer 0x7f is reserved
  });

  it('knows the STM32F1 family and its look-alikes', () => {
    expect(lookupIdcode(0x06410041)?.targetCfg).toBe('target/stm32f1x.cfg');
    expect(lookupIdcode(0x2ba01477)?.compatibleWith).toBeDefined();
    expect(lookupIdcode(0x790007a3)?.part).toMatch(/GD32F103/);
    expect(sameExceptVersion(0x1ba01477, 0x2ba01477)).toBe(true);
    expect(sameExceptVersion(0x1ba01477, 0x1ba00477)).toBe(false);
  });
});
