// The panels' channels are validated at the edge: bad addresses, widths and sizes
// come back as ValidationErrors naming the field.
import { describe, expect, it } from 'vitest';
import { validateRequest } from './validate';

describe('panel channel validation', () => {
  it('readMemory: bounds the address and length', () => {
    expect(validateRequest('readMemory', { address: 0x20000000, length: 256 }).ok).toBe(true);
    const big = validateRequest('readMemory', { address: 0x20000000, length: 2 * 1024 * 1024 });
    expect(!big.ok && big.error.message).toMatch(/length/);
    const wrap = validateRequest('readMemory', { address: 0xffffff00, length: 0x200 });
    expect(!wrap.ok && wrap.error.message).toMatch(/runs past 0xffffffff/);
    const neg = validateRequest('readMemory', { address: -1, length: 4 });
    expect(!neg.ok && neg.error.message).toMatch(/address/);
  });
  it('writeMemory: values must fit the width, the address must be aligned', () => {
    expect(validateRequest('writeMemory', { address: 0x20000000, width: 32, values: [0xdeadbeef] }).ok).toBe(true);
    const wide = validateRequest('writeMemory', { address: 0x20000000, width: 8, values: [0x100] });
    expect(!wide.ok && wide.error.message).toMatch(/does not fit/);
    const odd = validateRequest('writeMemory', { address: 0x20000002, width: 32, values: [1] });
    expect(!odd.ok && odd.error.message).toMatch(/aligned/);
  });
  it('uploads and flash jobs', () => {
    const huge = validateRequest('beginImageUpload', { name: 'big.bin', size: 17 * 1024 * 1024 });
    expect(!huge.ok && huge.error.message).toMatch(/16 MiB limit/);
    const noImage = validateRequest('startFlash', { op: 'program' });
    expect(!noImage.ok && noImage.error.message).toMatch(/choose an image first/);
    expect(validateRequest('startFlash', { op: 'erase-all' })).toMatchObject({ ok: true, value: { op: 'erase-all', verify: true } });
  });
});
