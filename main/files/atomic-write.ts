// A file written so that a crash leaves either the old file or the new one, never half
// of either: write a temp file beside it, fsync it, rename over, fsync the folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const h = await fs.open(tmp, 'w', 0o600);
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  // The rename itself is durable only once the folder's entry is on disk (not on Windows).
  if (process.platform !== 'win32') {
    const d = await fs.open(dir, 'r').catch(() => undefined);
    await d?.sync().catch(() => undefined);
    await d?.close();
  }
}
