// The Device panel's service against real OpenOCD 0.12 and the virtual STM32F103C8: the
// ids it reports are the board's, and option-byte writes (WRP, RDP) do on the chip what
// the panel says they do, read back after the reset that loads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VBOARD_PROFILE } from '../profiles/builtin';
import { Session } from '../session/session';
import { DBGMCU_IDCODE } from '../vboard/ppb';
import { readDeviceInfo } from './device-info';
import { writeOptionBytes } from './option-bytes';

const FLASH = 0x08000000;
let session: Session;

beforeAll(async () => {
  session = await Session.start(VBOARD_PROFILE);
  await session.command('reset halt');
}, 60_000);

afterAll(async () => {
  // Leave the chip as found: unprotected, no WRP.
  if (session) await writeOptionBytes(session, { rdp: 0, wrp: Array.from({ length: 16 }, (_, index) => ({ index, protected: false })) }).catch(() => undefined);
  await session?.close();
});

describe('device info and option bytes on the virtual board', () => {
  it("reports the virtual board's device id, revision, flash size, UID, core and comparators", async () => {
    const info = await readDeviceInfo(session);
    // The board's own UID, as it prints it (most significant word first, as ST's tools do).
    const uid = session.controller?.virtualBoard()?.uid;
    expect(uid).toMatch(/^[0-9a-f]{24}$/);
    expect(info).toMatchObject({
      idcode: DBGMCU_IDCODE,
      devId: 0x410,
      devName: 'STM32F10x medium density',
      revision: 'Y',
      flashSizeKiB: 64,
      uid,
      core: { name: 'Cortex-M3', implementer: 'ARM' },
      breakpoints: 6,
      watchpoints: 4,
    });
    expect(info.options).toMatchObject({ rdp: 0, user: { wdgSw: true, nRstStop: true, nRstStdby: true } });
    expect(info.options!.wrp).toHaveLength(16);
    expect(info.options!.wrp[15]).toEqual({ index: 15, address: 0x0800f000, size: 0x1000, protected: false });
  });

  it('reads the device while the firmware runs, and leaves it running', async () => {
    await session.command('resume');
    const info = await readDeviceInfo(session);
    expect(info.devId).toBe(0x410);
    expect(info.options?.rdp).toBe(0);
    expect(await session.target.state()).toBe('running');
  });

  it('write-protects one 4 KiB block, reads it back protected, then clears it', async () => {
    const on = await writeOptionBytes(session, { wrp: [{ index: 2, protected: true }] });
    expect(on.info.options!.wrp.filter((b) => b.protected).map((b) => b.index)).toEqual([2]);
    expect(on.commands).toContain('reset halt');
    // What a user relies on: the protected block refuses an erase.
    await expect(session.flash.eraseSectors(0, 8, 8)).rejects.toThrow();
    const off = await writeOptionBytes(session, { wrp: [{ index: 2, protected: false }] });
    expect(off.info.options!.wrp.some((b) => b.protected)).toBe(false);
  });

  it('user bits written with options_write read back changed', async () => {
    const r = await writeOptionBytes(session, { user: { wdgSw: false, nRstStop: true, nRstStdby: false } });
    expect(r.commands.some((c) => c.startsWith('stm32f1x options_write 0 HWWDG RSTSTNDBY NORSTSTOP'))).toBe(true);
    expect(r.info.options!.user).toEqual({ wdgSw: false, nRstStop: true, nRstStdby: false });
    const back = await writeOptionBytes(session, { user: { wdgSw: true, nRstStop: true, nRstStdby: true } });
    expect(back.info.options!.user).toEqual({ wdgSw: true, nRstStop: true, nRstStdby: true });
  });

  it('RDP 1 blocks flash reads; going back to RDP 0 mass-erases the flash', async () => {
    const before = await session.memory.readBytes(FLASH, 16);
    expect(before.some((b) => b !== 0xff)).toBe(true); // the default firmware is there
    const locked = await writeOptionBytes(session, { rdp: 1 });
    expect(locked.info.options!.rdp).toBe(1);
    // The ids stay readable at level 1 (DBGMCU and system memory are not flash).
    expect(locked.info.devId).toBe(0x410);
    await expect(session.memory.readBytes(FLASH, 16)).rejects.toThrow();
    const unlocked = await writeOptionBytes(session, { rdp: 0 });
    expect(unlocked.info.options!.rdp).toBe(0);
    expect(unlocked.commands.some((c) => c.startsWith('stm32f1x unlock 0'))).toBe(true);
    expect((await session.memory.readBytes(FLASH, 0x400)).every((b) => b === 0xff)).toBe(true);
  });
});
