// The Thumb-2 decoder: Capstone 5 (capstone-wasm, an Emscripten build of the maintained
// C library), so what an instruction is never rests on the virtual board's own decoder.
// It runs in the host process only (never bundled into the renderer). The .wasm is found
// here and handed over as bytes: inside an esbuild bundle the package's own lookup (next
// to its script) would point at a file that is not there.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Insn } from 'capstone-wasm';

export interface RawInsn {
  address: number;
  size: number;
  bytes: Uint8Array;
  mnemonic: string;
  opStr: string;
}

export interface ThumbDecoder {
  /** Decodes from the start of `bytes` until the end or the first undecodable instruction. */
  decode(bytes: Uint8Array, address: number): RawInsn[];
  readonly name: string;
}

let loading: Promise<ThumbDecoder> | undefined;

function wasmBytes(): Uint8Array {
  // __dirname is the bundle's folder (dist/ for the CLI, dist/app/ for Electron; the build
  // copies the .wasm to dist/, as the packaged app has no node_modules) or, from source
  // (vitest), this module's: node resolution walks up from there to node_modules.
  for (const p of [path.join(__dirname, 'capstone.wasm'), path.join(__dirname, '..', 'capstone.wasm')]) {
    if (fs.existsSync(p)) return fs.readFileSync(p);
  }
  const req = createRequire(path.join(__dirname, 'disasm.js'));
  return fs.readFileSync(path.join(path.dirname(req.resolve('capstone-wasm')), 'capstone.wasm'));
}

/** The shared decoder (the wasm instance is loaded once per process, on first use). */
export function thumbDecoder(): Promise<ThumbDecoder> {
  loading ??= (async () => {
    const cs = await import('capstone-wasm');
    await cs.loadCapstone({ wasmBinary: wasmBytes() });
    const { Const } = cs;
    const handle = new cs.Capstone(Const.CS_ARCH_ARM, Const.CS_MODE_THUMB + Const.CS_MODE_MCLASS);
    const v = cs.Capstone.version();
    return {
      name: `Capstone ${v.major}.${v.minor}`,
      decode: (bytes, address) => {
        let got: Insn[];
        try {
          got = handle.disasm(bytes, { address });
        } catch {
          return []; // capstone-wasm throws when not even the first instruction decodes
        }
        return got.map((i) => ({ address: Number(i.address), size: i.size, bytes: Uint8Array.from(i.bytes), mnemonic: i.mnemonic, opStr: i.opStr }));
      },
    };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
