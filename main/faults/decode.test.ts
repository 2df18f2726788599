import { describe, expect, it } from 'vitest';
import { decodeFaultStatus } from './decode';

describe('decodeFaultStatus', () => {
  it('names a jump to no memory: IBUSERR escalated (FORCED)', () => {
    const r = decodeFaultStatus(0x100, 0x40000000, 0, 0);
    expect(r.reasons.map((l) => l.split(':')[0])).toEqual(['IBUSERR', 'FORCED']);
    expect(r.bfar).toBeUndefined();
  });

  it('gives BFAR only when BFARVALID says it holds the address', () => {
    const r = decodeFaultStatus(0x8200, 0x40000000, 0x30000000, 0);
    expect(r.bfar).toBe(0x30000000);
    expect(r.reasons).toContain('BFAR = 0x30000000: the address of the failed access');
  });

  it('decodes usage faults and a BKPT without a debugger', () => {
    expect(decodeFaultStatus(0x20000, 0x40000000, 0, 0).reasons[0]).toMatch(/^INVSTATE/);
    expect(decodeFaultStatus(0, 0x80000000, 0, 0).reasons).toEqual(['DEBUGEVT: debug event (a BKPT with no debugger attached)']);
  });
});
