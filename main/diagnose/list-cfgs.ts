// Lists the cfg scripts under an OpenOCD scripts folder (interface/, target/, board/)
// as paths relative to it, for "did you mean" suggestions.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const FOLDERS = ['interface', 'target', 'board'];

export async function listCfgs(scriptsDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(scriptsDir, rel), { withFileTypes: true });
    } catch {
      return; // a missing folder just contributes nothing
    }
    for (const e of entries) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.cfg')) out.push(p);
    }
  }
  for (const f of FOLDERS) await walk(f);
  return out.sort();
}
