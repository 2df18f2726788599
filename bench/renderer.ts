// The renderer's bundle after code splitting: what the first screen loads (index.html's
// script and its static imports, the same files a browser fetches before it runs) next to
// what only a panel's first use loads. Reads dist/renderer (npm run build first).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'renderer');

function main(): void {
  const html = path.join(DIST, 'index.html');
  if (!existsSync(html)) throw new Error(`${html} missing: run npm run build first`);
  const assets = path.join(DIST, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  // The entry and what it imports statically (Vite lists them as modulepreload links too).
  const initial = new Set<string>();
  const visit = (f: string): void => {
    if (initial.has(f)) return;
    initial.add(f);
    const text = readFileSync(path.join(assets, f), 'utf8');
    for (const m of text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1] as string);
  };
  for (const m of readFileSync(html, 'utf8').matchAll(/src="\.\/assets\/([^"]+\.js)"/g)) visit(m[1] as string);
  const size = (f: string): number => statSync(path.join(assets, f)).size;
  const gz = (f: string): number => gzipSync(readFileSync(path.join(assets, f))).length;
  const sum = (fs: string[], by: (f: string) => number): number => fs.reduce((n, f) => n + by(f), 0);
  const first = [...initial];
  const lazy = js.filter((f) => !initial.has(f));
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log('renderer bundle (dist/renderer/assets)');
  console.log(`  first screen: ${first.length} JS files, ${kb(sum(first, size))} (${kb(sum(first, gz))} gzip)`);
  for (const f of first.sort((a, b) => size(b) - size(a))) console.log(`    ${f.padEnd(40)} ${kb(size(f)).padStart(10)}`);
  console.log(`  loaded on a panel's first use: ${lazy.length} JS files, ${kb(sum(lazy, size))} (${kb(sum(lazy, gz))} gzip)`);
  for (const f of lazy.sort((a, b) => size(b) - size(a))) console.log(`    ${f.padEnd(40)} ${kb(size(f)).padStart(10)}`);
  console.log(`  share of JS deferred: ${((sum(lazy, size) / sum(js, size)) * 100).toFixed(1)} %`);
}

main();
