// Session.connect to an OpenOCD someone else started (real OpenOCD 0.12 + the virtual
// board): failures keep OpenOCD's own words although this session never sees its log,
// and a reset from any client fires on('reset').
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenOCDError } from '../openocd/errors';
import { startRig, type Rig } from './flash/test-support';
import { Session } from './session';

let rig: Rig;
let session: Session;

beforeAll(async () => {
  rig = await startRig();
  session = await Session.connect({ port: rig.tclPort });
});

afterAll(async () => {
  await session?.close();
  await rig?.close();
});

describe('Session.connect', () => {
  it("a failing raw command says what OpenOCD logged, not just \"'cmd' failed\"", async () => {
    const err = await session.command('flash erase_sector 7 0 0').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenOCDError);
    expect((err as Error).message).not.toMatch(/^'.*' failed$/);
    expect((err as OpenOCDError).openocdText ?? '').toMatch(/flash bank 7 does not exist|bank/i);
  });

  it('successful commands still return their result', async () => {
    expect(await session.command('version')).toMatch(/Open On-Chip Debugger/);
    expect(await session.target.state()).toMatch(/halted|running/);
  });

  it("fires on('reset') for a raw reset (another client's or the console's), once", async () => {
    const seen: string[] = [];
    const got = new Promise<void>((resolve) =>
      session.target.on('reset', (e) => {
        seen.push(e.name);
        resolve();
      }),
    );
    await rig.client.command('reset halt'); // a second client, like GDB or a telnet console
    await got;
    expect(seen).toEqual(['reset-requested']);
  });
});
