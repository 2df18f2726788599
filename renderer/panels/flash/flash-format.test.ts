import { describe, expect, it } from 'vitest';
import { describeOutcome, percent, speed } from './flash-format';

describe('flash panel words', () => {
  it('percent of a phase', () => {
    expect(percent({ done: 0, total: 4096 })).toBe(0);
    expect(percent({ done: 2048, total: 4096 })).toBe(50);
    expect(percent({ done: 4096, total: 4096 })).toBe(100);
    expect(percent({ done: 0, total: 0 })).toBe(100);
    expect(speed(2560)).toBe('2.5 KiB/s');
  });
  it('says verified, a mismatch, a cancel and a failure plainly', () => {
    const ids = { jobId: 'flash-1', op: 'program' as const };
    expect(describeOutcome({ ...ids, type: 'done', bytes: 4096, seconds: 2, bytesPerSecond: 2048, verify: { ok: true, bytes: 4096 } }).title).toBe(
      'Programmed 4.0 KiB in 2.0 s (2.0 KiB/s) — verified',
    );
    const bad = describeOutcome({ ...ids, type: 'done', bytes: 4, seconds: 1, bytesPerSecond: 4, verify: { ok: false, firstMismatch: 0x08000010, expected: 0xab, actual: 0xff } });
    expect(bad).toEqual({ tone: 'bad', title: 'Verify FAILED at 0x08000010', detail: 'expected 0xab, read 0xff' });
    expect(describeOutcome({ ...ids, type: 'cancelled', phase: 'program', done: 1, total: 2, message: 'partly written' }).tone).toBe('warn');
    const failed = describeOutcome({ ...ids, type: 'failed', error: { kind: 'FlashError', message: 'erase failed', openocdText: 'stm32x device protected' } });
    expect(failed).toEqual({ tone: 'bad', title: 'Failed: erase failed', detail: 'stm32x device protected' });
  });
});
