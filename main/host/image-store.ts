// Images staged for the flash panel: bytes uploaded from the browser (in chunks,
// each well under the WebSocket's message cap) or a path from the Electron file
// dialog. A path is re-read at every use, so "rebuild, Program" takes the new build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageFormatName, StagedImage, UploadProgress } from '../../shared/workbench';
import { detectFormat } from '../images/detect';
import { loadImageFile, parseImage } from '../images/load';
import type { Image } from '../images/types';
import { ValidationError } from '../openocd/errors';

interface Entry {
  name: string;
  size: number;
  path?: string;
  bytes?: Uint8Array;
  received: number;
  format?: ImageFormatName;
}

/** Staged images kept at once (an upload replaced by a newer one is dropped). */
const KEEP = 4;

export class ImageStore {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;

  begin(name: string, size: number): { imageId: string } {
    const imageId = this.add({ name, size, bytes: new Uint8Array(size), received: 0 });
    return { imageId };
  }

  /** Chunks must come in order; the last one detects the format and completes the image. */
  chunk(imageId: string, offset: number, base64: string): UploadProgress {
    const e = this.entry(imageId);
    if (!e.bytes || e.format) throw new ValidationError(`image ${imageId}: the upload is already complete`);
    if (offset !== e.received) throw new ValidationError(`image ${imageId}: expected the chunk at offset ${e.received}, got ${offset}`);
    const data = Buffer.from(base64, 'base64');
    if (offset + data.length > e.size) throw new ValidationError(`image ${imageId}: more bytes than the announced ${e.size}`);
    e.bytes.set(data, offset);
    e.received += data.length;
    if (e.received < e.size) return { received: e.received };
    e.format = detectFormat(e.name, e.bytes);
    return { received: e.received, image: this.describe(imageId, e) };
  }

  /** A file chosen in the desktop app's dialog. */
  async stagePath(file: string): Promise<StagedImage> {
    const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
      throw new ValidationError(`${file}: cannot read the image file (${err.code ?? String(err)})`, { cause: err });
    });
    const name = path.basename(file);
    const imageId = this.add({ name, size: bytes.length, path: file, received: bytes.length, format: detectFormat(name, bytes) });
    return this.describe(imageId, this.entry(imageId));
  }

  /** Bytes already in hand (a history row's kept upload): staged as a complete upload. */
  stageBytes(name: string, bytes: Uint8Array): StagedImage {
    const imageId = this.add({ name, size: bytes.length, bytes, received: bytes.length, format: detectFormat(name, bytes) });
    return this.describe(imageId, this.entry(imageId));
  }

  /** Parses the staged image (a .bin needs its load address). */
  async load(imageId: string, address: number | undefined): Promise<Image> {
    const e = this.entry(imageId);
    const opts = address !== undefined && e.format === 'bin' ? { address } : {};
    if (e.path) return loadImageFile(e.path, opts);
    if (!e.bytes || e.received < e.size) throw new ValidationError(`image ${imageId}: the upload is not complete (${e.received} of ${e.size} bytes)`);
    return parseImage(e.bytes, e.name, opts);
  }

  /** The staged file's name and bytes as they are now (a path is read again). */
  async raw(imageId: string): Promise<{ name: string; bytes: Uint8Array; format: ImageFormatName; path?: string }> {
    const e = this.entry(imageId);
    if (e.path) return { name: e.name, bytes: await readFile(e.path), format: e.format ?? 'bin', path: e.path };
    if (!e.bytes || e.received < e.size) throw new ValidationError(`image ${imageId}: the upload is not complete (${e.received} of ${e.size} bytes)`);
    return { name: e.name, bytes: e.bytes, format: e.format ?? 'bin' };
  }

  private add(e: Entry): string {
    const id = `img-${++this.seq}`;
    this.entries.set(id, e);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= KEEP) break;
      this.entries.delete(key);
    }
    return id;
  }

  private entry(imageId: string): Entry {
    const e = this.entries.get(imageId);
    if (!e) throw new ValidationError(`imageId: no staged image '${imageId}'`, { hint: 'Choose the image file again.' });
    return e;
  }

  private describe(imageId: string, e: Entry): StagedImage {
    const out: StagedImage = { imageId, name: e.name, size: e.size, format: e.format ?? 'bin' };
    if (e.path) out.path = e.path;
    return out;
  }
}
