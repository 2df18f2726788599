// OpenOCD's scripts folder (interface/, target/, board/ *.cfg) and the list of
// configs in it, for the profile editor's pickers.
import fs from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';

export interface ConfigLists {
  interface: string[];
  target: string[];
  board: string[];
}

/** Folders where a given binary's scripts may live, most specific first. */
export function scriptsDirCandidates(binaryRealPath: string | undefined): string[] {
  const out: string[] = [];
  if (binaryRealPath) {
    const binDir = path.dirname(binaryRealPath);
    const prefix = path.dirname(binDir);
    out.push(path.join(prefix, 'share', 'openocd', 'scripts')); // make install, distro packages, Homebrew
    out.push(path.join(prefix, 'openocd', 'scripts')); // xPack: <root>/bin/openocd + <root>/openocd/scripts
    out.push(path.join(prefix, 'scripts')); // zip builds for Windows
  }
  out.push('/usr/share/openocd/scripts', '/usr/local/share/openocd/scripts', '/opt/homebrew/share/openocd/scripts');
  return out;
}

/** The scripts folder for this binary (symlinks resolved), or undefined if none is found. */
export async function findScriptsDir(binaryPath?: string): Promise<string | undefined> {
  let real: string | undefined;
  if (binaryPath) {
    try {
      real = await fs.realpath(binaryPath);
    } catch {
      real = binaryPath;
    }
  }
  return scriptsDirCandidates(real).find(looksLikeScriptsDir);
}

function looksLikeScriptsDir(dir: string): boolean {
  try {
    return statSync(path.join(dir, 'interface')).isDirectory() && statSync(path.join(dir, 'target')).isDirectory();
  } catch {
    return false;
  }
}

const cache = new Map<string, Promise<ConfigLists>>();

/** Every *.cfg under interface/, target/, board/ as "interface/ftdi/foo.cfg"; sorted; cached per folder. */
export function listConfigs(scriptsDir: string): Promise<ConfigLists> {
  const key = path.resolve(scriptsDir);
  let p = cache.get(key);
  if (!p) {
    p = scan(key);
    cache.set(key, p);
    // A failed scan is not cached: the folder may appear later.
    p.catch(() => cache.delete(key));
  }
  return p;
}

export function clearConfigCache(): void {
  cache.clear();
}

async function scan(root: string): Promise<ConfigLists> {
  const [iface, target, board] = await Promise.all(['interface', 'target', 'board'].map((k) => walk(root, k)));
  return { interface: iface ?? [], target: target ?? [], board: board ?? [] };
}

async function walk(root: string, sub: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      return; // missing folder: nothing to list
    }
    for (const e of entries) {
      const childRel = `${rel}/${e.name}`;
      if (e.isDirectory()) await visit(childRel);
      else if (e.name.endsWith('.cfg') && (e.isFile() || e.isSymbolicLink())) out.push(childRel);
    }
  }
  await visit(sub);
  return out.sort();
}
