// Benchmark: the compiled blinky (arm-none-eabi-gcc -O2, newlib snprintf) against the
// board's hand-made blink firmware (main/vboard/default-firmware.ts):
//  - interpreter speed on the firmware's own code: instructions retired per second of
//    host time spent executing (time the core sleeps in WFI is skipped, not counted),
//    over 20 simulated seconds of the board;
//  - program + verify time of each image through the real OpenOCD (session.flash).
// Falls back to the checked-in -Og blinky.elf when no ARM toolchain is installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseImage } from '../main/images/load';
import { VBOARD_PROFILE } from '../main/profiles/builtin';
import { Session } from '../main/session/session';
import { Board } from '../main/vboard/board';
import { defaultFirmware } from '../main/vboard/default-firmware';

const ROOT = path.resolve(__dirname, '..', '..');
const CORE_HZ = 8_000_000;
const SIM_SECONDS = 300;

function compiledBlinky(dir: string): { elf: Uint8Array; bin: Uint8Array; label: string } {
  try {
    execFileSync('sh', [path.join(ROOT, 'scripts/build-firmware.sh'), dir, '-O2'], { stdio: 'ignore' });
    return { elf: readFileSync(path.join(dir, 'blinky.elf')), bin: readFileSync(path.join(dir, 'blinky.bin')), label: 'blinky -O2' };
  } catch {
    const elf = readFileSync(path.join(ROOT, 'test/firmware/blinky/blinky.elf'));
    const img = parseImage(elf, 'blinky.elf');
    const seg = img.segments[0]!;
    console.log('(no arm-none-eabi-gcc: using the checked-in -Og blinky.elf)');
    return { elf, bin: seg.data, label: 'blinky -Og (prebuilt)' };
  }
}

/** Runs `bin` from reset for SIM_SECONDS of board time; instructions and the host time spent executing them. */
function interpret(bin: Uint8Array, seconds = SIM_SECONDS): { instructions: number; execSeconds: number } {
  const b = new Board({ blank: true });
  b.storage.main.set(bin);
  b.powerOn();
  const core = b.core;
  const engine = b.engine;
  const end = seconds * CORE_HZ;
  let exec = 0n;
  const r0 = engine.retired;
  while (engine.cycles < end) {
    if (core.sleeping || engine.parked) {
      engine.idle(core, end - engine.cycles);
      continue;
    }
    const t = process.hrtime.bigint();
    engine.run(core, 100_000);
    exec += process.hrtime.bigint() - t;
    if (core.lockup) throw new Error('the firmware locked up');
  }
  return { instructions: engine.retired - r0, execSeconds: Number(exec) / 1e9 };
}

async function flashSeconds(session: Session, bytes: Uint8Array, name: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const image = parseImage(bytes, name, name.endsWith('.bin') ? { address: 0x08000000 } : {});
    const t = performance.now();
    const r = await session.flash.program(image, { verify: true });
    if (r.type !== 'done') throw new Error(`flash ${name}: ${r.type}`);
    runs.push((performance.now() - t) / 1000);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-firmware-'));
  try {
    const fw = compiledBlinky(dir);
    const hand = defaultFirmware();
    console.log(`interpreter on the firmware's own code (${SIM_SECONDS} s of board time at 8 MHz; WFI sleep skipped):`);
    const results: [string, number][] = [];
    for (const [label, bin] of [[fw.label, fw.bin], ['hand-made blink', hand]] as const) {
      interpret(bin, 20); // warm-up (JIT)
      const r = interpret(bin);
      const mips = r.instructions / r.execSeconds / 1e6;
      results.push([label, mips]);
      console.log(`  ${label.padEnd(22)} ${(r.instructions / 1e6).toFixed(2)}M instructions in ${(r.execSeconds * 1000).toFixed(0)} ms = ${mips.toFixed(1)} MIPS`);
    }
    console.log(`  ratio compiled / hand-made: ${(results[0]![1] / results[1]![1]).toFixed(2)}`);

    const session = await Session.start(VBOARD_PROFILE);
    try {
      console.log('program + verify through OpenOCD (median of 3):');
      const a = await flashSeconds(session, fw.elf, 'blinky.elf');
      console.log(`  ${fw.label.padEnd(22)} ${fw.bin.length} bytes  ${a.toFixed(2)} s  ${(fw.bin.length / 1024 / a).toFixed(1)} KiB/s`);
      const b = await flashSeconds(session, hand, 'blink.bin');
      console.log(`  ${'hand-made blink'.padEnd(22)} ${hand.length} bytes  ${b.toFixed(2)} s  ${(hand.length / 1024 / b).toFixed(1)} KiB/s`);
      // Leave the board as it ships: the hand-made blink was programmed last.
    } finally {
      await session.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
