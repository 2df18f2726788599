// JTAG, RTT, transport and Session.connect against the real OpenOCD 0.12 driving the
// virtual board (one OpenOCD + board for the whole file).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { JTAGError, OpenOCDError } from '../openocd/errors';
import { Session } from './session';

const CPU_IDCODE = 0x3ba00477;
const BS_IDCODE = 0x16410041;

let session: Session;
let tmp: string;

beforeAll(async () => {
  session = await Session.start(VBOARD_PROFILE);
  tmp = await mkdtemp(path.join(tmpdir(), 'bw-jtag-'));
});

afterAll(async () => {
  await session?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('jtag', () => {
  it('scanChain shows the Cortex-M3 DAP and the STM32F1 boundary scan TAP', async () => {
    const taps = await session.jtag.scanChain();
    expect(taps.map((t) => [t.name, t.idcode, t.irLength, t.enabled, t.matches])).toEqual([
      ['stm32f1x.cpu', CPU_IDCODE, 4, true, true],
      ['stm32f1x.bs', BS_IDCODE, 5, true, true],
    ]);
    expect(taps[0]?.expectedIds).toEqual([CPU_IDCODE]);
  });

  it('reads each IDCODE with an IR scan + DR scan', async () => {
    expect(await session.jtag.drscan('stm32f1x.cpu', [{ bits: 32, value: 0 }], { instruction: 0xe })).toEqual([BigInt(CPU_IDCODE)]);
    expect(await session.jtag.drscan('stm32f1x.bs', [{ bits: 32, value: 0 }], { instruction: 0x1 })).toEqual([BigInt(BS_IDCODE)]);
  });

  it('moves the TAP state machine and clocks Run-Test/Idle', async () => {
    await session.jtag.pathmove(['RESET', 'IDLE', 'DRSELECT', 'DRCAPTURE', 'DREXIT1', 'DRPAUSE', 'DREXIT2', 'DRUPDATE', 'IDLE']);
    await session.jtag.stateMove('DRPAUSE');
    await session.jtag.stateMove('IDLE');
    await session.jtag.runtest(16);
    await expect(session.jtag.pathmove(['RESET', 'DRSHIFT'])).rejects.toThrow(JTAGError);
    // The DAP still works afterwards.
    expect(await session.memory.readU32(0xe0042000)).toBe(0x20036410); // DBGMCU_IDCODE of an STM32F103 medium density
  });

  it('an unknown TAP is a JTAGError with OpenOCD text', async () => {
    const err = await session.jtag.irscan('nosuch.tap', 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JTAGError);
    expect((err as JTAGError).message).toMatch(/^irscan on nosuch\.tap failed: .+/);
  });

  it('plays SVF and XSVF files, and reports a TDO mismatch as JTAGError', async () => {
    const ok = path.join(tmp, 'idcode ok.svf');
    await writeFile(ok, 'STATE RESET;\nSTATE IDLE;\nSIR 4 TDI (e);\nSDR 32 TDI (00000000) TDO (3ba00477) MASK (ffffffff);\n');
    const res = await session.jtag.svf(ok, { tap: 'stm32f1x.cpu' });
    expect(res.summary).toContain('svf file programmed successfully for 4 commands with 0 errors');

    const bad = path.join(tmp, 'bad.svf');
    await writeFile(bad, 'STATE RESET;\nSTATE IDLE;\nSIR 4 TDI (e);\nSDR 32 TDI (00000000) TDO (12345678) MASK (ffffffff);\n');
    const err = await session.jtag.svf(bad, { tap: 'stm32f1x.cpu' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JTAGError);
    expect((err as JTAGError).openocdText).toContain('tdo check error at line 4');

    // XSVF: XSIR 4 0xe, XSDRSIZE 32, XTDOMASK ffffffff, XSDRTDO tdi 0 / tdo idcode, XCOMPLETE.
    const xsvf = (tdo: number[]): Buffer => Buffer.from([0x02, 4, 0x0e, 0x08, 0, 0, 0, 32, 0x01, 0xff, 0xff, 0xff, 0xff, 0x09, 0, 0, 0, 0, ...tdo, 0x00]);
    const xok = path.join(tmp, 'ok.xsvf');
    await writeFile(xok, xsvf([0x3b, 0xa0, 0x04, 0x77]));
    expect((await session.jtag.xsvf('stm32f1x.cpu', xok)).summary).toBe('XSVF file programmed successfully');
    const xbad = path.join(tmp, 'bad.xsvf');
    await writeFile(xbad, xsvf([0x12, 0x34, 0x56, 0x78]));
    await expect(session.jtag.xsvf('stm32f1x.cpu', xbad)).rejects.toThrow(/TDO mismatch/);

    // The target is still reachable after playback.
    expect(await session.target.halt()).toBe('halted');
  });
});

describe('rtt', () => {
  // A SEGGER RTT control block written into SRAM by hand, standing in for firmware:
  // "SEGGER RTT", 1 up + 1 down channel named "Terminal".
  const CB = 0x20001000;
  const NAME = 0x20001100;
  const UP = 0x20001200;
  const DOWN = 0x20001300;
  const UP_WROFF = CB + 24 + 12;
  const DOWN_WROFF = CB + 48 + 12;

  beforeAll(async () => {
    await session.target.halt();
    const cb = new Uint8Array(72);
    const dv = new DataView(cb.buffer);
    cb.set(new TextEncoder().encode('SEGGER RTT'), 0);
    dv.setUint32(16, 1, true);
    dv.setUint32(20, 1, true);
    const channel = (at: number, buf: number, size: number): void => {
      dv.setUint32(at, NAME, true);
      dv.setUint32(at + 4, buf, true);
      dv.setUint32(at + 8, size, true);
    };
    channel(24, UP, 256);
    channel(48, DOWN, 64);
    await session.memory.fill(CB, 0x400, 0);
    await session.memory.writeBytes(NAME, new TextEncoder().encode('Terminal\0'));
    await session.memory.writeBytes(CB, cb);
  });

  it('finds the control block and lists the channels', async () => {
    await session.rtt.setup(0x20000000, 20 * 1024);
    expect(await session.rtt.start()).toEqual({ controlBlock: CB });
    expect(await session.rtt.channels()).toEqual({
      up: [{ index: 0, name: 'Terminal', size: 256, flags: 0 }],
      down: [{ index: 0, name: 'Terminal', size: 64, flags: 0 }],
    });
    expect(await session.rtt.pollingInterval(20)).toBe(20);
    expect(await session.rtt.pollingInterval()).toBe(20);
  });

  it('streams the up-channel and writes the down-channel', async () => {
    await session.target.resume();
    const stream = await session.rtt.open(0);
    const chunks: string[] = [];
    stream.on('data', (c) => chunks.push(c.toString()));
    // The "firmware" writes a line into the up buffer and advances WrOff.
    await session.memory.writeBytes(UP, new TextEncoder().encode('hello from target\n'));
    await session.memory.writeU32(UP_WROFF, 18);
    let got = '';
    for (let i = 0; i < 50 && got.length < 18; i++) got += (await stream.take(1000)).toString();
    expect(got).toBe('hello from target\n');
    expect(chunks.join('')).toBe('hello from target\n');

    await session.rtt.write(0, 'ping');
    let wroff = 0;
    for (let i = 0; i < 100 && wroff < 4; i++) wroff = await session.memory.readU32(DOWN_WROFF);
    expect(wroff).toBe(4);
    expect(new TextDecoder().decode(await session.memory.readBytes(DOWN, 4))).toBe('ping');

    await session.rtt.stop();
    expect(stream.closed).toBe(true);
  });
});

describe('transport and adapter', () => {
  it('reports what remote_bitbang offers', async () => {
    expect(await session.transport.list()).toContain('jtag');
    expect(await session.transport.current()).toBe('jtag');
    expect(await session.transport.adapterName()).toBe('remote_bitbang');
    // remote_bitbang has no clock setting: OpenOCD says so.
    await expect(session.transport.speed()).rejects.toThrow(/Translation from khz to adapter speed not implemented/);
    await expect(session.transport.select('swd')).rejects.toThrow(/Can't change session's transport/);
    expect(await session.transport.targetVoltage()).toBeUndefined();
  });
});

describe('Session.connect', () => {
  it('attaches to a running OpenOCD, gets its events, and leaves it running on close', async () => {
    const ep = session.controller?.tclEndpoint();
    expect(ep).toBeDefined();
    const other = await Session.connect(ep && 'path' in ep ? { path: ep.path } : { port: ep?.port });
    try {
      await other.target.resume().catch(() => undefined);
      const halted = new Promise<string>((resolve) => {
        const off = other.target.on('halted', (e) => {
          off();
          resolve(e.raw);
        });
      });
      await session.target.halt(); // halted by the other session: still seen here
      expect(await halted).toBe('type target_event event halted');
      expect(await other.memory.readU32(0xe0042000)).toBe(0x20036410);
      expect(await other.command('version')).toMatch(/Open On-Chip Debugger 0\.12/);
    } finally {
      await other.close();
    }
    await expect(other.command('version')).rejects.toThrow(OpenOCDError);
    expect(await session.target.state()).toBe('halted');
  });

  it('a port with nothing behind it is a ConnectionError', async () => {
    await expect(Session.connect({ port: 1, timeoutMs: 2000 })).rejects.toMatchObject({ kind: 'ConnectionError' });
  });
});
