// Issue 11, Flash, through the WebSocket host over the real OpenOCD and the virtual
// board: a program with "reset and run" leaves the core running and adds a history row
// (CRC32, size, result) that survives a restart of the host; "Flash again" restages the
// kept image; a sector erase of a range erases exactly those sectors and is refused off
// a sector boundary. Images go to 0x08008000 so the blink firmware stays intact.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../shared/connection';
import type { FlashHistoryEntry } from '../../shared/flash-history';
import { VBOARD_PROFILE_ID } from '../../shared/profile';
import type { StagedImage } from '../../shared/workbench';
import { randomBytes } from '../images/test-support/writers';
import { startServer, type RunningServer } from '../serve';
import { TestClient } from '../serve/testing/ws-client';
import { createServices } from '../host/create-services';
import type { HostServices } from '../host/services';
import { FlashHistoryStore } from './history-store';

describe.runIf(process.platform === 'linux')('flash history, reset and run, erase range', () => {
  let dir: string;
  let services: HostServices;
  let server: RunningServer;
  let a: TestClient;
  const image = randomBytes(2048, 23);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bringup-flash-history-'));
    const renderer = path.join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    services = createServices({ userDataDir: path.join(dir, 'user') });
    server = await startServer({ services, rendererDir: renderer });
    a = await TestClient.open(server.port, server.token);
    await a.value('appReady');
    const s = await a.value<ConnectionStatus>('connect', { profileId: VBOARD_PROFILE_ID });
    expect(s.state).toBe('connected');
  });
  afterAll(async () => {
    a?.close();
    await services?.controller.dispose();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function flash(req: Record<string, unknown>) {
    const { jobId } = await a.value<{ jobId: string }>('startFlash', req);
    return a.flashEvent((e) => e.jobId === jobId && e.type !== 'progress');
  }

  it('programs with reset-and-run: the core runs, and the history row has the CRC32 and survives a restart', async () => {
    const imageId = await a.upload('app.bin', image);
    const end = await flash({ op: 'program', imageId, address: 0x08008000, verify: true, resetAfter: true });
    expect(end).toMatchObject({ type: 'done', verify: { ok: true } });
    const status = await a.value<ConnectionStatus>('getStatus');
    expect(status.target).toBe('running');

    const rows = await a.value<FlashHistoryEntry[]>('flashHistory');
    expect(rows[0]).toMatchObject({ name: 'app.bin', size: 2048, crc32: crc32(image) >>> 0, result: 'done', address: 0x08008000, resetAfter: true });
    // A new host process (a restart) reads the same list from the user-data folder.
    expect((await new FlashHistoryStore(path.join(dir, 'user')).list())[0]?.crc32).toBe(crc32(image) >>> 0);

    // Flash again: the kept copy comes back as a staged image with its address, and programs.
    const again = await a.value<{ image: StagedImage; address?: number }>('stageHistoryImage', { id: rows[0]!.id });
    expect(again).toMatchObject({ image: { name: 'app.bin', size: 2048 }, address: 0x08008000 });
    const end2 = await flash({ op: 'program', imageId: again.image.imageId, address: again.address, verify: true, resetAfter: false });
    expect(end2).toMatchObject({ type: 'done', verify: { ok: true } });
    expect((await a.value<ConnectionStatus>('getStatus')).target).toBe('halted');
    expect((await a.value<FlashHistoryEntry[]>('flashHistory')).slice(0, 2).map((r) => r.resetAfter)).toEqual([false, true]);
  });

  it('a history row whose image is gone says so', async () => {
    const r = await a.invoke('stageHistoryImage', { id: 'no-such-row' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("no flash 'no-such-row' in the history");

    // A chosen file (kept by path) deleted since it was flashed: named, with what to do.
    const file = path.join(dir, 'gone.bin');
    writeFileSync(file, image);
    const staged = await services.images.stagePath(file);
    expect(await flash({ op: 'program', imageId: staged.imageId, address: 0x08008000, verify: true, resetAfter: false })).toMatchObject({ type: 'done' });
    const row = (await a.value<FlashHistoryEntry[]>('flashHistory'))[0]!;
    expect(row).toMatchObject({ name: 'gone.bin', path: file });
    rmSync(file);
    const gone = await a.invoke('stageHistoryImage', { id: row.id });
    expect(gone.ok).toBe(false);
    if (!gone.ok) {
      expect(gone.error.message).toBe(`gone.bin is gone from ${file}`);
      expect(gone.error.hint).toContain('choose it again');
    }
  });

  it('erases a sector range (refused off a sector boundary) and the range reads as erased', async () => {
    const off = await flash({ op: 'erase-range', address: 0x08008100, length: 0x400 });
    expect(off.type).toBe('failed');
    if (off.type === 'failed') expect(off.error.message).toContain('is not on a sector boundary');
    // Still the image there: nothing was erased.
    const before = await a.value<string>('command', { tcl: 'mdb 0x08008000 4' });
    expect(String(before)).not.toMatch(/ff ff ff ff/);

    const end = await flash({ op: 'erase-range', address: 0x08008000, length: 0x800 });
    expect(end).toMatchObject({ type: 'done', bytes: 0x800 });
    // Both ends of the range read as erased flash.
    for (const at of ['0x08008000', '0x080087fc']) expect(String(await a.value<string>('command', { tcl: `mdb ${at} 4` }))).toMatch(/ff ff ff ff/);
  });
});
