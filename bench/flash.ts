// Bench: programming a 64 KiB image through the Flash subsystem (chunked erase, write
// and read-back verify, with progress events) against one `program <file> 0x08000000
// verify` handed to OpenOCD directly: same image, same virtual board, same run.
// Prints seconds, KiB/s and the ratio (target <= 1.10). Never asserts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseImage } from '../main/images/load';
import { Flash } from '../main/session/flash/flash';
import { startRig } from '../main/session/flash/test-support';
import type { FlashEvent } from '../main/session/flash/types';

const SIZE = 64 * 1024;

function image(seed: number): Buffer {
  const b = Buffer.alloc(SIZE);
  let x = seed;
  for (let i = 0; i < SIZE; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

async function main(): Promise<void> {
  const rig = await startRig();
  const dir = await mkdtemp(join(tmpdir(), 'bench-flash-'));
  try {
    // FLASH_BENCH_CHUNK: the base chunk (bytes) the pacer starts from, to compare settings.
    const flash = new Flash(rig.client, process.env.FLASH_BENCH_CHUNK ? { chunkSize: Number(process.env.FLASH_BENCH_CHUNK) } : {});
    const data = image(1);
    const file = join(dir, 'fw.bin');
    await writeFile(file, data);

    const img = parseImage(data, 'fw.bin', { address: 0x08000000 });
    // Both do the same work: reset init, erase the touched sectors, write, read back.
    const direct = async (): Promise<number> => {
      const t = performance.now();
      await rig.client.command(`program ${file} 0x08000000 verify`, { timeoutMs: 600_000 });
      return (performance.now() - t) / 1000;
    };
    let events = 0;
    const phases = new Map<string, number>();
    const chunked = async (): Promise<number> => {
      const t = performance.now();
      const result = await flash.program(img, {
        verify: true,
        onEvent: (e: FlashEvent) => {
          if (e.type !== 'progress') return;
          events++;
          phases.set(e.phase, e.bytesPerSecond);
        },
      });
      if (result.type !== 'done' || !result.verify?.ok) throw new Error(`chunked programming did not verify: ${JSON.stringify(result)}`);
      return (performance.now() - t) / 1000;
    };
    // The machine is shared, so runs alternate (A B B A) and the sums are compared.
    const a1 = await direct();
    const b1 = await chunked();
    const perRun = events;
    const b2 = await chunked();
    const a2 = await direct();
    const directS = (a1 + a2) / 2;
    const chunkedS = (b1 + b2) / 2;

    const kib = SIZE / 1024;
    console.log(`flash bench: ${kib} KiB image on the virtual board (OpenOCD 0.12, its flash loader running on the board), 2 runs each, order A B B A`);
    console.log(`  A OpenOCD program ... verify   ${directS.toFixed(2)} s  ${(kib / directS).toFixed(2)} KiB/s  (runs ${a1.toFixed(2)}, ${a2.toFixed(2)})`);
    console.log(`  B Flash.program (chunked)      ${chunkedS.toFixed(2)} s  ${(kib / chunkedS).toFixed(2)} KiB/s  (runs ${b1.toFixed(2)}, ${b2.toFixed(2)}; ${perRun} progress events a run)`);
    console.log(`  B phase speeds (KiB/s): ${[...phases].map(([p, bps]) => `${p} ${(bps / 1024).toFixed(2)}`).join(', ')}`);
    console.log(`  ratio B/A: ${(chunkedS / directS).toFixed(3)} (target <= 1.10)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rig.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
