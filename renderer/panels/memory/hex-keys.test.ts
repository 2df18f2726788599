// The hex view's keyboard: arrows move by a unit or a row, pages by a screenful, never out of the block.
import { describe, expect, it } from 'vitest';
import { moveSelection } from './hex-keys';

const block = { address: 0x20000000, length: 0x100 };

describe('hex view keys', () => {
  it('arrows by one unit or one row', () => {
    expect(moveSelection('ArrowRight', 0x20000000, 1, block, 10)).toBe(0x20000001);
    expect(moveSelection('ArrowRight', 0x20000000, 4, block, 10)).toBe(0x20000004);
    expect(moveSelection('ArrowDown', 0x20000003, 1, block, 10)).toBe(0x20000013);
    expect(moveSelection('ArrowUp', 0x20000013, 1, block, 10)).toBe(0x20000003);
  });
  it('stays inside the block; pages stop at the last row in the same column', () => {
    expect(moveSelection('ArrowLeft', 0x20000000, 1, block, 10)).toBe(0x20000000);
    expect(moveSelection('ArrowDown', 0x200000f5, 1, block, 10)).toBe(0x200000f5);
    expect(moveSelection('PageDown', 0x20000005, 1, block, 10)).toBe(0x200000a5);
    expect(moveSelection('PageDown', 0x200000a5, 1, block, 10)).toBe(0x200000f5);
    expect(moveSelection('PageUp', 0x20000035, 1, block, 10)).toBe(0x20000005);
    expect(moveSelection('End', 0x20000000, 4, block, 10)).toBe(0x200000fc);
    expect(moveSelection('Home', 0x20000040, 1, block, 10)).toBe(0x20000000);
  });
  it('other keys are not moves', () => {
    expect(moveSelection('a', 0x20000000, 1, block, 10)).toBeUndefined();
  });
});
