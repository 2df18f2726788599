import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../openocd/errors';
import { ImageStore } from './image-store';

const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('ImageStore', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('assembles an upload from ordered chunks and parses it with its load address', async () => {
    const store = new ImageStore();
    const { imageId } = store.begin('app.bin', 6);
    expect(store.chunk(imageId, 0, b64([1, 2, 3, 4]))).toEqual({ received: 4 });
    const last = store.chunk(imageId, 4, b64([5, 6]));
    expect(last.image).toMatchObject({ imageId, name: 'app.bin', size: 6, format: 'bin' });
    const image = await store.load(imageId, 0x08000000);
    expect(image.segments).toHaveLength(1);
    expect(image.segments[0]?.address).toBe(0x08000000);
    expect([...(image.segments[0]?.data ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses chunks out of order, past the size, or for an unknown image', () => {
    const store = new ImageStore();
    const { imageId } = store.begin('a.bin', 4);
    expect(() => store.chunk(imageId, 2, b64([1]))).toThrow(/expected the chunk at offset 0/);
    expect(() => store.chunk(imageId, 0, b64([1, 2, 3, 4, 5]))).toThrow(/more bytes than the announced 4/);
    expect(() => store.chunk('img-99', 0, b64([1]))).toThrow(ValidationError);
  });

  it('a .bin without an address is a ValidationError with a hint', async () => {
    const store = new ImageStore();
    const { imageId } = store.begin('a.bin', 2);
    store.chunk(imageId, 0, b64([1, 2]));
    await expect(store.load(imageId, undefined)).rejects.toThrow(/raw binary has no addresses/);
  });

  it('a path is re-read at each load (a rebuilt file is picked up)', async () => {
    const file = path.join(dir, 'fw.hex');
    writeFileSync(file, ':0400000001020304F2\n:00000001FF\n');
    const store = new ImageStore();
    const staged = await store.stagePath(file);
    expect(staged).toMatchObject({ name: 'fw.hex', format: 'ihex', path: file });
    expect([...((await store.load(staged.imageId, undefined)).segments[0]?.data ?? [])]).toEqual([1, 2, 3, 4]);
    writeFileSync(file, ':0400000005060708E2\n:00000001FF\n');
    expect([...((await store.load(staged.imageId, undefined)).segments[0]?.data ?? [])]).toEqual([5, 6, 7, 8]);
  });
});
