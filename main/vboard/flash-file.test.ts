import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLASH_FILE_SIZE, FlashFile } from './flash-file';
import { FlashStorage } from './flash-controller';

const dir = mkdtempSync(path.join(tmpdir(), 'vboard-ff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flash file', () => {
  it('is created when missing and keeps flash and option bytes across restarts', async () => {
    const file = path.join(dir, 'board.bin');
    const a = new FlashStorage();
    a.setFactoryOptions();
    const fa = await FlashFile.open(file, a);
    expect(statSync(file).size).toBe(FLASH_FILE_SIZE);
    a.main[10] = 0x42;
    a.setOptionByte(0, 0x00);
    a.onChange();
    await fa.close();
    const b = new FlashStorage();
    const fb = await FlashFile.open(file, b);
    expect(b.main[10]).toBe(0x42);
    expect(b.optionByte(0)).toBe(0x00);
    await fb.close();
  });
  it('refuses a file of the wrong size', async () => {
    const file = path.join(dir, 'short.bin');
    writeFileSync(file, Buffer.alloc(100));
    await expect(FlashFile.open(file, new FlashStorage())).rejects.toThrow(/has 100 bytes, expected 65552/);
  });
});
