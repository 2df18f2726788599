// Writes the stm32f1x option bytes through OpenOCD's own driver commands, in the order
// that keeps a change whole: leave RDP 1 first (it mass-erases, and OpenOCD's rewrite of
// the option block would clear RDP anyway), then WRP and user bits, then RDP 1 last. The
// chip loads option bytes only at reset, so `reset halt` follows and the result is read
// back from the chip, not assumed.
import type { OptionBytesChange, OptionBytesResult } from '../../shared/device';
import { OPTION_BYTES_NOTE } from '../../shared/device';
import { ValidationError } from '../openocd/errors';
import type { Session } from '../session/session';
import { isStm32f1x, readDeviceInfo } from './device-info';

export async function writeOptionBytes(s: Session, change: OptionBytesChange): Promise<OptionBytesResult> {
  if (!(await isStm32f1x(s))) throw new ValidationError('option bytes: only STM32F1 (OpenOCD stm32f1x driver) parts are supported', { hint: 'Connect a profile whose target is an STM32F1, or the virtual board.' });
  const commands: string[] = [];
  const run = async (tcl: string): Promise<void> => {
    commands.push(tcl);
    await s.command(tcl, { timeoutMs: 30_000 });
  };
  // Option-byte writes need a halted core and the flash driver probed.
  await run('reset halt');
  const before = await readDeviceInfo(s);
  const cur = before.options;
  if (!cur) throw new ValidationError('option bytes: could not read them from this chip');
  const targetRdp = change.rdp ?? cur.rdp;
  for (const w of change.wrp ?? []) {
    if (!cur.wrp.some((b) => b.index === w.index)) throw new ValidationError(`WRP block ${w.index} does not exist on this part (blocks 0-${cur.wrp.length - 1})`);
  }
  const wrpChanges = (change.wrp ?? []).filter((w) => cur.wrp.find((b) => b.index === w.index)?.protected !== w.protected);
  const u = change.user;
  const userChanged = u !== undefined && (u.wdgSw !== cur.user.wdgSw || u.nRstStop !== cur.user.nRstStop || u.nRstStdby !== cur.user.nRstStdby);
  const other = wrpChanges.length > 0 || userChanged;

  if (cur.rdp === 1 && (targetRdp === 0 || other)) {
    // Leaving RDP 1 mass-erases the flash; a reset makes the chip load the unprotected state.
    await s.flash.stm32f1x.unlock(0).then((r) => commands.push(`stm32f1x unlock 0  # ${r.message}`));
    await run('reset halt');
  }
  for (const w of wrpChanges) {
    const r = await s.flash.protect(0, w.index, w.index, w.protected);
    commands.push(`flash protect 0 ${w.index} ${w.index} ${w.protected ? 'on' : 'off'}${r.message ? `  # ${r.message}` : ''}`);
  }
  if (userChanged && u) {
    await run(`stm32f1x options_write 0 ${u.wdgSw ? 'SWWDG' : 'HWWDG'} ${u.nRstStdby ? 'NORSTSTNDBY' : 'RSTSTNDBY'} ${u.nRstStop ? 'NORSTSTOP' : 'RSTSTOP'}`);
  }
  if (targetRdp === 1 && (cur.rdp === 0 || other)) {
    await s.flash.stm32f1x.lock(0).then((r) => commands.push(`stm32f1x lock 0  # ${r.message}`));
  }
  // The chip loads the option bytes at reset: then read what it really holds.
  await run('reset halt');
  return { info: await readDeviceInfo(s), commands, note: OPTION_BYTES_NOTE };
}
