import { describe, expect, it } from 'vitest';
import { callLength, dwtComparators, fpbCodeComparators, haltReasonFromLog } from './thumb';

describe('step-over decoding', () => {
  it('names BL and BLX as calls with their length, other instructions not', () => {
    expect(callLength(0xf000, 0xf802)).toBe(4); // bl .+8
    expect(callLength(0x4788, 0)).toBe(2); // blx r1
    expect(callLength(0x4770, 0)).toBeUndefined(); // bx lr
    expect(callLength(0xbf30, 0xe7fd)).toBeUndefined(); // wfi
  });
  it('counts the Cortex-M3 comparators from FP_CTRL and DWT_CTRL', () => {
    expect(fpbCodeComparators(0x260)).toBe(6);
    expect(dwtComparators(0x40000000)).toBe(4);
  });
  it('reads the halt reason from the last "halted due to" line', () => {
    const log = ['[stm32f1x.cpu] halted due to debug-request, current mode: Thread', 'x', '[stm32f1x.cpu] halted due to watchpoint, current mode: Handler SysTick'];
    expect(haltReasonFromLog(log)).toBe('watchpoint');
    expect(haltReasonFromLog([])).toBeUndefined();
  });
});
