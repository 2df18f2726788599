import { describe, expect, it } from 'vitest';
import { decodeControl, decodeXpsr } from './xpsr';

describe('xPSR and CONTROL in words', () => {
  it('names the flags, the Thumb bit and the exception', () => {
    expect(decodeXpsr(0x0100000f)).toBe('N=0 Z=0 C=0 V=0 Q=0 · Thumb · in SysTick (exception 15)');
    expect(decodeXpsr(0x61000000)).toBe('N=0 Z=1 C=1 V=0 Q=0 · Thumb · Thread mode');
    expect(decodeXpsr(0x00000003)).toMatch(/T bit clear.*HardFault/);
    expect(decodeXpsr(0x01000025)).toMatch(/IRQ 21/);
  });
  it('says privilege and stack', () => {
    expect(decodeControl(0)).toBe('privileged · main stack (MSP)');
    expect(decodeControl(3)).toBe('unprivileged · process stack (PSP)');
  });
});
