import { build } from 'esbuild';
const r = await build({ entryPoints: { main: '/work/main/main/cli.ts' }, outdir: '/tmp/h16/meta', bundle: true, splitting: true, platform: 'node', target: 'node20', format: 'esm', outExtension: { '.js': '.mjs' }, external: ['electron', 'bufferutil', 'utf-8-validate'], logLevel: 'warning', metafile: true, write: true });
const outs = r.metafile.outputs;
// chunks statically reachable from the info command chunk
const name = process.argv[2] ?? 'info';
const start = Object.keys(outs).find((k) => k.includes(`/${name}-`));
const seen = new Set(); const stack = [start];
while (stack.length) { const k = stack.pop(); if (seen.has(k)) continue; seen.add(k); for (const i of outs[k].imports) if (i.kind === 'import-statement' && outs[i.path]) stack.push(i.path); }
let total = 0; const inputs = {};
for (const k of seen) { total += outs[k].bytes; for (const [inp, v] of Object.entries(outs[k].inputs)) { const key = inp.replace(/^.*node_modules\//, 'nm:').replace(/\/[^/]*$/, ''); inputs[key] = (inputs[key] ?? 0) + v.bytesInOutput; } }
console.log(name, 'static closure', (total/1024).toFixed(0), 'KiB');
console.log(Object.entries(inputs).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v/1024).toFixed(0).padStart(5)} KiB ${k}`).join('\n'));
