// The Peripherals and Breakpoints channels as the renderer calls them, through the real
// host, OpenOCD and the virtual board (its blink firmware): GPIOC decoded by field, an
// ODR13 write that turns the LED, a breakpoint and a watchpoint that halt the firmware,
// run to an address, memory search / fill / export.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeName, ResponseOf } from '../../shared/contract';
import type { DebugPoints } from '../../shared/debug';
import type { PeriphModel, PeriphRead, PeriphWriteResult } from '../../shared/peripherals';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import { createHost, type Host } from '../host';
import { createServices } from '../host/create-services';
import type { HostServices } from '../host/services';
import { parseIntelHex } from '../images/ihex';

describe('workbench channels on the virtual board', () => {
  let dir: string;
  let services: HostServices;
  let host: Host;

  async function call<K extends InvokeName>(channel: K, req: unknown = {}): Promise<ResponseOf<K>> {
    const r = await host.handle(channel, req);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as ResponseOf<K>;
  }
  async function fails(channel: InvokeName, req: unknown): Promise<string> {
    const r = await host.handle(channel, req);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error.message;
  }
  const waitHalted = async () => {
    for (let i = 0; i < 200; i++) {
      if ((await call('haltInfo')).state === 'halted') return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('never halted');
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-workbench-'));
    services = createServices({ userDataDir: dir, adapters: { sysfsRoot: path.join(dir, 'no-sysfs') } });
    host = createHost(services, () => undefined);
    const st = await call('connect', { profileId: VBOARD_PROFILE_ID });
    expect(st.state).toBe('connected');
  }, 60_000);
  afterAll(async () => {
    host.dispose();
    await services.station.dispose();
    await services.controller.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the virtual board gets the bundled STM32F103 SVD; GPIOC decodes by field', async () => {
    const model = (await call('svdModel', { profileId: VBOARD_PROFILE_ID })) as PeriphModel;
    expect(model.device).toBe('STM32F103');
    expect(model.source).toContain('(bundled)');
    const gpioc = model.peripherals.find((p) => p.name === 'GPIOC')!;
    expect(gpioc.baseAddress).toBe(0x40011000);
    const odr = gpioc.registers.find((r) => r.name === 'ODR')!;
    expect(odr.fields.find((f) => f.name === 'ODR13')).toMatchObject({ lsb: 13, msb: 13 });
    expect(gpioc.registers.find((r) => r.name === 'BSRR')!.access).toBe('write-only');

    await call('targetControl', { action: 'halt' });
    const read = (await call('peripheralRead', { profileId: VBOARD_PROFILE_ID, peripheral: 'GPIOC' })) as PeriphRead;
    const crh = read.registers.find((r) => r.name === 'CRH')!;
    expect(crh.value).toBe(0x44344444); // the blink firmware's PC13 push-pull output
    expect(crh.fields.find((f) => f.name === 'MODE13')!.value).toBe(3);
    expect(read.registers.find((r) => r.name === 'BSRR')!.value).toBeNull();
  });

  it('writing ODR13 through the panel channel turns the LED and reads back', async () => {
    const board = services.controller.virtualBoard()!;
    const w1 = (await call('peripheralWriteField', { profileId: VBOARD_PROFILE_ID, peripheral: 'GPIOC', register: 'ODR', field: 'ODR13', value: 1 })) as PeriphWriteResult;
    expect(w1.after.fields.find((f) => f.name === 'ODR13')!.value).toBe(1);
    expect(board.stats().ledOn).toBe(false); // active low
    const w0 = (await call('peripheralWriteField', { profileId: VBOARD_PROFILE_ID, peripheral: 'GPIOC', register: 'ODR', field: 'ODR13', value: 0 })) as PeriphWriteResult;
    expect(w0.after.value! & 0x2000).toBe(0);
    expect(board.stats().ledOn).toBe(true);
    expect(await fails('peripheralWriteField', { profileId: VBOARD_PROFILE_ID, peripheral: 'GPIOC', register: 'IDR', field: 'IDR0', value: 1 })).toMatch(/read-only/);
    expect(await fails('peripheralWriteField', { profileId: VBOARD_PROFILE_ID, peripheral: 'GPIOC', register: 'ODR', field: 'ODR13', value: 2 })).toMatch(/does not fit/);
  });

  it('a hardware breakpoint on the SysTick handler halts there; run to and step over work', async () => {
    await call('targetControl', { action: 'reset', mode: 'halt' });
    let pts = (await call('addBreakpoint', { address: 0x08000050, hardware: true })) as DebugPoints;
    expect(pts.breakpoints).toEqual([expect.objectContaining({ address: 0x08000050, hardware: true, enabled: true })]);
    expect(pts.hwBreakpointsTotal).toBe(6);
    expect(pts.hwBreakpointsFree).toBe(5);
    await call('targetControl', { action: 'resume' });
    await waitHalted();
    const hit = await call('haltInfo');
    expect(hit).toMatchObject({ state: 'halted', reason: 'breakpoint', pc: 0x08000050 });

    // Disabled: off the target (its comparator free again), still listed.
    pts = (await call('enableDebugPoint', { kind: 'breakpoint', address: 0x08000050, enabled: false })) as DebugPoints;
    expect(pts.breakpoints[0]).toMatchObject({ enabled: false });
    expect(pts.hwBreakpointsFree).toBe(6);
    await call('runTo', { address: 0x08000056 });
    await waitHalted();
    expect((await call('haltInfo')).pc).toBe(0x08000056);
    // The temporary breakpoint went at the halt.
    expect(((await call('debugPoints')) as DebugPoints).hwBreakpointsFree).toBe(6);
    expect(await call('stepOver')).toBe('step');
    expect((await call('haltInfo')).pc).toBe(0x08000058);
    pts = (await call('removeDebugPoint', { kind: 'breakpoint', address: 0x08000050 })) as DebugPoints;
    expect(pts.breakpoints).toEqual([]);
  });

  it('step over runs a BL to its return (code in SRAM: a software breakpoint)', async () => {
    await call('targetControl', { action: 'reset', mode: 'halt' });
    // 0x20000400: bl 0x20000408; 0x20000404: nop; 0x20000408: bx lr
    await call('writeMemory', { address: 0x20000400, width: 16, values: [0xf000, 0xf802, 0xbf00, 0xbf00, 0x4770] });
    await call('writeRegister', { name: 'pc', value: 0x20000400 });
    expect(await call('stepOver')).toBe('over');
    await waitHalted();
    expect((await call('haltInfo')).pc).toBe(0x20000404);
    expect(((await call('debugPoints')) as DebugPoints).breakpoints).toEqual([]);
  });

  it('a write watchpoint on GPIOC_ODR halts after the store', async () => {
    await call('targetControl', { action: 'reset', mode: 'halt' });
    const pts = (await call('addWatchpoint', { address: 0x4001100c, length: 4, access: 'w' })) as DebugPoints;
    expect(pts.watchpoints).toEqual([expect.objectContaining({ address: 0x4001100c, length: 4, access: 'w' })]);
    expect(pts.watchpointsFree).toBe(pts.watchpointsTotal! - 1);
    await call('targetControl', { action: 'resume' });
    await waitHalted();
    expect(await call('haltInfo')).toMatchObject({ reason: 'watchpoint', pc: 0x08000058 });
    await call('removeDebugPoint', { kind: 'watchpoint', address: 0x4001100c });
    expect(await fails('addWatchpoint', { address: 0x20000002, length: 4, access: 'w' })).toMatch(/multiple of 4/);
  });

  it('memory tools: fill, search, export as .bin and Intel HEX', async () => {
    await call('memoryFill', { address: 0x20001000, length: 64, value: 0xa5 });
    await call('writeMemory', { address: 0x20001010, width: 32, values: [0xefbeadde] });
    const hits = await call('memorySearch', { address: 0x20000000, length: 0x5000, pattern: { kind: 'hex', bytes: 'de ad be ef' } });
    expect(hits.matches).toContain(0x20001010);
    const bin = await call('memoryExport', { address: 0x20001000, length: 64, format: 'bin' });
    const bytes = Buffer.from(bin.data, 'base64');
    expect(bytes.length).toBe(64);
    expect(bytes[0]).toBe(0xa5);
    expect([...bytes.subarray(16, 20)]).toEqual([0xde, 0xad, 0xbe, 0xef]);
    const ihex = await call('memoryExport', { address: 0x20001000, length: 64, format: 'ihex' });
    const image = parseIntelHex(Buffer.from(ihex.data, 'base64').toString('utf8'), ihex.name);
    expect(Buffer.from(image.segments[0]!.data)).toEqual(bytes);
  });
});
