// --flash-file: the main array (64 KiB) followed by the 16 option-byte bytes, so a board
// keeps its program and protection across restarts. Writes are coalesced and flushed on close.
import { promises as fs } from 'node:fs';
import { FLASH_SIZE, OPTION_SIZE, type FlashStorage } from './flash-controller';

export const FLASH_FILE_SIZE = FLASH_SIZE + OPTION_SIZE;
const FLUSH_DELAY_MS = 250;

export class FlashFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly storage: FlashStorage,
  ) {}

  /** Load `path` into storage, or create it from the storage's current contents. */
  static async open(path: string, storage: FlashStorage): Promise<FlashFile> {
    const file = new FlashFile(path, storage);
    let data: Buffer | undefined;
    try {
      data = await fs.readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (data) {
      if (data.length !== FLASH_FILE_SIZE) {
        throw new Error(`flash file ${path} has ${data.length} bytes, expected ${FLASH_FILE_SIZE} (64 KiB flash + 16 option bytes)`);
      }
      storage.main.set(data.subarray(0, FLASH_SIZE));
      storage.options.set(data.subarray(FLASH_SIZE));
    } else await file.flushNow();
    storage.onChange = () => file.schedule();
    return file;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushNow();
    }, FLUSH_DELAY_MS);
  }

  flushNow(): Promise<void> {
    const snapshot = Buffer.concat([this.storage.main, this.storage.options]);
    this.writing = this.writing.then(() => fs.writeFile(this.path, snapshot));
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushNow();
  }
}
