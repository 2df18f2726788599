// The first power-on check on the healthy virtual board: wall time per step, and the RAM
// step's throughput next to its floor measured in the same run: the same bytes moved by
// plain `read_memory` / `write_memory` commands (one command per 4 KiB block, as the march
// uses), with no test logic. Prints figures and ratios; passes or fails nothing.
import { CHECK_STEPS } from '../shared/check';
import { runCheck } from '../main/check/run';
import { VBOARD_PROFILE } from '../main/profiles/builtin';
import { Session } from '../main/session/session';

const SRAM = 0x20000000;
const SIZE = 20 * 1024;
const BLOCK = 4096;

async function floor(session: Session, bytes: number): Promise<number> {
  // Half reads, half writes, as the march moves them.
  const words = BLOCK / 4;
  const values = Array.from({ length: words }, (_, i) => (i * 2654435761) >>> 0);
  const writeCmd = `write_memory ${SRAM} 32 {${values.join(' ')}}`;
  const t = performance.now();
  let moved = 0;
  let i = 0;
  while (moved < bytes) {
    const off = (i++ * BLOCK) % SIZE;
    if (i % 2) await session.command(`read_memory ${SRAM + off} 32 ${words}`);
    else await session.command(writeCmd.replace(String(SRAM), String(SRAM + off)));
    moved += BLOCK;
  }
  return moved / ((performance.now() - t) / 1000);
}

async function main(): Promise<void> {
  const profile = { ...VBOARD_PROFILE, id: 'bench-check' };
  let session: Session | undefined;
  const t0 = performance.now();
  const report = await runCheck({ profile, open: async () => (session = await Session.start(profile)) });
  const total = (performance.now() - t0) / 1000;
  try {
    console.log(`bench/check: the whole check on the healthy virtual board: ${report.result.toUpperCase()} in ${total.toFixed(2)} s (OpenOCD start included)`);
    for (const id of CHECK_STEPS) {
      const s = report.steps.find((x) => x.id === id);
      if (s) console.log(`  ${id.padEnd(11)} ${s.status.padEnd(7)} ${(s.durationMs / 1000).toFixed(3).padStart(7)} s`);
    }
    const ram = report.steps.find((s) => s.id === 'ram');
    const onTarget = ram?.evidence.find((e) => e.label === 'March C- on the target')?.value ?? 'not run';
    // March C- touches every cell 10 times (5 reads, 5 writes): over the debug port that is 10 × the range moved.
    const marchBytes = 10 * SIZE;
    const s = session as Session;
    await s.target.halt();
    const floorBps = await floor(s, marchBytes);
    const dp = await runCheck({ profile, open: async () => s, skip: ['flash', 'reset', 'protection'], ramOverDebugPort: true });
    const dpRam = dp.steps.find((x) => x.id === 'ram');
    const dpSeconds = (dpRam?.durationMs ?? 0) / 1000;
    const floorSeconds = (marchBytes + 2 * SIZE) / floorBps;
    const onTargetSeconds = (ram?.durationMs ?? 0) / 1000;
    console.log(`  RAM step, March C- on the target: ${onTarget}; whole step ${onTargetSeconds.toFixed(2)} s`);
    console.log(`  RAM step, March C- over the debug port: ${dpSeconds.toFixed(2)} s (${dpRam?.status})`);
    console.log(`  floor: plain read_memory/write_memory of the same ${(marchBytes + 2 * SIZE) / 1024} KiB (march + save/restore): ${floorSeconds.toFixed(2)} s, ${(floorBps / 1024).toFixed(1)} KiB/s`);
    console.log(`  ratios: debug-port step / floor ${(dpSeconds / floorSeconds).toFixed(2)}; on-target step / floor ${(onTargetSeconds / floorSeconds).toFixed(2)}`);
  } finally {
    await session?.target.reset('run').catch(() => undefined);
    await session?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
