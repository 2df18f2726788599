import { describe, expect, it } from 'vitest';
import { exitSummary } from './format';

describe('exitSummary', () => {
  it('says a signal killed OpenOCD (an external kill is not a stop the user asked for)', () => {
    expect(exitSummary(null, 'SIGKILL')).toBe('OpenOCD was killed by SIGKILL');
    expect(exitSummary(1, null)).toBe('OpenOCD exited with code 1');
    expect(exitSummary(null, null)).toBe('OpenOCD did not start');
  });
});
