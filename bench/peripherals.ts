// Peripherals panel benchmark on the virtual board: a live read + decode of every
// readable register of GPIOC (main/peripherals/read.ts, as the panel's channel does it)
// against the bare memory reads of the same registers in the same run — one readU32 per
// register (the naive way), and one block read of the whole span (the floor). Then the
// same for STM32H753's largest peripheral: its registers are laid over the board's SRAM
// (same offsets and sizes; the F103 has no such peripheral), so the read is live and the
// decode is the H7's. Prints medians and ratios; asserts nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VBOARD_PROFILE } from '../main/profiles/builtin';
import { periphMemory } from '../main/peripherals/service';
import { readPeripheral } from '../main/peripherals/read';
import { Session } from '../main/session/session';
import { loadSvd, stopSvdWorkers } from '../main/session/svd/index';
import type { SvdPeripheral } from '../main/session/svd/types';

const ROUNDS = 21;
const SRAM = 0x20000000;
const SRAM_BYTES = 20 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function findFile(name: string): string | undefined {
  const roots = [process.cwd(), path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..')];
  for (const r of roots) for (const p of [path.resolve(r, 'assets/svd', name), path.resolve(r, '../shared/svd', name)]) if (existsSync(p)) return p;
  return undefined;
}

/** The peripheral's registers moved onto SRAM, offsets kept (only 32-bit readable ones that fit). */
function overSram(p: SvdPeripheral): SvdPeripheral {
  const registers = p.registers
    .filter((r) => r.addressOffset + r.size / 8 <= SRAM_BYTES)
    .map((r) => ({ ...r, address: SRAM + r.addressOffset, readAction: undefined, fields: r.fields.map((f) => ({ ...f, readAction: undefined })) }));
  return { ...p, baseAddress: SRAM, registers };
}

async function bench(session: Session, label: string, p: SvdPeripheral): Promise<void> {
  const mem = session.memory;
  const pm = periphMemory(mem);
  const readable = p.registers.filter((r) => r.access !== 'write-only' && r.access !== 'writeOnce' && !r.readAction && !r.fields.some((f) => f.readAction));
  const lo = Math.min(...readable.map((r) => r.address));
  const hi = Math.max(...readable.map((r) => r.address + r.size / 8));
  const ours: number[] = [];
  const perReg: number[] = [];
  const block: number[] = [];
  await readPeripheral(pm, p); // warm-up (byte order, JIT)
  for (let i = 0; i < ROUNDS; i++) {
    // Rotate the order so none always follows another's background poll.
    const jobs = [
      async () => ours.push(await time(() => readPeripheral(pm, p))),
      async () => perReg.push(await time(async () => {
        for (const r of readable) await (r.size === 32 ? mem.readU32(r.address) : r.size === 16 ? mem.readU16(r.address) : mem.readU8(r.address));
      })),
      async () => block.push(await time(() => mem.readBytes(lo, hi - lo))),
    ];
    for (let k = 0; k < jobs.length; k++) await jobs[(i + k) % jobs.length]!();
  }
  const o = median(ours);
  const r = median(perReg);
  const b = median(block);
  console.log(`${label}: ${readable.length} readable registers of ${p.registers.length}, span ${hi - lo} bytes`);
  console.log(`  read + decode (panel):        ${o.toFixed(2)} ms`);
  console.log(`  bare readU32 per register:    ${r.toFixed(2)} ms   (panel is ${(r / o).toFixed(2)}x faster)`);
  console.log(`  bare block read of the span:  ${b.toFixed(2)} ms   (floor; panel ${(o / b).toFixed(2)}x of it)`);
}

async function main(): Promise<void> {
  const f103 = findFile('STM32F103.svd');
  const h753 = findFile('STM32H753.svd');
  if (!f103) throw new Error('STM32F103.svd not found (assets/svd)');
  const session = await Session.start(VBOARD_PROFILE);
  try {
    await session.target.halt();
    const m1 = await loadSvd(f103);
    await bench(session, 'STM32F103 GPIOC (live)', m1.getPeripheral('GPIOC'));
    if (h753) {
      const m7 = await loadSvd(h753);
      const largest = [...m7.listPeripherals()].sort((a, b) => b.registers.length - a.registers.length)[0]!;
      await bench(session, `STM32H753 ${largest.name} (largest; laid over SRAM)`, overSram(largest));
    } else console.log('STM32H753.svd not found: H7 case skipped (set it under ../shared/svd)');
    console.log(`(${ROUNDS} rounds each, medians, virtual board over OpenOCD's remote_bitbang JTAG)`);
  } finally {
    await session.close();
    await stopSvdWorkers();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
