import { describe, expect, it } from 'vitest';
import { FlashError, TargetNotHaltedError } from '../../openocd/errors';
import { flashFailure } from './run';

// Log text as OpenOCD 0.12 printed it on the virtual board (write-protected fault, running core).
describe('flash command failures', () => {
  it('keeps OpenOCD\'s words and names the write-protection fix', () => {
    const log = 'Error: stm32x device protected\nError: failed erasing sectors 0 to 0\n';
    const e = flashFailure('erasing sectors 0-0 of bank 0 failed', 'flash erase_sector 0 0 0', '', log, 'stm32x device protected\nfailed erasing sectors 0 to 0');
    expect(e).toBeInstanceOf(FlashError);
    expect(e.message).toBe('erasing sectors 0-0 of bank 0 failed: stm32x device protected\nfailed erasing sectors 0 to 0');
    expect(e.openocdText).toContain('stm32x device protected');
    expect(e.hint).toMatch(/flash protect 0 0 last off/);
  });

  it('a running core is a TargetNotHaltedError, not a flash problem', () => {
    const e = flashFailure('erasing sectors 10-10 of bank 0 failed', 'flash erase_sector 0 10 10', '', 'Error: Target not halted\n', 'Target not halted');
    expect(e).toBeInstanceOf(TargetNotHaltedError);
    expect(e.hint).toMatch(/Halt the target/);
  });

  it('an unknown failure is still a FlashError with the caller\'s hint', () => {
    const e = flashFailure('writing failed', 'flash write_image x', '', 'Error: something new\n', 'something new', 'try again');
    expect(e).toBeInstanceOf(FlashError);
    expect(e.hint).toBe('try again');
  });
});
