// GDB beside the workbench: the session's OpenOCD serves GDB on a free 127.0.0.1 port;
// the real gdb-multiarch loads the compiled blinky, breaks in main, continues, steps,
// backtraces, reads registers and memory and resets through `monitor`, while the
// session keeps working: it hears GDB attach, halt, resume and detach (OpenOCD's
// events), and reads registers and memory while GDB holds the core halted.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageFile } from '../../main/images/load';
import { VBOARD_PROFILE } from '../../main/profiles/builtin';
import { Session } from '../../main/session/session';
import { buildBlinky, type BuiltFirmware } from './build';
import { runGdb, startGdb } from './gdb';

let session: Session;
let fw: BuiltFirmware;

beforeAll(async () => {
  fw = buildBlinky('-Og');
  session = await Session.start(VBOARD_PROFILE, { gdb: {} });
});

afterAll(async () => {
  await session?.close();
  if (fw) rmSync(fw.dir, { recursive: true, force: true });
});

describe('gdb-multiarch on the session port', () => {
  it('the port is a free one on 127.0.0.1 (not 3333), open only when asked for', () => {
    expect(session.gdbPort).toBeGreaterThan(0);
    expect(session.gdbPort).not.toBe(3333);
    // The connection status carries it (the Connection panel shows it from there).
    expect(session.controller?.status().gdbPort).toBe(session.gdbPort);
  });

  it('loads, breaks in main, steps and backtraces; the session follows every halt and resume', async () => {
    const events: string[] = [];
    const haltedAt: string[] = [];
    const reads: Promise<void>[] = [];
    let onDetach = (): void => undefined;
    const detached = new Promise<void>((resolve) => (onDetach = resolve));
    const offs = [
      session.target.on('gdb-attach', () => events.push('gdb-attach')),
      session.target.on('gdb-detach', () => {
        events.push('gdb-detach');
        onDetach();
      }),
      session.target.on('resumed', () => events.push('resumed')),
      session.target.on('halted', () => {
        events.push('halted');
        // The workbench reads while GDB holds the core: registers and memory answer.
        reads.push(
          session.registers.pc().then(async (pc) => {
            haltedAt.push(fw.symbols.describe(pc) ?? pc.toString(16));
            expect(await session.memory.readU32(0xe0042000)).toBe(0x20036410); // DBGMCU_IDCODE (flash may be mid-load)
          }),
        );
      }),
    ];
    const gdb = await runGdb(session.gdbPort as number, fw.elf, [
      'monitor reset halt',
      'load',
      'break main',
      'continue',
      'next',
      'step',
      'backtrace',
      'info registers pc sp lr',
      'x/4wx 0x20000000',
      'detach',
    ]);
    // Events come on their own socket: GDB may have exited before the last ones arrive.
    await detached;
    while (events.lastIndexOf('resumed') < events.lastIndexOf('halted')) await new Promise((r) => setTimeout(r, 10));
    await Promise.all(reads);
    for (const off of offs) off();
    expect(gdb.code, gdb.out).toBe(0);
    expect(gdb.out).toMatch(/Loading section \.text/);
    expect(gdb.out).toMatch(/Start address 0x0*8000/);
    expect(gdb.out).toMatch(/Breakpoint 1, main \(\) at .*main\.c:\d+/);
    expect(gdb.out).toMatch(/#0 +rtt_init \(\) at .*rtt\.c:\d+\n#1 +0x[0-9a-f]+ in main \(\) at .*main\.c:\d+/);
    expect(gdb.out).toMatch(/^pc +0x[0-9a-f]+ +0x[0-9a-f]+ <rtt_init\+\d+>/m);
    // .data is in place: blink_every = 10 at the start of SRAM.
    expect(gdb.out).toMatch(/0x20000000 <blink_every>:\s+0x0000000a/);
    // OpenOCD halts the core as GDB connects, then reports the attach; the detach resumes it.
    expect(events.slice(0, 2)).toEqual(['halted', 'gdb-attach']);
    expect(events.slice(events.lastIndexOf('halted') + 1).sort()).toEqual(['gdb-detach', 'resumed']);
    expect(events.filter((e) => e === 'resumed').length).toBeGreaterThanOrEqual(3); // continue, next, step
    expect(haltedAt).toContain('main');
    expect(haltedAt.some((s) => s.startsWith('rtt_init'))).toBe(true);
    // After detach GDB resumes the core: the firmware runs, the session sees it.
    expect(await session.target.state()).toBe('running');
  });

  it('a second GDB attaches to the running firmware and finds it counting SysTick ticks', async () => {
    const gdb = await runGdb(session.gdbPort as number, fw.elf, ['print ticks > 0', 'print/x blink_every', 'detach']);
    expect(gdb.code, gdb.out).toBe(0);
    expect(gdb.out).toMatch(/\$1 = 1\n\$2 = 0xa/);
  });

  it('a flash from the workbench while GDB is attached works, and GDB goes on afterwards', async () => {
    const attached = new Promise<void>((resolve) => {
      const off = session.target.on('gdb-attach', () => {
        off();
        resolve();
      });
    });
    const gdb = startGdb(session.gdbPort as number, fw.elf);
    await attached;
    const result = await session.flash.program(await loadImageFile(fw.elf), { verify: true, reset: true });
    expect(result).toMatchObject({ type: 'done', verify: { ok: true } });
    const { code, out } = await gdb.finish(['monitor reset halt', 'print/x $pc', 'detach']);
    expect(code, out).toBe(0);
    expect(out).toMatch(/\$1 = 0x8000[0-9a-f]{3}/); // back at the reset handler
  });
});
