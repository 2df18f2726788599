// Appends text and fsyncs before resolving: a row is on disk once this returns.
import { promises as fs } from 'node:fs';

export async function appendDurably(file: string, text: string): Promise<void> {
  const h = await fs.open(file, 'a', 0o644);
  try {
    await h.write(text);
    await h.sync();
  } finally {
    await h.close();
  }
}
